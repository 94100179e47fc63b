import {
  AGING_BUCKETS,
  type AgingBucket,
  agingBucket,
  allocateFifo,
  COUNTED_PAYMENT_STATUSES,
  daysBetween,
  money,
  type ReceivablesQuery,
  toMoneyString,
} from '@sales/core';
import { and, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { likePattern } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { contracts } from '../contracts/index.ts';
import { customers } from '../customers/index.ts';
import { orders } from '../orders/index.ts';
import { badDebtWriteOffs, invoices, payments } from './finance.schema.ts';

export type Buckets = Record<AgingBucket, string>;
const zeroBuckets = (): Record<AgingBucket, ReturnType<typeof money>> =>
  Object.fromEntries(AGING_BUCKETS.map((b) => [b, money(0)])) as Record<AgingBucket, ReturnType<typeof money>>;
const docKey = (orderId: number | null, contractId: number | null) => (orderId ? `o${orderId}` : `c${contractId}`);
// One collator for the whole sort (localeCompare with a locale builds one per comparison).
const byName = new Intl.Collator('zh-CN');
/** `col = any($1)` with the ids as ONE array parameter (an `in (…)` list would hit PostgreSQL's 65 535-parameter limit). */
const anyOf = (col: AnyPgColumn, ids: number[]) => sql`${col} = any(${sql.param(ids)}::bigint[])`;
/** A date in the company's time zone, for instants such as a write-off's approval. */
const localDate = (col: SQL | unknown) => sql`(${col} at time zone 'Asia/Shanghai')::date`;

export interface ArrearsRow {
  invoiceId: number;
  invoiceNo: string;
  externalNo: string;
  customerId: number;
  customerName: string;
  ownerId: number;
  ownerName: string | null;
  documentNo: string;
  orderId: number | null;
  contractId: number | null;
  issueDate: string;
  dueDate: string;
  invoiced: string;
  received: string;
  outstanding: string;
  daysOverdue: number;
  bucket: AgingBucket;
}

/**
 * The receivables ledger as of a date (SPEC 3.6 应收): issued, not voided invoices in the user's
 * receivable scope, with each document's counted payments (confirmed / cleared, received by
 * then) and approved write-offs applied first in, first out by due date. Per document:
 * invoiced + unapplied = received + written off + outstanding.
 */
export async function receivableLedger(
  ctx: Ctx,
  q: ReceivablesQuery,
  permission: 'receivable.view' | 'receivable.export' = 'receivable.view',
) {
  const asOf = q.asOf ?? companyDate(ctx.now());
  const scope = await resolveScope(ctx, permission);
  const parts: (SQL | undefined)[] = [scopeWhere(scope, invoices.ownerId, invoices.ownerDeptId)];
  if (q.customerId) parts.push(eq(invoices.customerId, q.customerId));
  if (q.ownerId) parts.push(eq(invoices.ownerId, q.ownerId));
  if (q.keyword) parts.push(sql`lower(${customers.name}) like ${likePattern(q.keyword)}`);
  return ledgerFor(ctx.db, parts, asOf);
}

/**
 * The ledger over the issued invoices matching `where` (callers add the scope). Filtering invoices
 * by due date keeps the FIFO result of the earlier ones exact: credit goes to the earliest due first.
 */
export async function ledgerFor(db: DbOrTx, where: (SQL | undefined)[], asOf: string) {
  const parts = [...where, eq(invoices.status, 'issued'), lte(invoices.issueDate, asOf)];
  const invs = await db
    .select({
      id: invoices.id,
      no: invoices.no,
      externalNo: invoices.externalNo,
      customerId: invoices.customerId,
      customerName: customers.name,
      ownerId: invoices.ownerId,
      ownerName: users.name,
      orderId: invoices.orderId,
      contractId: invoices.contractId,
      documentNo: sql<string>`coalesce(${orders.no}, ${contracts.no})`,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      gross: invoices.totalGross,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(users, eq(users.id, invoices.ownerId))
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .leftJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(and(...parts));
  const orderIds = [...new Set(invs.flatMap((i) => (i.orderId ? [i.orderId] : [])))];
  const contractIds = [...new Set(invs.flatMap((i) => (i.contractId ? [i.contractId] : [])))];
  const credit = new Map<string, { received: ReturnType<typeof money>; writtenOff: ReturnType<typeof money> }>();
  const entry = (k: string) => credit.get(k) ?? credit.set(k, { received: money(0), writtenOff: money(0) }).get(k)!;
  const docFilter: SQL[] = [];
  if (orderIds.length) docFilter.push(anyOf(payments.orderId, orderIds));
  if (contractIds.length) docFilter.push(anyOf(payments.contractId, contractIds));
  if (docFilter.length) {
    const paid = await db
      .select({
        orderId: payments.orderId,
        contractId: payments.contractId,
        sum: sql<string>`sum(${payments.amount})::text`,
      })
      .from(payments)
      .where(
        and(
          sql`(${sql.join(docFilter, sql` or `)})`,
          inArray(payments.status, [...COUNTED_PAYMENT_STATUSES]),
          lte(payments.receivedDate, asOf),
        ),
      )
      .groupBy(payments.orderId, payments.contractId);
    for (const p of paid) entry(docKey(p.orderId, p.contractId)).received = money(p.sum);
  }
  if (orderIds.length) {
    const wo = await db
      .select({ orderId: badDebtWriteOffs.orderId, sum: sql<string>`sum(${badDebtWriteOffs.amount})::text` })
      .from(badDebtWriteOffs)
      .where(
        and(
          anyOf(badDebtWriteOffs.orderId, orderIds),
          eq(badDebtWriteOffs.status, 'approved'),
          sql`${localDate(badDebtWriteOffs.decidedAt)} <= ${asOf}::date`,
        ),
      )
      .groupBy(badDebtWriteOffs.orderId);
    for (const w of wo) entry(docKey(w.orderId, null)).writtenOff = money(w.sum);
  }
  const byDoc = new Map<string, typeof invs>();
  for (const i of invs) {
    const k = docKey(i.orderId, i.contractId);
    const list = byDoc.get(k);
    if (list) list.push(i);
    else byDoc.set(k, [i]);
  }
  const rows: ArrearsRow[] = [];
  const docs: {
    key: string;
    customerId: number;
    invoiced: string;
    received: string;
    writtenOff: string;
    unapplied: string;
  }[] = [];
  for (const [k, list] of byDoc) {
    const c = credit.get(k) ?? { received: money(0), writtenOff: money(0) };
    const alloc = allocateFifo(
      list.map((i) => ({ id: i.id, dueDate: i.dueDate, gross: i.gross })),
      c.received.plus(c.writtenOff).toString(),
    );
    const meta = new Map(list.map((i) => [i.id, i]));
    for (const a of alloc.rows) {
      const i = meta.get(a.id)!;
      const days = daysBetween(i.dueDate, asOf);
      rows.push({
        invoiceId: i.id,
        invoiceNo: i.no,
        externalNo: i.externalNo,
        customerId: i.customerId,
        customerName: i.customerName,
        ownerId: i.ownerId,
        ownerName: i.ownerName,
        documentNo: i.documentNo,
        orderId: i.orderId,
        contractId: i.contractId,
        issueDate: i.issueDate,
        dueDate: i.dueDate,
        invoiced: a.gross,
        received: a.applied,
        outstanding: a.outstanding,
        daysOverdue: Math.max(0, days),
        bucket: agingBucket(days),
      });
    }
    docs.push({
      key: k,
      customerId: list[0].customerId,
      invoiced: toMoneyString(list.reduce((s, i) => s.plus(i.gross), money(0))),
      received: toMoneyString(c.received),
      writtenOff: toMoneyString(c.writtenOff),
      unapplied: alloc.unapplied,
    });
  }
  rows.sort(
    (a, b) =>
      byName.compare(a.customerName, b.customerName) ||
      a.customerId - b.customerId ||
      a.documentNo.localeCompare(b.documentNo) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.invoiceId - b.invoiceId,
  );
  return { asOf, rows, docs };
}

/** Receivables per customer with aging buckets (0–30 … >90 days past due; not yet due apart) as of a date. */
export async function receivablesByCustomer(ctx: Ctx, q: ReceivablesQuery) {
  const { asOf, rows, docs } = await receivableLedger(ctx, q);
  const out = new Map<
    number,
    {
      customerId: number;
      customerName: string;
      invoiced: ReturnType<typeof money>;
      received: ReturnType<typeof money>;
      writtenOff: ReturnType<typeof money>;
      unapplied: ReturnType<typeof money>;
      outstanding: ReturnType<typeof money>;
      buckets: ReturnType<typeof zeroBuckets>;
    }
  >();
  const agg = (customerId: number, customerName: string) =>
    out.get(customerId) ??
    out
      .set(customerId, {
        customerId,
        customerName,
        invoiced: money(0),
        received: money(0),
        writtenOff: money(0),
        unapplied: money(0),
        outstanding: money(0),
        buckets: zeroBuckets(),
      })
      .get(customerId)!;
  for (const r of rows) {
    const a = agg(r.customerId, r.customerName);
    a.outstanding = a.outstanding.plus(r.outstanding);
    a.buckets[r.bucket] = a.buckets[r.bucket].plus(r.outstanding);
  }
  for (const d of docs) {
    const a = out.get(d.customerId)!;
    a.invoiced = a.invoiced.plus(d.invoiced);
    a.received = a.received.plus(d.received);
    a.writtenOff = a.writtenOff.plus(d.writtenOff);
    a.unapplied = a.unapplied.plus(d.unapplied);
  }
  const items = [...out.values()].map((a) => ({
    customerId: a.customerId,
    customerName: a.customerName,
    invoiced: toMoneyString(a.invoiced),
    received: toMoneyString(a.received),
    writtenOff: toMoneyString(a.writtenOff),
    unapplied: toMoneyString(a.unapplied),
    outstanding: toMoneyString(a.outstanding),
    buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, toMoneyString(a.buckets[b])])) as Buckets,
  }));
  items.sort((x, y) => money(y.outstanding).cmp(x.outstanding) || x.customerId - y.customerId);
  const totals = Object.fromEntries(
    AGING_BUCKETS.map((b) => [b, toMoneyString(items.reduce((s, i) => s.plus(i.buckets[b]), money(0)))]),
  ) as Buckets;
  return {
    asOf,
    items,
    totals: { ...totals, outstanding: toMoneyString(items.reduce((s, i) => s.plus(i.outstanding), money(0))) },
  };
}

/** 客户欠款明细表: every invoice with an outstanding amount, per customer and document, as of a date. */
export async function arrearsList(
  ctx: Ctx,
  q: ReceivablesQuery,
  permission: 'receivable.view' | 'receivable.export' = 'receivable.view',
) {
  const { asOf, rows } = await receivableLedger(ctx, q, permission);
  return { asOf, items: rows.filter((r) => money(r.outstanding).gt(0)) };
}
