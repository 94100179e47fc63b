/**
 * B3: create an order with 10 lines through the API — POST /api/orders (pricing, gapless number,
 * audit), POST …/submit, POST …/review by the manager (credit exposure, locked stock check,
 * reservation of all 10 lines, review evidence, audit) — against the same work as one plain SQL
 * transaction sent straight through `pg`. Sequential (one order in flight), alternating rounds.
 */
import http from 'node:http';
import type pg from 'pg';
import { request } from './http.ts';
import { type LatencySummary, summarize } from './stats.ts';

export interface B3Options {
  port: number;
  pool: pg.Pool;
  password: string;
  rounds: number;
  samples: number;
  maxSeconds: number;
  log: (m: string) => void;
}

export interface B3Result {
  orders: number;
  lines: number;
  api: LatencySummary;
  sql: LatencySummary;
  apiSteps: { create: LatencySummary; submit: LatencySummary; review: LatencySummary };
  apiRoundP50: number[];
  sqlRoundP50: number[];
  approvedApi: number;
  approvedSql: number;
}

interface Session {
  cookie: string;
  csrf: string;
  userId: number;
}

async function signIn(agent: http.Agent, port: number, login: string, password: string): Promise<Session> {
  const res = await request(agent, port, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${res.body}`);
  const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('sid='))?.split(';')[0] ?? '';
  const body = JSON.parse(res.body);
  return { cookie, csrf: body.user.csrfToken, userId: body.user.id };
}

function post(agent: http.Agent, port: number, s: Session, path: string, body: unknown) {
  return request(agent, port, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(body),
  });
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

/**
 * The reference: the statements the three use cases need, in one transaction, with the same
 * locks (counter row, stock rows in product order) and the same rows written.
 */
async function sqlOrder(
  pool: pg.Pool,
  p: {
    customerId: number;
    ownerId: number;
    deptId: number;
    reviewerId: number;
    warehouseId: number;
    products: { id: number; code: string; name: string; unit: string; price: string }[];
  },
) {
  const c = await pool.connect();
  try {
    await c.query('begin');
    const period = today().replaceAll('-', '');
    const seq = await c.query<{ last_value: number }>(
      `insert into doc_sequences (doc_type, period, last_value) values ('order', $1, 1)
       on conflict (doc_type, period) do update set last_value = doc_sequences.last_value + 1 returning last_value`,
      [period],
    );
    const no = `SO-${period}-${String(seq.rows[0].last_value).padStart(4, '0')}`;
    const prods = await c.query(
      'select id, code, name, unit, tax_rate, standard_price, floor_price, active from products where id = any($1)',
      [p.products.map((x) => x.id)],
    );
    void prods;
    const o = await c.query<{ id: number }>(
      `insert into orders (no, customer_id, owner_id, owner_dept_id, channel, requested_date, warehouse_id, total_net, total_tax, total_gross, created_by)
       values ($1, $2, $3, $4, 'rep', $5, $6, 0, 0, 0, $3) returning id`,
      [no, p.customerId, p.ownerId, p.deptId, inDays(7), p.warehouseId],
    );
    const orderId = o.rows[0].id;
    const values: unknown[] = [];
    const rows = p.products.map((x, i) => {
      const b = values.length;
      values.push(orderId, i + 1, x.id, x.code, x.name, x.unit, '2', x.price, x.price);
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}::numeric, $${b + 8}::numeric, $${b + 9}::numeric, 0, 13.00,
        round($${b + 7}::numeric * $${b + 9}::numeric, 2), round(round($${b + 7}::numeric * $${b + 9}::numeric, 2) * 0.13, 2),
        round($${b + 7}::numeric * $${b + 9}::numeric, 2) + round(round($${b + 7}::numeric * $${b + 9}::numeric, 2) * 0.13, 2))`;
    });
    const lines = await c.query<{ id: number; product_id: number; qty: string }>(
      `insert into order_lines (order_id, line_no, product_id, product_code, description, unit, qty, list_price, unit_price, discount_percent, tax_rate, net_amount, tax_amount, gross_amount)
       values ${rows.join(',')} returning id, product_id, qty`,
      values,
    );
    await c.query(
      `update orders set (total_net, total_tax, total_gross) = (select sum(net_amount), sum(tax_amount), sum(gross_amount) from order_lines where order_id = $1) where id = $1`,
      [orderId],
    );
    await c.query(
      `insert into audit_log (actor_id, request_id, entity_type, entity_id, action, changes) values ($1, 'bench', 'order', $2, 'create', '[]')`,
      [p.ownerId, orderId],
    );
    await c.query(`update orders set status = 'submitted', submitted_at = now(), version = version + 1 where id = $1`, [
      orderId,
    ]);
    await c.query(
      `insert into audit_log (actor_id, request_id, entity_type, entity_id, action, changes) values ($1, 'bench', 'order', $2, 'submit', '[]')`,
      [p.ownerId, orderId],
    );
    // Review: lock the order, credit exposure, stock rows locked in product order, reserve, evidence.
    const ord = await c.query<{ total_gross: string }>('select * from orders where id = $1 for update', [orderId]);
    await c.query('select credit_limit, deleted_at from customers where id = $1', [p.customerId]);
    await c.query(
      `select coalesce(sum(total_gross - received_amount - written_off_amount), 0) from orders where customer_id = $1 and status in ('approved','in_preparation','partially_delivered','delivered','completed')`,
      [p.customerId],
    );
    const ids = lines.rows.map((l) => l.product_id);
    const stock = await c.query<{ product_id: number; avail: string }>(
      'select product_id, on_hand - reserved as avail from stock_items where warehouse_id = $1 and product_id = any($2) order by product_id for update',
      [p.warehouseId, ids],
    );
    const ok = stock.rows.length === new Set(ids).size;
    // As reserveStock does: one conditional update for all products, one insert for the reservations
    // (the seed products of a B3 order are distinct, so no per-product summing is needed).
    const sorted = [...lines.rows].sort((a, b) => a.product_id - b.product_id);
    const r = await c.query(
      `update stock_items s set reserved = s.reserved + v.qty, updated_at = now()
       from (select unnest($2::bigint[]) as product_id, unnest($3::numeric[]) as qty) v
       where s.warehouse_id = $1 and s.product_id = v.product_id and s.on_hand - s.reserved >= v.qty`,
      [p.warehouseId, sorted.map((l) => l.product_id), sorted.map((l) => l.qty)],
    );
    if (r.rowCount !== sorted.length) throw new Error('bench sql: stock short');
    await c.query(
      `insert into stock_reservations (order_id, order_line_id, warehouse_id, product_id, qty)
       select $1, unnest($2::bigint[]), $3, unnest($4::bigint[]), unnest($5::numeric[])`,
      [orderId, sorted.map((l) => l.id), p.warehouseId, sorted.map((l) => l.product_id), sorted.map((l) => l.qty)],
    );
    await c.query(
      `insert into audit_log (actor_id, request_id, entity_type, entity_id, action, changes) values ($1, 'bench', 'order', $2, 'stock_reserve', '[]')`,
      [p.reviewerId, orderId],
    );
    await c.query(
      `insert into order_reviews (order_id, outcome, blockers, evidence, reviewed_by) values ($1, 'passed', '{}', $2, $3)`,
      [
        orderId,
        JSON.stringify({
          credit: { thisOrder: ord.rows[0].total_gross, ok: true },
          stock: stock.rows,
          completeness: [],
        }),
        p.reviewerId,
      ],
    );
    await c.query(`update orders set status = 'approved', approved_at = now(), version = version + 1 where id = $1`, [
      orderId,
    ]);
    await c.query(
      `insert into audit_log (actor_id, request_id, entity_type, entity_id, action, changes) values ($1, 'bench', 'order', $2, 'review', '[]'), ($1, 'bench', 'order', $2, 'approve', '[]')`,
      [p.reviewerId, orderId],
    );
    await c.query('commit');
    return ok;
  } catch (e) {
    await c.query('rollback').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

export async function runB3(o: B3Options): Promise<B3Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const rep = await signIn(agent, o.port, 'rep1', o.password);
  const manager = await signIn(agent, o.port, 'manager1', o.password);
  const { rows: cust } = await o.pool.query<{ id: number; owner_dept_id: number }>(
    `select id, owner_dept_id from customers where owner_id = $1 and deleted_at is null and credit_limit is null order by id limit 1`,
    [rep.userId],
  );
  if (!cust.length) throw new Error('B3: rep1 owns no customer without a credit limit');
  const { rows: wh } = await o.pool.query<{ id: number }>(`select id from warehouses where code = 'WH-SEED'`);
  const products = (
    await o.pool.query<{ id: number; code: string; name: string; unit: string; price: string }>(
      `select id, code, name, unit, standard_price as price from products where code like 'SEED-P-%' order by id limit 10`,
    )
  ).rows;
  if (!wh.length || products.length < 10)
    throw new Error('B3: seed orders first (products SEED-P-*, warehouse WH-SEED)');
  const counts = await o.pool.query<{ o: string; l: string }>(
    'select (select count(*) from orders) o, (select count(*) from order_lines) l',
  );
  const body = {
    customerId: cust[0].id,
    channel: 'rep',
    requestedDate: inDays(7),
    warehouseId: wh[0].id,
    lines: products.map((p) => ({ productId: p.id, qty: '2', unitPrice: p.price, discountPercent: '0' })),
  };
  const apiOne = async () => {
    const t0 = performance.now();
    const c = await post(agent, o.port, rep, '/api/orders', body);
    const t1 = performance.now();
    if (c.status !== 201) throw new Error(`B3 create: ${c.status} ${c.body}`);
    const made = JSON.parse(c.body);
    const s = await post(agent, o.port, rep, `/api/orders/${made.id}/submit`, { version: made.version });
    const t2 = performance.now();
    if (s.status !== 200) throw new Error(`B3 submit: ${s.status} ${s.body}`);
    const r = await post(agent, o.port, manager, `/api/orders/${made.id}/review`, {
      version: JSON.parse(s.body).version,
    });
    const t3 = performance.now();
    if (r.status !== 200) throw new Error(`B3 review: ${r.status} ${r.body}`);
    return {
      total: t3 - t0,
      create: t1 - t0,
      submit: t2 - t1,
      review: t3 - t2,
      approved: JSON.parse(r.body).status === 'approved',
    };
  };
  const params = {
    customerId: cust[0].id,
    ownerId: rep.userId,
    deptId: cust[0].owner_dept_id,
    reviewerId: manager.userId,
    warehouseId: wh[0].id,
    products,
  };
  // Warm-up both sides.
  for (let i = 0; i < 5; i++) {
    await apiOne();
    await sqlOrder(o.pool, params);
  }
  const api: number[] = [];
  const sqlT: number[] = [];
  const steps = { create: [] as number[], submit: [] as number[], review: [] as number[] };
  const apiRoundP50: number[] = [];
  const sqlRoundP50: number[] = [];
  let approvedApi = 0;
  let approvedSql = 0;
  for (let round = 0; round < o.rounds; round++) {
    const ra: number[] = [];
    const deadline = performance.now() + o.maxSeconds * 1000;
    while (ra.length < o.samples && performance.now() < deadline) {
      const r = await apiOne();
      ra.push(r.total);
      steps.create.push(r.create);
      steps.submit.push(r.submit);
      steps.review.push(r.review);
      if (r.approved) approvedApi++;
    }
    const rs: number[] = [];
    const deadline2 = performance.now() + o.maxSeconds * 1000;
    while (rs.length < o.samples && performance.now() < deadline2) {
      const t = performance.now();
      if (await sqlOrder(o.pool, params)) approvedSql++;
      rs.push(performance.now() - t);
    }
    api.push(...ra);
    sqlT.push(...rs);
    apiRoundP50.push(summarize(ra).p50);
    sqlRoundP50.push(summarize(rs).p50);
    o.log(
      `  B3 round ${round + 1}: API p50 ${summarize(ra).p50.toFixed(1)} ms (${ra.length}), SQL p50 ${summarize(rs).p50.toFixed(1)} ms (${rs.length})`,
    );
  }
  agent.destroy();
  return {
    orders: Number(counts.rows[0].o),
    lines: Number(counts.rows[0].l),
    api: summarize(api),
    sql: summarize(sqlT),
    apiSteps: { create: summarize(steps.create), submit: summarize(steps.submit), review: summarize(steps.review) },
    apiRoundP50,
    sqlRoundP50,
    approvedApi,
    approvedSql,
  };
}
