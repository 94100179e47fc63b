/**
 * Set-based invoices, payments and write-offs for generated orders (issue 10: B9 runs on a
 * realistic ledger). Every invoiceable order without invoices or payments gets one issued invoice
 * of its total, dated within two weeks of the order and due after the customer's payment terms
 * (30 days by default); then, by status and a hash of the order id (deterministic), it is paid in
 * full, partly or not at all — completed orders mostly paid, open ones mostly not — on a date
 * around its due date (never in the future), and a few percent of old unpaid ones are written off
 * (approved). The orders' ledger amounts are set to match, numbers continue doc_sequences, and the
 * maintained receivables (ADR 0003) are rebuilt from scratch at the end.
 */
import type pg from 'pg';

const H = '9223372036854775807';
const INVOICEABLE = `('approved','in_preparation','partially_delivered','delivered','completed')`;

/** `prefix-<date>-<seq>` numbers continuing doc_sequences for a per-day document type (at least 4 digits, never cut: lpad would truncate 10000). */
const dayNo = (prefix: string, docType: string, day: string, key: string) =>
  `'${prefix}-' || to_char(${day}, 'YYYYMMDD') || '-' || pg_temp.zpad((row_number() over (partition by ${day} order by ${key})
     + coalesce((select last_value from doc_sequences s where s.doc_type = '${docType}' and s.period = to_char(${day}, 'YYYYMMDD')), 0))::text, 4)`;

const bumpDaySequence = (docType: string, table: string, col: string, prefix: string) => `
  insert into doc_sequences (doc_type, period, last_value)
  select '${docType}', split_part(${col}, '-', 2), max(split_part(${col}, '-', 3)::int) from ${table}
  where ${col} like '${prefix}-%' group by 2
  on conflict (doc_type, period) do update set last_value = greatest(doc_sequences.last_value, excluded.last_value)`;

