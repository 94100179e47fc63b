/**
 * Set-based bulk insert of synthetic sales orders for performance work (issue 4: 2 M orders /
 * 20 M lines): per chunk, one `insert … select … from generate_series` for the headers and one
 * for the lines, values derived from a hash of a global row key (deterministic), numbered
 * SO-<day>-<n> from doc_sequences in the same transaction so the app keeps numbering gaplessly.
 * Customers (with an owner) must exist; seed products, a warehouse and stock are created if missing.
 * Secondary indexes of orders/order_lines are dropped for a large load and rebuilt afterwards.
 */
import type pg from 'pg';

const PRODUCTS = 500;
// Status mix of a mature order book (most orders are done).
const STATUS_SQL = `case
  when h % 100 < 62 then 'completed' when h % 100 < 72 then 'delivered'
  when h % 100 < 80 then 'partially_delivered' when h % 100 < 86 then 'in_preparation'
  when h % 100 < 91 then 'approved' when h % 100 < 95 then 'cancelled'
  when h % 100 < 97 then 'under_review' else 'draft' end`;

async function ensureMasterData(client: pg.PoolClient): Promise<number> {
  await client.query(`
    insert into products (code, name, unit, tax_rate, standard_price, floor_price, search_text)
    select 'SEED-P-' || lpad(g::text, 4, '0'), '批量产品' || g, '台', 13.00, 50 + (g * 37) % 950, round((50 + (g * 37) % 950) * 0.8, 2),
           lower('SEED-P-' || lpad(g::text, 4, '0') || ' 批量产品' || g)
    from generate_series(1, ${PRODUCTS}) g
    on conflict (code) do nothing`);
  const wh = await client.query<{ id: number }>(
    `insert into warehouses (code, name) values ('WH-SEED', '批量数据仓')
     on conflict (code) do update set name = excluded.name returning id`,
  );
  const warehouseId = Number(wh.rows[0].id);
  await client.query(
    `insert into stock_items (warehouse_id, product_id, on_hand)
     select $1, id, 1000000 from products where code like 'SEED-P-%'
     on conflict (warehouse_id, product_id) do nothing`,
    [warehouseId],
  );
  return warehouseId;
}

async function secondaryIndexes(client: pg.PoolClient) {
  const { rows } = await client.query<{ name: string; def: string }>(`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
    where i.tablename in ('orders', 'order_lines') and not x.indisunique and not x.indisprimary`);
  return rows;
}

