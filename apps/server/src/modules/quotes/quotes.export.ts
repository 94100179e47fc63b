import { PassThrough } from 'node:stream';
import type { QuoteFilter } from '@sales/core';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { exportQuoteRows } from './quotes.list.ts';
import './quotes.messages.ts';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '报价单号',
    '版本',
    '标题',
    '客户',
    '状态',
    '有效期至',
    '不含税金额',
    '税额',
    '价税合计',
    '负责人',
    '部门',
    '创建时间',
    '更新时间',
  ],
  'zh-TW': [
    '報價單號',
    '版本',
    '標題',
    '客戶',
    '狀態',
    '有效期至',
    '未稅金額',
    '稅額',
    '含稅合計',
    '負責人',
    '部門',
    '建立時間',
    '更新時間',
  ],
  'en-US': [
    'No.',
    'Revision',
    'Title',
    'Customer',
    'Status',
    'Valid until',
    'Net',
    'Tax',
    'Gross',
    'Owner',
    'Department',
    'Created',
    'Updated',
  ],
};

/** An amount as a number cell only when a double holds it exactly (≤ 15 significant digits); text otherwise. */
function amountCell(v: string): number | string {
  return v.replace(/[^0-9]/g, '').replace(/^0+/, '').length <= 15 ? Number(v) : v;
}

/** Streams the filtered quote list (export scope) as an xlsx workbook (exceljs streaming writer). */
export function exportQuotesXlsx(ctx: Ctx, filter: QuoteFilter): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('quotes');
  ws.columns = HEADERS[ctx.locale].map((header, i) => ({ header, width: i === 2 || i === 3 ? 32 : 16 }));
  for (const c of [7, 8, 9]) ws.getColumn(c).numFmt = '#,##0.00';
  ws.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of exportQuoteRows(ctx, filter)) {
      for (const r of batch) {
        ws.addRow([
          r.no,
          r.revision,
          r.title,
          r.customerName,
          translate(ctx.locale, `quote.status.${r.status}`),
          r.validUntil,
          amountCell(r.totalNet),
          amountCell(r.totalTax),
          amountCell(r.totalGross),
          r.ownerName,
          r.deptName,
          r.createdAt,
          r.updatedAt,
        ]).commit();
      }
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}
