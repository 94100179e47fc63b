import { PassThrough } from 'node:stream';
import { CUSTOMER_IMPORT_COLUMNS } from '@sales/core';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { findOwnJob } from './imports.jobs.ts';
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

/** The downloadable template of a customer import: the recognised headers and one example row. */
export function importTemplate(ctx: Ctx) {
  const example: Record<string, string> = {
    name: '示例商贸有限公司',
    kind: translate(ctx.locale, 'import.example.kind'),
    creditCode: '91350100M000100Y43',
    mobile: '13800138000',
    region: translate(ctx.locale, 'import.example.region'),
    class: 'A',
    tags: translate(ctx.locale, 'import.example.tags'),
    contactName: translate(ctx.locale, 'import.example.contact'),
    contactTitle: translate(ctx.locale, 'import.example.title'),
    contactMobile: '13900139000',
  };
  return xlsx(
    CUSTOMER_IMPORT_COLUMNS.map((c) => c.headers[ctx.locale]),
    CUSTOMER_IMPORT_COLUMNS.map((c) => ('width' in c ? c.width : 14)),
    [CUSTOMER_IMPORT_COLUMNS.map((c) => example[c.key] ?? '')],
  );
}

/** The problems of the last dry run (or refused commit) as xlsx: row, column, reason. */
export async function importReport(ctx: Ctx, id: number) {
  await findOwnJob(ctx, id);
  const [row] = await ctx.db.select({ problems: importJobs.problems }).from(importJobs).where(eq(importJobs.id, id));
  const t = (k: string) => translate(ctx.locale, k);
  return xlsx(
    [t('import.report.row'), t('import.report.column'), t('import.report.reason')],
    [8, 20, 60],
    row.problems.map((p) => [p.row, p.column, p.message]),
  );
}

/** What a commit created, as xlsx: customer number, name, contact. */
export async function importResult(ctx: Ctx, id: number) {
  await findOwnJob(ctx, id);
  const [row] = await ctx.db.select({ result: importJobs.result }).from(importJobs).where(eq(importJobs.id, id));
  const t = (k: string) => translate(ctx.locale, k);
  return xlsx([t('import.result.no'), t('import.result.name'), t('import.result.contact')], [18, 36, 16], row.result);
}
