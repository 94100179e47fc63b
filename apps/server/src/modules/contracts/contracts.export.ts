import { PassThrough } from 'node:stream';
import { type ContractFilter, PRICE_MASK } from '@sales/core';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { exportContractRows } from './contracts.list.ts';
import './contracts.messages.ts';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '合同编号',
    '合同名称',
    '客户',
    '状态',
    '版本',
    '合同金额',
    '已开票',
    '已回款',
    '未回款',
    '回款逾期',
    '交付延迟',
    '开始日期',
    '结束日期',
    '签订日期',
    '负责人',
    '部门',
  ],
  'zh-TW': [
    '合同編號',
    '合同名稱',
    '客戶',
    '狀態',
    '版本',
    '合同金額',
    '已開票',
    '已回款',
    '未回款',
    '回款逾期',
    '交付延遲',
    '開始日期',
    '結束日期',
    '簽訂日期',
    '負責人',
    '部門',
  ],
  'en-US': [
    'No.',
    'Title',
    'Customer',
    'Status',
    'Revision',
    'Amount',
    'Invoiced',
    'Received',
    'Remaining',
    'Overdue',
    'Delivery late',
    'Start',
    'End',
    'Signed',
    'Owner',
    'Department',
  ],
};

const YES: Record<Locale, string> = { 'zh-CN': '是', 'zh-TW': '是', 'en-US': 'Yes' };

/**
 * An amount as a number cell only when a double holds it exactly (≤ 15 significant digits); text
 * otherwise; ＊＊＊ when masked (SPEC 1.2: no contract.prices) — never a number that is not the amount.
 */
function amountCell(v: string | null): number | string {
  if (v === null) return PRICE_MASK;
  return v.replace(/[^0-9]/g, '').replace(/^0+/, '').length <= 15 ? Number(v) : v;
}

/** Streams the filtered ledger (export scope) as an xlsx workbook with exceljs' streaming writer. */
export function exportContractsXlsx(ctx: Ctx, filter: ContractFilter): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('contracts');
  ws.columns = HEADERS[ctx.locale].map((header, i) => ({ header, width: i === 1 || i === 2 ? 32 : 14 }));
  for (const c of [6, 7, 8, 9]) ws.getColumn(c).numFmt = '#,##0.00';
  ws.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of exportContractRows(ctx, filter)) {
      for (const r of batch) {
        ws.addRow([
          r.no,
          r.title,
          r.customerName,
          translate(ctx.locale, `contract.status.${r.status}`),
          r.revision,
          amountCell(r.amount),
          amountCell(r.invoicedAmount),
          amountCell(r.receivedAmount),
          amountCell(r.remainingAmount),
          r.overdue ? YES[ctx.locale] : '',
          r.deliveryLate ? YES[ctx.locale] : '',
          r.startDate,
          r.endDate,
          r.signedDate,
          r.ownerName,
          r.deptName,
        ]).commit();
      }
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}
