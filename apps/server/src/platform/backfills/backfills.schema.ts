import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Data backfills already run on this database: a backfill recomputes stored values in code (e.g. a
 * normalised key after its function changed), once, at the first start of the release bringing it.
 */
export const dataBackfills = pgTable('data_backfills', {
  name: text('name').primaryKey(),
  rows: integer('rows').notNull(),
  doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
});
