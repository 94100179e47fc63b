import { AGING_BUCKETS, type AgingBucket, agingBucket, money, type ReceivablesQuery, toMoneyString } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { COUNT_CAP, pageOffset } from '../../platform/lists/index.ts';
import { type ResolvedScope, resolveScope } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { documentsSql, filterOn, invoiceRowsSql, type LedgerFilter, ledgerSql } from './receivables.ledger.ts';

export type Buckets = Record<AgingBucket, string>;
type Permission = 'receivable.view' | 'receivable.export';

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
 * Whether the maintained balances (ADR 0003) answer "as of `asOf`": they count every counted
 * payment and approved write-off, which equals the ledger as of any date on or after today unless
 * a payment is dated later than `asOf` (one index probe). Otherwise the ledger is computed from scratch in SQL.
 */
async function maintainedAnswer(db: DbOrTx, asOf: string, today: string) {
  if (asOf < today) return false;
  const r = await db.execute<{ later: boolean }>(
    sql`select exists (select 1 from receivable_documents where last_credit_date > ${asOf}::date) as later`,
  );
  return !r.rows[0].later;
}

/**
 * The two relations every receivables read is built on, for the documents matching `f` as of
 * `asOf`: per issued invoice (receivable_invoices' columns) and per customer (invoiced, received,
 * written_off, unapplied, outstanding). Index reads of the maintained tables when they answer,
 * else the ledger computed in SQL.
 */
export async function receivableSources(db: DbOrTx, asOf: string, today: string, f: LedgerFilter) {
  if (!(await maintainedAnswer(db, asOf, today))) {
    const ledger = ledgerSql(asOf, f);
    return {
      fast: false,
      invoices: invoiceRowsSql(ledger),
      dueTotals: undefined,
      customers: sql`
        select d.customer_id, sum(d.invoiced) as invoiced, sum(d.received) as received, sum(d.written_off) as written_off,
          sum(d.unapplied) as unapplied, sum(d.outstanding) as outstanding
        from (${documentsSql(ledger)}) d group by d.customer_id`,
    };
  }
  const figures = sql.raw('invoiced, received, written_off, unapplied, outstanding');
  // An all-scope reader without an owner filter reads the per-customer row (largest balance first by index).
  const wholeCustomer = (!f.scope || f.scope.all) && !f.ownerId;
  // A scope that is exactly one department's subtree reads that department's rows, by index too.
  const root = wholeCustomer || f.ownerId || !f.scope ? null : await subtreeRootOf(db, f.scope);
  return {
    fast: true,
    invoices: sql`select * from receivable_invoices r where ${filterOn(f, 'r')}`,
    // Bucket totals of a scope (with or without an owner) from the per-owner, per-due-date sums.
    dueTotals:
      f.customerId || f.keyword || f.customerIds
        ? undefined
        : sql`select r.due_date, r.outstanding from receivable_due_totals r where ${filterOn(f, 'r')}`,
    customers: wholeCustomer
      ? sql`select r.customer_id, ${figures} from receivable_customers r where ${filterOn(f, 'r')}`
      : root !== null
        ? sql`select r.customer_id, ${figures} from receivable_customer_subtrees r
            where r.dept_id = ${root} and ${filterOn({ ...f, scope: undefined }, 'r')}`
        : sql`select r.customer_id, sum(r.invoiced) as invoiced, sum(r.received) as received,
          sum(r.written_off) as written_off, sum(r.unapplied) as unapplied, sum(r.outstanding) as outstanding
        from receivable_customer_owners r where ${filterOn(f, 'r')} group by r.customer_id`,
  };
}

/**
 * The department whose subtree is exactly the scope — every department of the scope under it and
 * every department under it in the scope, the user's own department among them (so their own
 * records are inside) — or null. A manager's 本部门及下属 scope is one.
 */
async function subtreeRootOf(db: DbOrTx, scope: ResolvedScope): Promise<number | null> {
  if (scope.all || scope.deptIds.length === 0) return null;
  const ids = sql.param(scope.deptIds);
  const n = scope.deptIds.length;
  const r = await db.execute<{ id: number; ok: boolean }>(sql`
    with s as (select id, path from departments where id = any(${ids}::int[])),
      -- The shallowest departments: the root if there is one (two of them at that depth means none).
      top as (select id, path from s where length(path) = (select min(length(path)) from s))
    select top.id,
      (select count(*) from departments x where x.path like top.path || '%') = ${n}
      and (select count(*) from s where s.path like top.path || '%') = ${n}
      and (${scope.userId}::int is null or exists (select 1 from users u join departments d on d.id = u.dept_id
        where u.id = ${scope.userId}::int and d.path like top.path || '%')) as ok
    from top`);
  const top = r.rows.find((x) => x.ok);
  return top ? Number(top.id) : null;
}

