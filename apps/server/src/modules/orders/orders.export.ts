import { PassThrough } from 'node:stream';
import type { OrderFilter } from '@sales/core';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { exportOrderRows } from './orders.list.ts';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '订单编号',
    '客户',
    '负责人',
    '状态',
    '渠道',
    '要求交期',
    '承诺交期',
    '不含税金额',
    '税额',
    '价税合计',
    '已开票',
    '已收款',
    '创建时间',
  ],
  'zh-TW': [
    '訂單編號',
    '客戶',
    '負責人',
    '狀態',
    '渠道',
    '要求交期',
    '承諾交期',
    '未稅金額',
    '稅額',
    '價稅合計',
    '已開票',
    '已收款',
    '建立時間',
  ],
  'en-US': [
    'No.',
    'Customer',
    'Owner',
    'Status',
    'Channel',
    'Requested',
    'Promised',
    'Net',
    'Tax',
    'Gross',
    'Invoiced',
    'Received',
    'Created',
  ],
};

/** An amount as a number cell only when a double holds it exactly (≤ 15 significant digits); text otherwise. */
function amountCell(v: string): number | string {
  return v.replace(/[^0-9]/g, '').replace(/^0+/, '').length <= 15 ? Number(v) : v;
}

/** Streams the filtered order list (export scope) as an xlsx workbook (exceljs streaming writer). */
export function exportOrdersXlsx(ctx: Ctx, filter: OrderFilter): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('orders');
  ws.columns = HEADERS[ctx.locale].map((header, i) => ({ header, width: i === 1 ? 32 : 16 }));
  for (const c of [8, 9, 10, 11, 12]) ws.getColumn(c).numFmt = '#,##0.00';
  ws.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of exportOrderRows(ctx, filter)) {
      for (const r of batch) {
        ws.addRow([
          r.no,
          r.customerName,
          r.ownerName,
          translate(ctx.locale, `order.status.${r.status}`),
          r.channel,
          r.requestedDate,
          r.promisedDate,
          amountCell(r.totalNet),
          amountCell(r.totalTax),
          amountCell(r.totalGross),
          amountCell(r.invoicedAmount),
          amountCell(r.receivedAmount),
          r.createdAt,
        ]).commit();
      }
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}