/** Inserts `count` orders with `linesPerOrder` lines each, spread over the last `years` years. */
export async function seedOrders(
  pool: pg.Pool,
  count: number,
  opts: { chunk?: number; linesPerOrder?: number; years?: number; log?: (m: string) => void } = {},
): Promise<void> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const chunk = opts.chunk ?? 100_000;
  const lines = opts.linesPerOrder ?? 10;
  const days = Math.round((opts.years ?? 3) * 365);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    await client.query(`set local maintenance_work_mem = '1GB'`);
    const su = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
    if (su.rows[0]?.rolsuper) await client.query('set local session_replication_role = replica');
    // Nobody else numbers orders meanwhile.
    await client.query('lock table orders in share row exclusive mode');
    const warehouseId = await ensureMasterData(client);
    await client.query(`create temp table seed_customers on commit drop as
      select row_number() over (order by id) as rn, id, owner_id, owner_dept_id from customers
      where owner_id is not null and owner_dept_id is not null and deleted_at is null`);
    await client.query('create unique index on seed_customers (rn)');
    const nCust = Number((await client.query<{ n: string }>('select count(*) n from seed_customers')).rows[0].n);
    if (nCust === 0) throw new Error('seed orders: no owned customers (seed customers first)');
    await client.query(`create temp table seed_products on commit drop as
      select row_number() over (order by id) as rn, id, code, name, standard_price as price from products where code like 'SEED-P-%'`);
    await client.query('create unique index on seed_products (rn)');
    const { rows } = await client.query<{ k: string; n: string }>(
      'select coalesce(max(id), 0) k, count(*) n from orders',
    );
    let key = Number(rows[0].k);
    const rebuild = count >= 50_000 && count >= Number(rows[0].n) / 4;
    const indexes = rebuild ? await secondaryIndexes(client) : [];
    for (const ix of indexes) await client.query(`drop index ${ix.name}`);
    if (indexes.length) log(`  dropped ${indexes.length} secondary indexes of orders/order_lines for the bulk load`);
    await client.query('create temp table seed_map (k bigint primary key, id bigint) on commit drop');
    for (let done = 0; done < count; ) {
      const n = Math.min(chunk, count - done);
      const t = performance.now();
      // Headers: day spread evenly (newest last); number per day continues doc_sequences.
      await client.query(
        `
        with src as (
          select $1::bigint + g as k, hashint8extended($1::bigint + g, 7) & 9223372036854775807 as h,
                 (current_date - $3::int + (g::bigint * $3::int / $2::int)::int) as day
          from generate_series(1, $2::int) g offset 0
        ), num as (
          select src.*, row_number() over (partition by day order by k)
                 + coalesce((select last_value from doc_sequences s where s.doc_type = 'order' and s.period = to_char(day, 'YYYYMMDD')), 0) as seq
          from src offset 0
        ), l as (
          select num.k, gl as line_no, p.id as product_id, p.code, p.name, p.price,
                 (1 + (hashint8extended(num.k * 100 + gl, 8) & 9223372036854775807) % 20)::numeric as qty
          from num cross join generate_series(1, $5::int) gl
          join seed_products p on p.rn = 1 + (hashint8extended(num.k * 100 + gl, 9) & 9223372036854775807) % ${PRODUCTS}
        ), tot as (
          select k, sum(round(qty * price, 2)) as net, sum(round(round(qty * price, 2) * 0.13, 2)) as tax from l group by k
        ), ins as (
          insert into orders (no, customer_id, owner_id, owner_dept_id, channel, status, requested_date, promised_date,
                              warehouse_id, total_net, total_tax, total_gross, received_amount, cancel_reason, credit_override,
                              created_at, updated_at, submitted_at, approved_at, version)
          select 'SO-' || to_char(day, 'YYYYMMDD') || '-' || lpad(seq::text, 4, '0'), c.id, c.owner_id, c.owner_dept_id,
                 (array['rep','order_desk','phone','counter'])[1 + h % 4], st.status, day + 7, day + 10, $4::int,
                 tot.net, tot.tax, tot.net + tot.tax,
                 case when st.status = 'completed' then tot.net + tot.tax else 0 end,
                 case when st.status = 'cancelled' then '客户取消' end, 'none',
                 day + interval '9 hours', day + interval '9 hours' + (h % 86400) * interval '1 second',
                 case when st.status <> 'draft' then day + interval '10 hours' end,
                 case when st.status not in ('draft','under_review','cancelled') then day + interval '11 hours' end, 1
          from num join tot using (k)
          cross join lateral (select ${STATUS_SQL} as status) st
          join seed_customers c on c.rn = 1 + num.h % $6::bigint
          returning id, no
        )
        insert into seed_map (k, id) select num.k, ins.id from ins
          join num on ins.no = 'SO-' || to_char(num.day, 'YYYYMMDD') || '-' || lpad(num.seq::text, 4, '0')`,
        [key, n, days, warehouseId, lines, nCust],
      );
      await client.query(
        `
        insert into order_lines (order_id, line_no, product_id, product_code, description, unit, qty, list_price, unit_price,
                                 discount_percent, tax_rate, net_amount, tax_amount, gross_amount, floor_price, delivered_qty)
        select m.id, gl, p.id, p.code, p.name, '台', q.qty, p.price, p.price, 0, 13.00,
               round(q.qty * p.price, 2), round(round(q.qty * p.price, 2) * 0.13, 2),
               round(q.qty * p.price, 2) + round(round(q.qty * p.price, 2) * 0.13, 2), null,
               case when o.status in ('delivered','completed') then q.qty when o.status = 'partially_delivered' and gl % 2 = 1 then q.qty else 0 end
        from seed_map m join orders o on o.id = m.id
        cross join generate_series(1, $2::int) gl
        join seed_products p on p.rn = 1 + (hashint8extended(m.k * 100 + gl, 9) & 9223372036854775807) % ${PRODUCTS}
        cross join lateral (select (1 + (hashint8extended(m.k * 100 + gl, 8) & 9223372036854775807) % 20)::numeric as qty) q
        where m.k > $1::bigint`,
        [key, lines],
      );
      await client.query(`
        insert into doc_sequences (doc_type, period, last_value)
        select 'order', substr(no, 4, 8), max(substr(no, 13)::int) from orders o join seed_map m on m.id = o.id
        where m.k > ${key} group by 2
        on conflict (doc_type, period) do update set last_value = greatest(doc_sequences.last_value, excluded.last_value)`);
      key += n;
      done += n;
      log(
        `  ${done.toLocaleString('en')} / ${count.toLocaleString('en')} orders (${(n * lines).toLocaleString('en')} lines) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    for (const ix of indexes) await client.query(ix.def);
    if (indexes.length) log(`  rebuilt ${indexes.length} indexes`);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  await pool.query('vacuum analyze orders');
  await pool.query('vacuum analyze order_lines');
}
