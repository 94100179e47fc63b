import { COUNTED_PAYMENT_STATUSES } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import { likePattern } from '../../platform/lists/index.ts';
import { type ResolvedScope, scopeWhere } from '../../platform/permissions/scope.ts';

/** An order or a contract: the document whose invoices share its payments and write-offs. */
export interface DocRef {
  orderId: number | null;
  contractId: number | null;
}

export const docKeyOf = (d: DocRef) => (d.orderId ? `o${d.orderId}` : `c${d.contractId}`);

/**
 * Which documents a ledger covers. Every condition is per document (a document's invoices,
 * payments and write-offs carry its customer, owner and owner department), so filtering before the
 * FIFO allocation gives the same figures as allocating everything and filtering afterwards.
 */
export interface LedgerFilter {
  scope?: ResolvedScope;
  customerId?: number;
  ownerId?: number;
  keyword?: string;
  doc?: DocRef;
  /** Only these customers (a page's). */
  customerIds?: number[];
}

/** Far enough in the future that every counted payment and approved write-off counts. */
export const ALL_TIME = '9999-12-31';

const COUNTED = sql.raw(COUNTED_PAYMENT_STATUSES.map((s) => `'${s}'`).join(','));
/** A write-off counts from its approval date in the company's time zone (SPEC: Asia/Shanghai). */
const decidedDate = (a: string) => sql.raw(`(${a}.decided_at at time zone 'Asia/Shanghai')::date`);

/**
 * The filter over a table alias with customer_id, owner_id, owner_dept_id (and order_id,
 * contract_id for `doc`): invoices `i`, payments `p`, write-offs `w` (on orders only), or a maintained table.
 */
export function filterOn(f: LedgerFilter, a: string): SQL {
  const col = (c: string) => sql.raw(`${a}.${c}`);
  const parts: SQL[] = [];
  if (f.scope) parts.push(scopeWhere(f.scope, col('owner_id'), col('owner_dept_id')));
  if (f.customerId) parts.push(sql`${col('customer_id')} = ${f.customerId}`);
  if (f.customerIds) parts.push(sql`${col('customer_id')} = any(${sql.param(f.customerIds)}::bigint[])`);
  if (f.ownerId) parts.push(sql`${col('owner_id')} = ${f.ownerId}`);
  if (f.keyword)
    parts.push(
      sql`${col('customer_id')} in (select id from customers where lower(name) like ${likePattern(f.keyword)})`,
    );
  if (f.doc?.orderId) parts.push(sql`${col('order_id')} = ${f.doc.orderId}`);
  else if (f.doc?.contractId) parts.push(a === 'w' ? sql`false` : sql`${col('contract_id')} = ${f.doc.contractId}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * The receivables ledger computed from scratch (SPEC 3.6 应收), one row per issued invoice as of
 * `asOf`: each document's credit — counted payments received by then plus write-offs approved by
 * then — applied to its invoices first in, first out by due date (then id). A red-letter invoice
 * (红字, negative) comes first: it is fully "applied" (never outstanding) and lowers what the
 * document's other invoices need from the credit by its amount. Columns: invoice_id,
 * doc_key, customer_id, owner_id, owner_dept_id, order_id, contract_id, issue_date, due_date,
 * gross, received, written_off, last_credit_date, applied. All in SQL: nothing is loaded into the
 * application to allocate (issue 10: 11 s in the request thread at 200 k orders).
 */
export function ledgerSql(asOf: string, f: LedgerFilter = {}): SQL {
  return sql`
    select inv.invoice_id, inv.doc_key, inv.customer_id, inv.owner_id, inv.owner_dept_id, inv.order_id, inv.contract_id,
      inv.issue_date, inv.due_date, inv.gross,
      coalesce(po.amount, pc.amount, 0)::numeric(18,2) as received,
      coalesce(wo.amount, 0)::numeric(18,2) as written_off,
      greatest(po.last_date, pc.last_date, wo.last_date) as last_credit_date,
      least(inv.gross, greatest(0, coalesce(po.amount, pc.amount, 0) + coalesce(wo.amount, 0) - inv.before))::numeric(18,2) as applied
    from (
      select i.id as invoice_id,
        case when i.order_id is not null then 'o' || i.order_id else 'c' || i.contract_id end as doc_key,
        i.customer_id, i.owner_id, i.owner_dept_id, i.order_id, i.contract_id, i.issue_date, i.due_date,
        i.total_gross as gross,
        coalesce(sum(i.total_gross) over (partition by i.order_id, i.contract_id order by (i.total_gross < 0) desc, i.due_date, i.id
          rows between unbounded preceding and 1 preceding), 0) as before
      from invoices i
      where i.status = 'issued' and i.issue_date <= ${asOf}::date and ${filterOn(f, 'i')}
    ) inv
    left join (
      select p.order_id, sum(p.amount) as amount, max(p.received_date) as last_date from payments p
      where p.order_id is not null and p.status in (${COUNTED}) and p.received_date <= ${asOf}::date and ${filterOn(f, 'p')}
      group by p.order_id
    ) po on po.order_id = inv.order_id
    left join (
      select p.contract_id, sum(p.amount) as amount, max(p.received_date) as last_date from payments p
      where p.contract_id is not null and p.order_id is null and p.status in (${COUNTED})
        and p.received_date <= ${asOf}::date and ${filterOn(f, 'p')}
      group by p.contract_id
    ) pc on pc.contract_id = inv.contract_id and inv.order_id is null
    left join (
      select w.order_id, sum(w.amount) as amount, max(${decidedDate('w')}) as last_date from bad_debt_write_offs w
      where w.status = 'approved' and ${decidedDate('w')} <= ${asOf}::date and ${filterOn(f, 'w')}
      group by w.order_id
    ) wo on wo.order_id = inv.order_id`;
}

/**
 * Per document, from a ledger relation `l` (ledgerSql rows): invoiced + unapplied = received +
 * written off + outstanding, unapplied being credit beyond what is invoiced (a prepayment).
 */
export const documentsSql = (ledger: SQL) => sql`
  select l.doc_key, l.customer_id, l.owner_id, l.owner_dept_id,
    sum(l.gross)::numeric(18,2) as invoiced, l.received, l.written_off,
    greatest(0, l.received + l.written_off - sum(l.gross))::numeric(18,2) as unapplied,
    sum(l.gross - l.applied)::numeric(18,2) as outstanding,
    count(*)::int as invoice_count, l.last_credit_date
  from (${ledger}) l
  group by l.doc_key, l.customer_id, l.owner_id, l.owner_dept_id, l.received, l.written_off, l.last_credit_date`;

/**
 * Per-invoice rows as stored in receivable_invoices, from ledger rows, with the arrears list's sort
 * keys. A red-letter invoice is no receivable of its own (it lowers its document's invoiced total).
 */
export const invoiceRowsSql = (ledger: SQL) => sql`
  select l.invoice_id, l.doc_key, l.customer_id, l.owner_id, l.owner_dept_id, l.order_id, l.contract_id,
    c.name as customer_name, coalesce(o.no, k.no) as document_no, l.issue_date, l.due_date,
    l.gross, l.applied, (l.gross - l.applied)::numeric(18,2) as outstanding
  from (${ledger}) l
  join customers c on c.id = l.customer_id
  left join orders o on o.id = l.order_id
  left join contracts k on k.id = l.contract_id
  where l.gross >= 0`;