export async function seedFinance(
  pool: pg.Pool,
  opts: { log?: (m: string) => void; rebuild: (client: pg.PoolClient) => Promise<number> },
): Promise<void> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    await client.query(`set local work_mem = '256MB'`);
    await client.query(`set local maintenance_work_mem = '1GB'`);
    const su = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
    if (su.rows[0]?.rolsuper) await client.query('set local session_replication_role = replica');
    await client.query('lock table invoices, payments, bad_debt_write_offs in share row exclusive mode');
    // Zero-padded to a minimum width, never cut (lpad truncates: 10000 would become 1000).
    await client.query(`create function pg_temp.zpad(v text, w int) returns text language sql immutable
      as $$ select lpad(v, greatest(w, length(v)), '0') $$`);
    let t = performance.now();
    const step = (m: string) => {
      log(`  ${m} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      t = performance.now();
    };
    await client.query(`
      create temp table seed_fin on commit drop as
      select x.*, least(current_date, x.due_date - 15 + (x.h3 % 50)::int) as pay_date
      from (
        select o.id as order_id, o.customer_id, o.owner_id, o.owner_dept_id, o.status, o.total_net, o.total_tax, o.total_gross,
          c.name as customer_name, c.credit_code, c.phone, i.issue_date,
          i.issue_date + coalesce(c.payment_terms_days, 30) as due_date,
          (hashint8extended(o.id, 22) & ${H}) % 100 as h2, (hashint8extended(o.id, 23) & ${H}) as h3,
          (hashint8extended(o.id, 24) & ${H}) % 1000 as h4
        from orders o
        join customers c on c.id = o.customer_id
        cross join lateral (select least(current_date, o.created_at::date + ((hashint8extended(o.id, 21) & ${H}) % 15)::int) as issue_date) i
        where o.status in ${INVOICEABLE} and o.total_gross > 0
          and not exists (select 1 from invoices v where v.order_id = o.id)
          and not exists (select 1 from payments p where p.order_id = o.id)
      ) x`);
    // Paid: completed orders mostly in full; delivered ones often partly; open ones a deposit at most.
    await client.query(`
      alter table seed_fin add column paid numeric(18,2), add column written_off numeric(18,2) not null default 0;
      update seed_fin set paid = case
        when status = 'completed' then case when h2 < 92 then total_gross when h2 < 97 then round(total_gross * 0.5, 2) else 0 end
        when status in ('delivered', 'partially_delivered') then
          case when h2 < 55 then total_gross when h2 < 85 then round(total_gross * (30 + h2 % 41) / 100, 2) else 0 end
        else case when h2 < 40 then round(total_gross * 0.3, 2) else 0 end end;
      update seed_fin set pay_date = greatest(issue_date, pay_date);
      -- 坏账核销: about 3 % of what is still owed on invoices due more than a year ago.
      update seed_fin set written_off = total_gross - paid
      where paid < total_gross and due_date < current_date - 365 and h4 < 10 * 3;`);
    const { rows } = await client.query<{ n: string }>('select count(*) n from seed_fin');
    step(`${Number(rows[0].n).toLocaleString('en')} orders to invoice selected`);
    await client.query(`
      insert into invoices (no, external_no, customer_id, order_id, owner_id, owner_dept_id, kind, status, issue_date, is_late,
        buyer_name, buyer_tax_no, buyer_phone, seller_name, issuer_name, payee_name, total_net, total_tax, total_gross,
        amount_in_words, due_date, issued_by, created_at, updated_at)
      select ${dayNo('KP', 'invoice', 'issue_date', 'order_id')}, 'SEED' || lpad(order_id::text, 12, '0'), customer_id, order_id,
        owner_id, owner_dept_id, case when credit_code is null then 'vat_normal' else 'vat_special' end, 'issued', issue_date, false,
        customer_name, credit_code, phone, '批量数据销售有限公司', '批量开票', '批量收款', total_net, total_tax, total_gross,
        '（批量数据）', due_date, owner_id, issue_date + interval '14 hours', issue_date + interval '14 hours'
      from seed_fin`);
    step('invoices inserted');
    await client.query(`
      insert into payments (no, customer_id, order_id, owner_id, owner_dept_id, kind, method, amount, received_date, status,
        receipt_no, payer_name, reported_by, confirmed_by, confirmed_at, created_at, updated_at)
      select ${dayNo('SK', 'payment', 'pay_date', 'order_id')}, customer_id, order_id, owner_id, owner_dept_id,
        case when paid = total_gross then 'full' else 'instalment' end, 'transfer', paid, pay_date, 'confirmed',
        ${dayNo('SJ', 'receipt', 'pay_date', 'order_id')}, customer_name, owner_id, owner_id,
        pay_date + interval '16 hours', pay_date + interval '15 hours', pay_date + interval '16 hours'
      from seed_fin where paid > 0`);
    step('payments inserted');
    await client.query(`
      insert into bad_debt_write_offs (no, customer_id, order_id, owner_id, owner_dept_id, amount, reason, status, requested_by,
        created_at, decided_at)
      select 'HX-' || to_char(d, 'YYYY') || '-' || pg_temp.zpad((row_number() over (partition by to_char(d, 'YYYY') order by order_id)
          + coalesce((select last_value from doc_sequences s where s.doc_type = 'writeOff' and s.period = to_char(d, 'YYYY')), 0))::text, 5),
        customer_id, order_id, owner_id, owner_dept_id, written_off, '客户失联，经审批核销', 'approved', owner_id,
        d + interval '9 hours', d + interval '17 hours'
      from (select *, least(current_date, due_date + 200) as d from seed_fin where written_off > 0) w`);
    await client.query(`
      update orders o set invoiced_amount = f.total_gross, received_amount = f.paid, written_off_amount = f.written_off
      from seed_fin f where o.id = f.order_id`);
    step('write-offs inserted, order ledgers set');
    await client.query(bumpDaySequence('invoice', 'invoices', 'no', 'KP'));
    await client.query(bumpDaySequence('payment', 'payments', 'no', 'SK'));
    await client.query(bumpDaySequence('receipt', 'payments', 'receipt_no', 'SJ'));
    await client.query(`
      insert into doc_sequences (doc_type, period, last_value)
      select 'writeOff', split_part(no, '-', 2), max(split_part(no, '-', 3)::int) from bad_debt_write_offs
      where no like 'HX-%' group by 2
      on conflict (doc_type, period) do update set last_value = greatest(doc_sequences.last_value, excluded.last_value)`);
    step('numbering continued');
    const n = await opts.rebuild(client);
    step(`maintained receivables rebuilt (${n.toLocaleString('en')} invoices)`);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  for (const table of [
    'invoices',
    'payments',
    'bad_debt_write_offs',
    'orders',
    'receivable_invoices',
    'receivable_documents',
    'receivable_customer_owners',
    'receivable_customers',
  ])
    await pool.query(`vacuum analyze ${table}`);
}
