import { money, toMoneyString } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { ALL_TIME, type DocRef, docKeyOf, documentsSql, invoiceRowsSql, ledgerSql } from './receivables.ledger.ts';
import { ancestorsOf, rebuildSubtrees, shiftSubtrees } from './receivables.subtrees.ts';

type DocTotals = {
  customer_id: number;
  owner_id: number;
  owner_dept_id: number;
  invoiced: string;
  received: string;
  written_off: string;
  unapplied: string;
  outstanding: string;
};

const FIGURES = ['invoiced', 'received', 'written_off', 'unapplied', 'outstanding'] as const;

const INVOICE_COLUMNS = sql.raw(`invoice_id, doc_key, customer_id, owner_id, owner_dept_id, order_id, contract_id,
  customer_name, document_no, issue_date, due_date, gross, applied, outstanding`);

/**
 * Re-derives one order's or contract's receivables (ADR 0003) inside the caller's transaction —
 * the one that issued or voided its invoice, counted its payment or approved its write-off — so
 * the maintained balances never differ from the facts: the document's invoices are re-allocated
 * first in, first out from scratch (a handful of rows), and the customer totals move by the
 * difference. Serialised per document by a transaction-level advisory lock.
 */
export async function syncReceivable(tx: Tx, doc: DocRef) {
  const key = docKeyOf(doc);
  await tx.execute(sql`select pg_advisory_xact_lock(727010, hashtext(${key}))`);
  const ledger = ledgerSql(ALL_TIME, { doc });
  const dueBefore = await openByDueDate(tx, key);
  const fresh = await tx.execute<DocTotals & { invoice_count: number; last_credit_date: string | null }>(sql`
    with up as (
      insert into receivable_invoices (${INVOICE_COLUMNS}) ${invoiceRowsSql(ledger)}
      on conflict (invoice_id) do update set customer_name = excluded.customer_name, owner_dept_id = excluded.owner_dept_id,
        due_date = excluded.due_date, gross = excluded.gross, applied = excluded.applied, outstanding = excluded.outstanding
      returning 1
    )
    select * from (${documentsSql(ledger)}) d`);
  // A voided invoice leaves the ledger (作废 = never issued).
  await tx.execute(sql`
    delete from receivable_invoices r using invoices i
    where r.doc_key = ${key} and i.id = r.invoice_id and i.status <> 'issued'`);
  await moveDueTotals(tx, dueBefore, await openByDueDate(tx, key));
  const old = await tx.execute<DocTotals>(sql`delete from receivable_documents where doc_key = ${key} returning *`);
  const now = fresh.rows[0];
  if (now)
    await tx.execute(sql`
      insert into receivable_documents (doc_key, customer_id, owner_id, owner_dept_id, invoiced, received, written_off,
        unapplied, outstanding, invoice_count, last_credit_date)
      values (${key}, ${now.customer_id}, ${now.owner_id}, ${now.owner_dept_id}, ${now.invoiced}, ${now.received},
        ${now.written_off}, ${now.unapplied}, ${now.outstanding}, ${now.invoice_count}, ${now.last_credit_date})`);
  const before = old.rows[0];
  if (!now && !before) return;
  const who = now ?? before;
  const delta = Object.fromEntries(
    FIGURES.map((f) => [f, toMoneyString(money(now?.[f] ?? 0).minus(before?.[f] ?? 0))]),
  ) as Record<(typeof FIGURES)[number], string>;
  const docs = (now ? 1 : 0) - (before ? 1 : 0);
  if (docs === 0 && FIGURES.every((f) => delta[f] === '0.00')) return;
  const values = sql`${delta.invoiced}, ${delta.received}, ${delta.written_off}, ${delta.unapplied}, ${delta.outstanding}, ${docs}`;
  const add = sql.raw([...FIGURES, 'documents'].map((f) => `${f} = t.${f} + excluded.${f}`).join(', '));
  await tx.execute(sql`
    insert into receivable_customer_owners as t (customer_id, owner_id, owner_dept_id, invoiced, received, written_off,
      unapplied, outstanding, documents)
    values (${who.customer_id}, ${who.owner_id}, ${who.owner_dept_id}, ${values})
    on conflict (customer_id, owner_id) do update set ${add}, owner_dept_id = excluded.owner_dept_id`);
  await tx.execute(sql`
    insert into receivable_customers as t (customer_id, invoiced, received, written_off, unapplied, outstanding, documents)
    values (${who.customer_id}, ${values})
    on conflict (customer_id) do update set ${add}`);
  // The same difference under every department from the owner's up (a manager's scope reads one of them).
  await shiftSubtrees(
    tx,
    sql`select ${who.customer_id}::bigint as customer_id, ${delta.invoiced}::numeric as invoiced,
      ${delta.received}::numeric as received, ${delta.written_off}::numeric as written_off,
      ${delta.unapplied}::numeric as unapplied, ${delta.outstanding}::numeric as outstanding, ${docs}::int as documents`,
    await ancestorsOf(tx, Number(who.owner_dept_id)),
    1,
  );
  if (docs < 0) {
    await tx.execute(sql`delete from receivable_customer_owners
      where customer_id = ${who.customer_id} and owner_id = ${who.owner_id} and documents = 0`);
    await tx.execute(sql`delete from receivable_customers where customer_id = ${who.customer_id} and documents = 0`);
  }
}

