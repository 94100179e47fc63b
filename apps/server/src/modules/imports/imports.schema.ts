import { bigint, customType, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../platform/org/org.schema.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** One problem of an import row: 1-based sheet row, the file's column header, the localised reason. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/**
 * An xlsx import (SPEC 1.9): the uploaded file, its column mapping, and the state and counters of
 * its current step (analyse → dry run → commit), polled by the web for the progress bar. The work
 * runs off the request; a job is seen only by the user who uploaded it.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // What is imported (ImportTemplate): customers (with contacts) | products | priceLists | openingStock.
    template: text('template').notNull(),
    // analysing | mapping | validating | validated | invalid | committing | committed | failed
    status: text('status').notNull(),
    // The step the counters belong to: analyse | dryRun | commit.
    step: text('step').notNull().default('analyse'),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    file: bytea('file').notNull(),
    // Header cells of the first row, in column order, and header → field (or null: ignored).
    headers: jsonb('headers').$type<string[]>().notNull().default([]),
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull().default({}),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    // Problems of the last dry run or refused commit (capped; errorCount has the true count).
    problems: jsonb('problems').$type<ImportProblem[]>().notNull().default([]),
    // What the commit created, one row per record (the kind's result columns, e.g. customer no, name, contact).
    result: jsonb('result').$type<(string | null)[][]>().notNull().default([]),
    // A failure that is not a row problem (unreadable file, database error), as a message key.
    failure: text('failure'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The user's own imports of one kind, newest first (the only list there is).
  (t) => [index('import_jobs_creator_idx').on(t.createdBy, t.template, t.id.desc())],
);