/** The aging bucket of an amount due on `due_date`, as of `asOf` (core agingBucket, in SQL). */
const bucketSql = (asOf: string) => sql`case
  when ${asOf}::date - r.due_date <= 0 then 'notDue' when ${asOf}::date - r.due_date <= 30 then 'd1_30'
  when ${asOf}::date - r.due_date <= 60 then 'd31_60' when ${asOf}::date - r.due_date <= 90 then 'd61_90'
  else 'over90' end`;

async function scoped(ctx: Ctx, q: ReceivablesQuery, permission: Permission) {
  const today = companyDate(ctx.now());
  const asOf = q.asOf ?? today;
  const f: LedgerFilter = {
    scope: await resolveScope(ctx, permission),
    customerId: q.customerId,
    ownerId: q.ownerId,
    keyword: q.keyword,
  };
  return { asOf, today, f, src: await receivableSources(ctx.db, asOf, today, f) };
}

/** Outstanding per aging bucket over an invoice relation, summed in SQL. */
async function bucketTotals(db: DbOrTx, invoices: SQL, asOf: string) {
  const r = await db.execute<{ bucket: AgingBucket; v: string }>(sql`
    select ${bucketSql(asOf)} as bucket, sum(r.outstanding)::text as v from (${invoices}) r
    where r.outstanding > 0 group by 1`);
  const totals = Object.fromEntries(AGING_BUCKETS.map((b) => [b, '0.00'])) as Buckets;
  for (const row of r.rows) totals[row.bucket] = toMoneyString(row.v);
  const outstanding = r.rows.reduce((s, row) => s.plus(row.v), money(0));
  return { ...totals, outstanding: toMoneyString(outstanding) };
}

