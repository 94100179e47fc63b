import { PassThrough } from 'node:stream';
import type { OpportunityFilter } from '@sales/core';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { exportOpportunityRows } from './opportunities.list.ts';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '商机编号',
    '商机名称',
    '客户',
    '销售流程',
    '阶段',
    '状态',
    '金额',
    '赢率(%)',
    '预计成交日期',
    '负责人',
    '部门',
    '成交/输单日期',
    '输单原因',
    '创建时间',
    '更新时间',
  ],
  'zh-TW': [
    '商機編號',
    '商機名稱',
    '客戶',
    '銷售流程',
    '階段',
    '狀態',
    '金額',
    '贏率(%)',
    '預計成交日期',
    '負責人',
    '部門',
    '成交/輸單日期',
    '輸單原因',
    '建立時間',
    '更新時間',
  ],
  'en-US': [
    'No.',
    'Name',
    'Customer',
    'Pipeline',
    'Stage',
    'Status',
    'Amount',
    'Probability (%)',
    'Expected close',
    'Owner',
    'Department',
    'Closed on',
    'Lost reason',
    'Created',
    'Updated',
  ],
};

const STATUS: Record<Locale, Record<string, string>> = {
  'zh-CN': { open: '进行中', won: '赢单', lost: '输单' },
  'zh-TW': { open: '進行中', won: '贏單', lost: '輸單' },
  'en-US': { open: 'Open', won: 'Won', lost: 'Lost' },
};

/** An amount as a number cell only when a double holds it exactly (≤ 15 significant digits); text otherwise. */
function amountCell(v: string): number | string {
  return v.replace(/[^0-9]/g, '').replace(/^0+/, '').length <= 15 ? Number(v) : v;
}

/**
 * Streams the filtered opportunity list (export scope) as an xlsx workbook, using exceljs'
 * streaming writer so large exports keep memory flat.
 */
export function exportOpportunitiesXlsx(ctx: Ctx, filter: OpportunityFilter): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('opportunities');
  ws.columns = HEADERS[ctx.locale].map((header, i) => ({ header, width: i === 1 || i === 2 ? 32 : 16 }));
  ws.getColumn(7).numFmt = '#,##0.00';
  ws.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of exportOpportunityRows(ctx, filter)) {
      for (const r of batch) {
        ws.addRow([
          r.no,
          r.name,
          r.customerName,
          r.pipelineName,
          r.stageName,
          STATUS[ctx.locale][r.status] ?? r.status,
          amountCell(r.amount),
          r.probability,
          r.expectedCloseDate,
          r.ownerName,
          r.deptName,
          r.closedOn,
          r.lostReason,
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
