import { PassThrough } from 'node:stream';
import { formatNumber, formatYuan, toMoneyString } from '@sales/core';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import { companyName } from '../../platform/org/company.ts';
import { type PrintAlign, type PrintColumn, renderPdf } from '../../platform/printing/index.ts';
import type { CellKind, ReportLayout } from './reports.model.ts';

// Zero shows as 0 and a conversion without leads as "—" (never a division error, SPEC 5.1).
const DASH = '—';

function shown(kind: CellKind, v: string | null): string {
  if (v === null) return DASH;
  if (kind === 'money') return formatYuan(v);
  if (kind === 'count') return formatNumber(v);
  if (kind === 'percent') return `${v}%`;
  return v;
}

const align = (kind: CellKind): PrintAlign => (kind === 'text' ? 'left' : 'right');

/**
 * The report as a PDF through platform printing: the sections stacked in one table (the printing
 * layout has one), each introduced by its title row and, after the first, its own header row.
 */
export async function layoutPdf(ctx: Ctx, l: ReportLayout): Promise<Buffer> {
  const width = Math.max(...l.sections.map((s) => s.columns.length));
  const first = l.sections[0];
  const columns: PrintColumn[] = Array.from({ length: width }, (_, i) => ({
    header: first.columns[i]?.header ?? '',
    width: first.columns[i]?.width ?? 6,
    align: first.columns[i] ? align(first.columns[i].kind) : 'left',
  }));
  const pad = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
  const rows: string[][] = [];
  l.sections.forEach((s, i) => {
    if (s.title && (i > 0 || l.sections.length > 1)) rows.push(pad([`【${s.title}】`]));
    if (i > 0) rows.push(pad(s.columns.map((c) => c.header)));
    for (const r of s.rows) rows.push(pad(r.map((v, j) => shown(s.columns[j].kind, v))));
  });
  return renderPdf({
    title: l.title,
    companyName: await companyName(ctx.db),
    documentNo: l.fields[0]?.value ?? '',
    documentNoLabel: l.fields[0]?.label,
    headerFields: l.fields.slice(1),
    table: { columns, rows },
    notes: l.notes.length ? l.notes : undefined,
    // Wide tables (the weekly report's 15 columns) print across the page.
    layout: width > 9 ? 'landscape' : 'portrait',
  });
}

/**
 * The report as xlsx through the streaming workbook writer (same library and path as the list
 * exports): one sheet, the sections stacked, money as exact 2-decimal strings (never floats).
 */
export function layoutXlsx(l: ReportLayout): PassThrough {
  const out = new PassThrough();
  (async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const ws = wb.addWorksheet(l.title);
    const width = Math.max(...l.sections.map((s) => s.columns.length));
    ws.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 20 : 14 }));
    const title = ws.addRow([l.title]);
    title.font = { bold: true, size: 14 };
    title.commit();
    for (const f of l.fields) ws.addRow([f.label, f.value]).commit();
    for (const s of l.sections) {
      ws.addRow([]).commit();
      if (s.title) {
        const r = ws.addRow([s.title]);
        r.font = { bold: true };
        r.commit();
      }
      const h = ws.addRow(s.columns.map((c) => c.header));
      h.font = { bold: true };
      h.commit();
      for (const row of s.rows)
        ws.addRow(
          row.map((v, j) => {
            const kind = s.columns[j].kind;
            if (v === null) return DASH;
            return kind === 'money' ? toMoneyString(v) : v;
          }),
        ).commit();
    }
    if (l.notes.length) ws.addRow([]).commit();
    for (const n of l.notes) ws.addRow([n]).commit();
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}
