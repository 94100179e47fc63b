import { COUNTED_PAYMENT_STATUSES, money, type StatementQuery, toMoneyString } from '@sales/core';
import { and, between, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors/errors.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { contracts } from '../contracts/index.ts';
import { findCustomerInScope } from '../customers/index.ts';
import { orders } from '../orders/index.ts';
import { badDebtWriteOffs, invoices, payments } from './finance.schema.ts';

export interface StatementEntry {
  date: string;
  kind: 'invoice' | 'payment' | 'writeoff';
  no: string;
  documentNo: string | null;
  description: string;
  debit: string;
  credit: string;
  balance: string;
}

/**
 * 对账单 of one customer for a period: opening balance (invoiced − received − written off before
 * `from`), invoices as debits, counted payments and approved write-offs as credits, running balance,
 * closing balance. Voided invoices are left out (作废 = never issued); only the user's receivable scope.
 */
export async function customerStatement(ctx: Ctx, customerId: number, query: StatementQuery) {
  const customer = await findCustomerInScope(ctx, customerId);
  const today = companyDate(ctx.now());
  const q = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
  if (q.to < q.from) throw ValidationError.field('to', 'statement.range');
  const scope = await resolveScope(ctx, 'receivable.view');
  const docNo = (o: typeof orders.no, c: typeof contracts.no) => sql<string | null>`coalesce(${o}, ${c})`;
  // The same three sources filtered twice in SQL: before `from` (summed into the opening balance) and within the period.
  const inv = (date: SQL) =>
    and(
      eq(invoices.customerId, customerId),
      eq(invoices.status, 'issued'),
      date,
      scopeWhere(scope, invoices.ownerId, invoices.ownerDeptId),
    );
  const pay = (date: SQL) =>
    and(
      eq(payments.customerId, customerId),
      inArray(payments.status, [...COUNTED_PAYMENT_STATUSES]),
      date,
      scopeWhere(scope, payments.ownerId, payments.ownerDeptId),
    );
  const woDate = sql`(${badDebtWriteOffs.decidedAt} at time zone 'Asia/Shanghai')::date`;
  const wo = (date: SQL) =>
    and(
      eq(badDebtWriteOffs.customerId, customerId),
      eq(badDebtWriteOffs.status, 'approved'),
      date,
      scopeWhere(scope, badDebtWriteOffs.ownerId, badDebtWriteOffs.ownerDeptId),
    );
  const sum = (col: AnyPgColumn, table: PgTable, where: SQL | undefined) =>
    sql`(select coalesce(sum(${col}), 0) from ${table} where ${where})`;
  const [[open], invs, pays, wos] = await Promise.all([
    ctx.db
      .execute<{ v: string }>(
        sql`select (${sum(invoices.totalGross, invoices, inv(lt(invoices.issueDate, q.from)))}
        - ${sum(payments.amount, payments, pay(lt(payments.receivedDate, q.from)))}
        - ${sum(badDebtWriteOffs.amount, badDebtWriteOffs, wo(sql`${woDate} < ${q.from}::date`))})::text as v`,
      )
      .then((r) => r.rows),
    ctx.db
      .select({
        date: invoices.issueDate,
        no: invoices.no,
        externalNo: invoices.externalNo,
        documentNo: docNo(orders.no, contracts.no),
        amount: invoices.totalGross,
        id: invoices.id,
      })
      .from(invoices)
      .leftJoin(orders, eq(orders.id, invoices.orderId))
      .leftJoin(contracts, eq(contracts.id, invoices.contractId))
      .where(inv(between(invoices.issueDate, q.from, q.to))),
    ctx.db
      .select({
        date: payments.receivedDate,
        no: payments.no,
        receiptNo: payments.receiptNo,
        documentNo: docNo(orders.no, contracts.no),
        amount: payments.amount,
        id: payments.id,
      })
      .from(payments)
      .leftJoin(orders, eq(orders.id, payments.orderId))
      .leftJoin(contracts, eq(contracts.id, payments.contractId))
      .where(pay(between(payments.receivedDate, q.from, q.to))),
    ctx.db
      .select({
        date: sql<string>`${woDate}::text`,
        no: badDebtWriteOffs.no,
        documentNo: orders.no,
        amount: badDebtWriteOffs.amount,
        id: badDebtWriteOffs.id,
      })
      .from(badDebtWriteOffs)
      .innerJoin(orders, eq(orders.id, badDebtWriteOffs.orderId))
      .where(wo(sql`${woDate} between ${q.from}::date and ${q.to}::date`)),
  ]);
  const all = [
    ...invs.map((i) => ({
      date: i.date,
      kind: 'invoice' as const,
      no: i.no,
      documentNo: i.documentNo,
      description: `发票 ${i.externalNo}`,
      debit: money(i.amount),
      credit: money(0),
      order: 0,
      id: i.id,
    })),
    ...pays.map((p) => ({
      date: p.date,
      kind: 'payment' as const,
      no: p.receiptNo ?? p.no,
      documentNo: p.documentNo,
      description: `收款 ${p.no}`,
      debit: money(0),
      credit: money(p.amount),
      order: 1,
      id: p.id,
    })),
    ...wos.map((w) => ({
      date: w.date,
      kind: 'writeoff' as const,
      no: w.no,
      documentNo: w.documentNo,
      description: `坏账核销 ${w.no}`,
      debit: money(0),
      credit: money(w.amount),
      order: 2,
      id: w.id,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order || a.id - b.id);
  const opening = money(open.v);
  let balance = opening;
  const entries: StatementEntry[] = [];
  let debits = money(0);
  let credits = money(0);
  for (const e of all) {
    balance = balance.plus(e.debit).minus(e.credit);
    debits = debits.plus(e.debit);
    credits = credits.plus(e.credit);
    entries.push({
      date: e.date,
      kind: e.kind,
      no: e.no,
      documentNo: e.documentNo,
      description: e.description,
      debit: toMoneyString(e.debit),
      credit: toMoneyString(e.credit),
      balance: toMoneyString(balance),
    });
  }
  return {
    customer: { id: customer.id, no: customer.no, name: customer.name },
    from: q.from,
    to: q.to,
    openingBalance: toMoneyString(opening),
    totalDebit: toMoneyString(debits),
    totalCredit: toMoneyString(credits),
    closingBalance: toMoneyString(balance),
    entries,
  };
}
