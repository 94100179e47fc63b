import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { findOwnJob } from './imports.jobs.ts';
import type { ImportKind } from './imports.kinds.ts';
import { importJobs } from './imports.schema.ts';

/** Streams rows into an xlsx with exceljs' streaming writer (bold header, sized columns). */
function xlsx(headers: string[], widths: number[], rows: Iterable<unknown[]>): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('sheet1');
  ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  (async () => {
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}

/** The downloadable template of an import kind: its headers in the user's language and one example row. */
export function importTemplate(ctx: Ctx, kind: ImportKind) {
  const example = kind.example(ctx.locale);
  return xlsx(
    kind.columns.map((c) => c.headers[ctx.locale]),
    kind.columns.map((c) => c.width ?? 14),
    [kind.columns.map((c) => example[c.key] ?? '')],
  );
}

/** The problems of the last dry run (or refused commit) as xlsx: row, column, reason. */
export async function importReport(ctx: Ctx, kind: ImportKind, id: number) {
  await findOwnJob(ctx, id, kind.template);
  const [row] = await ctx.db.select({ problems: importJobs.problems }).from(importJobs).where(eq(importJobs.id, id));
  const t = (k: string) => translate(ctx.locale, k);
  return xlsx(
    [t('import.report.row'), t('import.report.column'), t('import.report.reason')],
    [8, 20, 60],
    row.problems.map((p) => [p.row, p.column, p.message]),
  );
}

/** What a commit created, as xlsx: the kind's result columns (customer no, name, contact; product code…). */
export async function importResult(ctx: Ctx, kind: ImportKind, id: number) {
  await findOwnJob(ctx, id, kind.template);
  const [row] = await ctx.db.select({ result: importJobs.result }).from(importJobs).where(eq(importJobs.id, id));
  const headers = kind.resultHeaders.map((k) => translate(ctx.locale, k));
  return xlsx(
    headers,
    headers.map((_, i) => (i === 1 ? 36 : 18)),
    row.result,
  );
}
