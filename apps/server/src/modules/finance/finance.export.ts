import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { type ReceivablesQuery, type StatementQuery, toMoneyString } from '@sales/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import { arrearsExportSql, presentArrears } from './receivables.ts';
import { customerStatement } from './statement.ts';

// Money cells are written as exact 2-decimal strings (never floats).
const num = (v: string) => toMoneyString(v);

function workbook(out: PassThrough) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
}

const BATCH = 1000;

/**
 * 客户欠款明细表 as xlsx (export scope): per customer × document × invoice, outstanding and days
 * overdue. Streamed: rows come from a server-side cursor a thousand at a time (one read-only
 * snapshot) and leave as the client takes them, so neither memory nor the event loop grows with the ledger.
 */
export function exportArrearsXlsx(ctx: Ctx, q: ReceivablesQuery): PassThrough {
  const out = new PassThrough();
  (async () => {
    const { asOf, query } = await arrearsExportSql(ctx, q);
    const wb = workbook(out);
    const ws = wb.addWorksheet('客户欠款明细表');
    ws.columns = [
      '客户',
      '订单/合同',
      '发票号码',
      '开票日期',
      '到期日',
      '开票金额',
      '已收',
      '欠款',
      '逾期天数',
      '负责人',
    ].map((header, i) => ({ header, width: i === 0 ? 32 : 14 }));
    ws.getRow(1).font = { bold: true };
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      await tx.execute(sql`declare arrears_export no scroll cursor for ${query}`);
      for (;;) {
        const batch = await tx.execute<Parameters<typeof presentArrears>[0]>(
          sql.raw(`fetch ${BATCH} from arrears_export`),
        );
        for (const row of batch.rows) {
          const r = presentArrears(row);
          ws.addRow([
            r.customerName,
            r.documentNo,
            r.externalNo,
            r.issueDate,
            r.dueDate,
            num(r.invoiced),
            num(r.received),
            num(r.outstanding),
            r.daysOverdue,
            r.ownerName ?? '',
          ]).commit();
        }
        if (batch.rows.length < BATCH) break;
        // Backpressure: wait for a slow client instead of buffering the whole ledger.
        if (out.writableNeedDrain) await once(out, 'drain');
      }
    });
    ws.addRow([`截至 ${asOf}`]).commit();
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}

/** The customer statement (对账单) as xlsx. */
export function exportStatementXlsx(ctx: Ctx, customerId: number, q: StatementQuery) {
  return customerStatement(ctx, customerId, q).then((s) => {
    const out = new PassThrough();
    (async () => {
      const wb = workbook(out);
      const ws = wb.addWorksheet('对账单');
      ws.columns = ['日期', '摘要', '单号', '订单/合同', '应收（借方）', '已收（贷方）', '余额'].map((header, i) => ({
        header,
        width: i === 1 ? 28 : 16,
      }));
      ws.getRow(1).font = { bold: true };
      ws.addRow([s.from, `期初余额 ${s.customer.name}`, '', '', '', '', num(s.openingBalance)]).commit();
      for (const e of s.entries)
        ws.addRow([
          e.date,
          e.description,
          e.no,
          e.documentNo ?? '',
          num(e.debit),
          num(e.credit),
          num(e.balance),
        ]).commit();
      ws.addRow([s.to, '期末余额', '', '', num(s.totalDebit), num(s.totalCredit), num(s.closingBalance)]).commit();
      ws.commit();
      await wb.commit();
    })().catch((err) => out.destroy(err as Error));
    return { no: s.customer.no, stream: out };
  });
}
