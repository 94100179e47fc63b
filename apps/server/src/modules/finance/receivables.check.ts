import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { ALL_TIME, documentsSql, invoiceRowsSql, ledgerSql } from './receivables.ledger.ts';
import { subtreeRowsSql } from './receivables.subtrees.ts';

/** One maintained row that differs from the from-scratch computation (null: the row is missing on that side). */
export type ReceivablesDifference = {
  table:
    | 'receivable_invoices'
    | 'receivable_documents'
    | 'receivable_customer_owners'
    | 'receivable_customers'
    | 'receivable_customer_subtrees'
    | 'receivable_due_totals';
  key: string;
  maintained: Record<string, unknown> | null;
  fromScratch: Record<string, unknown> | null;
};

const FIGURES = ['invoiced', 'received', 'written_off', 'unapplied', 'outstanding'];
const customerSums = (by: string) =>
  sql.raw(`
  select ${by}, ${FIGURES.map((f) => `sum(${f})::numeric(18,2) as ${f}`).join(', ')}, count(*)::int as documents
  from docs group by ${by}`);

/** Full outer join of a from-scratch relation `s` and a maintained table `m` on `key`, rows whose `cols` differ. */
function differing(table: ReceivablesDifference['table'], fresh: SQL, key: string[], cols: string[], limit: number) {
  const tuple = (a: string) => sql.raw(`(${cols.map((c) => `${a}.${c}`).join(', ')})`);
  const on = sql.raw(key.map((k) => `m.${k} = s.${k}`).join(' and '));
  const keyText = sql.raw(key.map((k) => `coalesce(m.${k}, s.${k})::text`).join(` || '/' || `));
  // Materialised: a small LIMIT must not talk the planner into nested loops over the whole ledger.
  return sql`
    with d as materialized (
      select ${sql.raw(`'${table}'`)} as "table", ${keyText} as key, to_jsonb(m) as maintained, to_jsonb(s) as "fromScratch"
      from (${fresh}) s full join ${sql.raw(table)} m on ${on}
      where ${tuple('s')} is distinct from ${tuple('m')})
    select d.*, (select count(*) from d) as n from d limit ${limit}`;
}

/**
 * Recomputes every receivable from scratch in SQL (the same FIFO ledger the historical reports
 * use) and compares it, to the cent, with the maintained rows (ADR 0003): per invoice, per
 * document, per customer and owner, per customer, per department subtree and customer. One read-only snapshot, so concurrent postings
 * cannot show up as differences. Returns how many rows differ and up to `limit` of them per table.
 */
export async function checkReceivables(db: Db, limit = 20) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    const ledger = ledgerSql(ALL_TIME);
    const docs = sql`with docs as (${documentsSql(ledger)})`;
    const queries = [
      differing(
        'receivable_invoices',
        invoiceRowsSql(ledger),
        ['invoice_id'],
        [
          'doc_key',
          'customer_id',
          'owner_id',
          'owner_dept_id',
          'order_id',
          'contract_id',
          'customer_name',
          'document_no',
          'issue_date',
          'due_date',
          'gross',
          'applied',
          'outstanding',
        ],
        limit,
      ),
      differing(
        'receivable_documents',
        documentsSql(ledger),
        ['doc_key'],
        ['customer_id', 'owner_id', 'owner_dept_id', ...FIGURES, 'invoice_count', 'last_credit_date'],
        limit,
      ),
      differing(
        'receivable_customer_owners',
        sql`${docs} ${customerSums('customer_id, owner_id, owner_dept_id')}`,
        ['customer_id', 'owner_id'],
        ['owner_dept_id', ...FIGURES, 'documents'],
        limit,
      ),
      differing(
        'receivable_customers',
        sql`${docs} ${customerSums('customer_id')}`,
        ['customer_id'],
        [...FIGURES, 'documents'],
        limit,
      ),
      differing(
        'receivable_customer_subtrees',
        sql`${docs} ${subtreeRowsSql(sql`${customerSums('customer_id, owner_id, owner_dept_id')}`)}`,
        ['dept_id', 'customer_id'],
        [...FIGURES, 'documents'],
        limit,
      ),
      differing(
        'receivable_due_totals',
        sql`select owner_id, owner_dept_id, due_date, sum(outstanding)::numeric(18,2) as outstanding, count(*)::int as invoices
          from (${invoiceRowsSql(ledger)}) i where outstanding > 0 group by owner_id, owner_dept_id, due_date`,
        ['owner_id', 'due_date'],
        ['owner_dept_id', 'outstanding', 'invoices'],
        limit,
      ),
    ];
    let differences = 0;
    const samples: ReceivablesDifference[] = [];
    for (const q of queries) {
      const r = await tx.execute<ReceivablesDifference & { n: string }>(q);
      if (r.rows.length) differences += Number(r.rows[0].n);
      for (const { n: _n, ...d } of r.rows) samples.push(d);
    }
    return { differences, samples };
  });
}

/**
 * Daily consistency check of the maintained receivables. A difference is a defect: the run fails
 * with the first differing rows in the scheduler's log (repair: rebuildReceivables, ADR 0003).
 */
export async function runReceivablesCheck(db: Db): Promise<{ changed: number }> {
  const { differences, samples } = await checkReceivables(db, 5);
  if (differences > 0)
    throw new Error(
      `receivables: ${differences} maintained rows differ from the from-scratch ledger: ${JSON.stringify(samples)}`,
    );
  return { changed: 0 };
}

// Nightly only: at 2 M orders the full comparison takes about two minutes of database time
// (docs/benchmarks.md B9), which every server start would otherwise pay.
registerSweep({ name: 'receivables.consistency', cron: '40 3 * * *', runOnStart: false, run: runReceivablesCheck });