type DueRow = { owner_id: number; owner_dept_id: number; due_date: string; outstanding: string; invoices: number };

/** A document's open outstanding per due date (its invoices share one owner). */
async function openByDueDate(tx: Tx, key: string) {
  const r = await tx.execute<DueRow>(sql`
    select owner_id, owner_dept_id, due_date::text, sum(outstanding)::text as outstanding, count(*)::int as invoices
    from receivable_invoices where doc_key = ${key} and outstanding > 0 group by 1, 2, 3`);
  return r.rows;
}

/** Moves receivable_due_totals by the difference between a document's open amounts before and after. */
async function moveDueTotals(tx: Tx, before: DueRow[], after: DueRow[]) {
  const who = after[0] ?? before[0];
  if (!who) return;
  const delta = new Map<string, { outstanding: ReturnType<typeof money>; invoices: number }>();
  for (const [rows, sign] of [
    [before, -1],
    [after, 1],
  ] as const)
    for (const r of rows) {
      const d = delta.get(r.due_date) ?? { outstanding: money(0), invoices: 0 };
      delta.set(r.due_date, {
        outstanding: d.outstanding.plus(money(r.outstanding).times(sign)),
        invoices: d.invoices + sign * r.invoices,
      });
    }
  const moved = [...delta].filter(([, d]) => d.invoices !== 0 || !d.outstanding.isZero());
  if (!moved.length) return;
  const dates = moved.map(([k]) => k);
  await tx.execute(sql`
    insert into receivable_due_totals as t (owner_id, owner_dept_id, due_date, outstanding, invoices)
    select ${who.owner_id}, ${who.owner_dept_id}, u.d, u.s, u.n
    from unnest(${sql.param(dates)}::date[], ${sql.param(moved.map(([, d]) => toMoneyString(d.outstanding)))}::numeric[],
      ${sql.param(moved.map(([, d]) => d.invoices))}::int[]) u(d, s, n)
    on conflict (owner_id, due_date) do update set outstanding = t.outstanding + excluded.outstanding,
      invoices = t.invoices + excluded.invoices, owner_dept_id = excluded.owner_dept_id`);
  await tx.execute(sql`delete from receivable_due_totals
    where owner_id = ${who.owner_id} and due_date = any(${sql.param(dates)}::date[]) and invoices = 0`);
}

/**
 * Rebuilds every maintained receivables row from scratch, set-based (the initial backfill of an
 * existing database, the large-data generator, and the repair after a failed consistency check).
 * Returns the number of invoice rows.
 */
export async function rebuildReceivables(db: DbOrTx): Promise<number> {
  const ledger = ledgerSql(ALL_TIME);
  await db.execute(
    sql`truncate receivable_invoices, receivable_documents, receivable_customer_owners, receivable_customers, receivable_due_totals`,
  );
  const inv = await db.execute(sql`insert into receivable_invoices (${INVOICE_COLUMNS}) ${invoiceRowsSql(ledger)}`);
  await db.execute(sql`
    insert into receivable_documents (doc_key, customer_id, owner_id, owner_dept_id, invoiced, received, written_off,
      unapplied, outstanding, invoice_count, last_credit_date)
    select doc_key, customer_id, owner_id, owner_dept_id, invoiced, received, written_off, unapplied, outstanding,
      invoice_count, last_credit_date
    from (${documentsSql(ledger)}) d`);
  await db.execute(sql`
    insert into receivable_customer_owners (customer_id, owner_id, owner_dept_id, invoiced, received, written_off,
      unapplied, outstanding, documents)
    select customer_id, owner_id, min(owner_dept_id), sum(invoiced), sum(received), sum(written_off), sum(unapplied),
      sum(outstanding), count(*)
    from receivable_documents group by customer_id, owner_id`);
  await db.execute(sql`
    insert into receivable_customers (customer_id, invoiced, received, written_off, unapplied, outstanding, documents)
    select customer_id, sum(invoiced), sum(received), sum(written_off), sum(unapplied), sum(outstanding), count(*)
    from receivable_documents group by customer_id`);
  await db.execute(sql`
    insert into receivable_due_totals (owner_id, owner_dept_id, due_date, outstanding, invoices)
    select owner_id, min(owner_dept_id), due_date, sum(outstanding), count(*)
    from receivable_invoices where outstanding > 0 group by owner_id, due_date`);
  await rebuildSubtrees(db);
  return inv.rowCount ?? 0;
}
