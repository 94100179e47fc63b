import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { findOwnJob } from './imports.jobs.ts';
import type { ImportKind } from './imports.kinds.ts';
import { type ImportProblem, importJobs } from './imports.schema.ts';

const SUMMARY = {
  id: importJobs.id,
  template: importJobs.template,
  status: importJobs.status,
  step: importJobs.step,
  fileName: importJobs.fileName,
  fileSize: importJobs.fileSize,
  totalRows: importJobs.totalRows,
  processedRows: importJobs.processedRows,
  errorCount: importJobs.errorCount,
  createdCount: importJobs.createdCount,
  failure: importJobs.failure,
  createdAt: importJobs.createdAt,
  updatedAt: importJobs.updatedAt,
};

const present = <T extends { createdAt: Date; updatedAt: Date }>(r: T) => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** One import of the user's: state, counters, headers and mapping (the progress the web polls). */
export async function getImport(ctx: Ctx, kind: ImportKind, id: number) {
  await findOwnJob(ctx, id, kind.template);
  const [row] = await ctx.db
    .select({ ...SUMMARY, headers: importJobs.headers, mapping: importJobs.mapping })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return present(row);
}

/** The user's own imports of a kind, newest first. */
export async function listImports(ctx: Ctx, kind: ImportKind, q: { page: number; pageSize: number }) {
  const rows = await ctx.db
    .select(SUMMARY)
    .from(importJobs)
    .where(and(eq(importJobs.createdBy, ctx.principal.userId), eq(importJobs.template, kind.template)))
    .orderBy(desc(importJobs.id))
    .limit(q.pageSize + 1)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.slice(0, q.pageSize).map(present), hasMore: rows.length > q.pageSize };
}

/** A page of the problems of the last dry run or refused commit, in row order. */
export async function listImportProblems(
  ctx: Ctx,
  kind: ImportKind,
  id: number,
  q: { page: number; pageSize: number },
) {
  await findOwnJob(ctx, id, kind.template);
  const res = await ctx.db.execute<{ items: ImportProblem[] | null; total: number }>(sql`
    select (select jsonb_agg(e order by n) from jsonb_array_elements(problems) with ordinality as t(e, n)
              where n > ${(q.page - 1) * q.pageSize} and n <= ${q.page * q.pageSize}) items,
           jsonb_array_length(problems) total
    from import_jobs where id = ${id}`);
  const r = res.rows[0];
  return { items: r.items ?? [], total: Number(r.total) };
}