async function countCapped(db: DbOrTx, rel: SQL) {
  const r = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from (${rel}) c limit ${COUNT_CAP + 1}) t`,
  );
  const n = Number(r.rows[0].n);
  return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/**
 * Receivables per customer with aging buckets (0–30 … >90 days past due; not yet due apart) as of
 * a date (SPEC 3.6 应收账龄), largest outstanding first, one page; totals over the whole scope in SQL.
 */
export async function receivablesByCustomer(ctx: Ctx, q: ReceivablesQuery) {
  const { asOf, src, f } = await scoped(ctx, q, 'receivable.view');
  const [page, count, totals] = await Promise.all([
    ctx.db.execute<{
      customer_id: string;
      customer_name: string;
      invoiced: string;
      received: string;
      written_off: string;
      unapplied: string;
      outstanding: string;
    }>(sql`
      select c.*, cu.name as customer_name from (
        select * from (${src.customers}) c
        order by c.outstanding desc nulls last, c.customer_id limit ${q.pageSize} offset ${pageOffset(q)}
      ) c join customers cu on cu.id = c.customer_id
      order by c.outstanding desc nulls last, c.customer_id`),
    countCapped(ctx.db, src.customers),
    bucketTotals(ctx.db, src.dueTotals ?? src.invoices, asOf),
  ]);
  const ids = page.rows.map((r) => Number(r.customer_id));
  const perBucket = new Map<number, Buckets>(
    ids.map((id) => [id, Object.fromEntries(AGING_BUCKETS.map((b) => [b, '0.00'])) as Buckets]),
  );
  if (ids.length) {
    // The page's customers only: a ledger narrowed to them when it is computed from scratch.
    const invoices = src.fast
      ? sql`select * from (${src.invoices}) r where r.customer_id = any(${sql.param(ids)}::bigint[])`
      : invoiceRowsSql(ledgerSql(asOf, { ...f, customerIds: ids }));
    const b = await ctx.db.execute<{ customer_id: string; bucket: AgingBucket; v: string }>(sql`
      select r.customer_id, ${bucketSql(asOf)} as bucket, sum(r.outstanding)::text as v from (${invoices}) r
      where r.outstanding > 0 group by 1, 2`);
    for (const row of b.rows) perBucket.get(Number(row.customer_id))![row.bucket] = toMoneyString(row.v);
  }
  const items = page.rows.map((r) => ({
    customerId: Number(r.customer_id),
    customerName: r.customer_name,
    invoiced: toMoneyString(r.invoiced),
    received: toMoneyString(r.received),
    writtenOff: toMoneyString(r.written_off),
    unapplied: toMoneyString(r.unapplied),
    outstanding: toMoneyString(r.outstanding),
    buckets: perBucket.get(Number(r.customer_id))!,
  }));
  return { asOf, items, totals, ...count, page: q.page, pageSize: q.pageSize };
}

type ArrearsDbRow = {
  invoice_id: string;
  invoice_no: string;
  external_no: string;
  customer_id: string;
  customer_name: string;
  owner_id: number;
  owner_name: string | null;
  document_no: string;
  order_id: string | null;
  contract_id: string | null;
  issue_date: string;
  due_date: string;
  gross: string;
  applied: string;
  outstanding: string;
  days: number;
};

const ARREARS_ORDER = sql.raw(
  `order by r.customer_name collate "zh-x-icu", r.customer_id, r.document_no, r.due_date, r.invoice_id`,
);

/**
 * The arrears rows (outstanding > 0) of an invoice relation in the list's order, as one SQL query.
 * The page is cut from the index before the joins, so a deep offset skips index entries, not joined rows.
 */
export const arrearsSql = (invoices: SQL, asOf: string, limit?: { pageSize: number; offset: number }) => sql`
  select r.invoice_id, i.no as invoice_no, i.external_no, r.customer_id, cu.name as customer_name, r.owner_id,
    u.name as owner_name, r.document_no, r.order_id, r.contract_id, r.issue_date::text, r.due_date::text,
    r.gross, r.applied, r.outstanding, ${asOf}::date - r.due_date as days
  from (
    select * from (${invoices}) r where r.outstanding > 0 ${ARREARS_ORDER}
    ${limit ? sql`limit ${limit.pageSize} offset ${limit.offset}` : sql``}
  ) r
  join invoices i on i.id = r.invoice_id
  join customers cu on cu.id = r.customer_id
  left join users u on u.id = r.owner_id
  ${ARREARS_ORDER}`;

export const presentArrears = (r: ArrearsDbRow): ArrearsRow => ({
  invoiceId: Number(r.invoice_id),
  invoiceNo: r.invoice_no,
  externalNo: r.external_no,
  customerId: Number(r.customer_id),
  customerName: r.customer_name,
  ownerId: Number(r.owner_id),
  ownerName: r.owner_name,
  documentNo: r.document_no,
  orderId: r.order_id === null ? null : Number(r.order_id),
  contractId: r.contract_id === null ? null : Number(r.contract_id),
  issueDate: r.issue_date,
  dueDate: r.due_date,
  invoiced: toMoneyString(r.gross),
  received: toMoneyString(r.applied),
  outstanding: toMoneyString(r.outstanding),
  daysOverdue: Math.max(0, Number(r.days)),
  bucket: agingBucket(Number(r.days)),
});

/** 客户欠款明细表: one page of the invoices with an outstanding amount, per customer and document, as of a date. */
export async function arrearsList(ctx: Ctx, q: ReceivablesQuery) {
  const { asOf, src } = await scoped(ctx, q, 'receivable.view');
  const [page, count, totals] = await Promise.all([
    ctx.db.execute<ArrearsDbRow>(arrearsSql(src.invoices, asOf, { pageSize: q.pageSize, offset: pageOffset(q) })),
    countCapped(ctx.db, sql`select 1 from (${src.invoices}) r where r.outstanding > 0`),
    bucketTotals(ctx.db, src.dueTotals ?? src.invoices, asOf),
  ]);
  return { asOf, items: page.rows.map(presentArrears), totals, ...count, page: q.page, pageSize: q.pageSize };
}

/** The arrears query of the export (export scope), unpaged: the caller streams it through a cursor. */
export async function arrearsExportSql(ctx: Ctx, q: ReceivablesQuery) {
  const { asOf, src } = await scoped(ctx, q, 'receivable.export');
  return { asOf, query: arrearsSql(src.invoices, asOf) };
}
