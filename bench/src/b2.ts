/**
 * B2: one order with its 10 lines by id — GET /api/orders/:id as the owning rep (session, scope,
 * contact masking policy, lines, latest review, reservations, credit approval, access log, JSON)
 * against the best SQL for the same answer: one statement returning the scoped order row with
 * customer and owner names, its lines, latest review and reservations as JSON. Sequential (one
 * request in flight), alternating rounds.
 */
import http from 'node:http';
import type pg from 'pg';
import { login, request } from './http.ts';
import { type LatencySummary, summarize } from './stats.ts';

export interface B2Options {
  port: number;
  pool: pg.Pool;
  password: string;
  rep: string;
  rounds: number;
  samples: number;
  maxSeconds: number;
  log: (m: string) => void;
  captureAppQueries: (fn: () => Promise<unknown>) => Promise<string[]>;
}

export interface B2Result {
  orderIds: number;
  api: LatencySummary;
  sql: LatencySummary;
  apiRoundP50: number[];
  sqlRoundP50: number[];
  statements: string[];
  bodyBytes: number;
}

/** The reference: everything the detail shows, in one statement, with the rep's scope predicate. */
const REFERENCE = `
select o.*, c.name as customer_name, u.name as owner_name,
  (select json_agg(l order by l.line_no) from order_lines l where l.order_id = o.id) as lines,
  (select row_to_json(r) from (select r.*, ru.name as reviewed_by_name from order_reviews r
      left join users ru on ru.id = r.reviewed_by where r.order_id = o.id order by r.id desc limit 1) r) as latest_review,
  (select json_agg(sr order by sr.id) from stock_reservations sr where sr.order_id = o.id) as reservations
from orders o join customers c on c.id = o.customer_id left join users u on u.id = o.owner_id
where o.id = $1 and o.owner_id = $2`;

export async function runB2(o: B2Options): Promise<B2Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const cookie = await login(agent, o.port, o.rep, o.password);
  const { rows: me } = await o.pool.query<{ id: number }>('select id from users where username = $1', [o.rep]);
  const repId = me[0].id;
  // The rep's own orders with 10 lines (the seed's shape), spread over the table.
  const { rows: ids } = await o.pool.query<{ id: number }>(
    `select o.id from orders o where o.owner_id = $1
       and (select count(*) from order_lines l where l.order_id = o.id) = 10
     order by o.id desc limit 200`,
    [repId],
  );
  if (ids.length === 0) throw new Error(`B2: ${o.rep} owns no order with 10 lines (seed orders first)`);
  const orderIds = ids.map((r) => r.id);

  const first = await request(agent, o.port, `/api/orders/${orderIds[0]}`, { headers: { cookie } });
  if (first.status !== 200) throw new Error(`B2: GET /api/orders/${orderIds[0]} answered ${first.status}`);
  const detail = JSON.parse(first.body) as { lines: unknown[] };
  const ref = await o.pool.query(REFERENCE, [orderIds[0], repId]);
  if (ref.rows.length !== 1 || (ref.rows[0].lines as unknown[]).length !== detail.lines.length)
    throw new Error('B2: the reference SQL does not return the same order and lines as the API');
  const statements = await o.captureAppQueries(() =>
    request(agent, o.port, `/api/orders/${orderIds[1 % orderIds.length]}`, { headers: { cookie } }),
  );

  let k = 0;
  const api = async () => {
    const id = orderIds[k++ % orderIds.length];
    const t = performance.now();
    const r = await request(agent, o.port, `/api/orders/${id}`, { headers: { cookie } });
    const dt = performance.now() - t;
    if (r.status !== 200) throw new Error(`B2: ${r.status} ${r.body.slice(0, 200)}`);
    return dt;
  };
  const sql = async () => {
    const id = orderIds[k++ % orderIds.length];
    const t = performance.now();
    const r = await o.pool.query(REFERENCE, [id, repId]);
    const dt = performance.now() - t;
    if (r.rows.length !== 1) throw new Error('B2: reference found no order');
    return dt;
  };
  // Warm-up of both sides.
  for (let i = 0; i < 30; i++) {
    await api();
    await sql();
  }
  const apiAll: number[] = [];
  const sqlAll: number[] = [];
  const apiRoundP50: number[] = [];
  const sqlRoundP50: number[] = [];
  const sample = async (fn: () => Promise<number>) => {
    const out: number[] = [];
    const end = performance.now() + o.maxSeconds * 1000;
    while (out.length < o.samples && performance.now() < end) out.push(await fn());
    return out;
  };
  for (let round = 0; round < o.rounds; round++) {
    const a = await sample(api);
    const s = await sample(sql);
    apiAll.push(...a);
    sqlAll.push(...s);
    apiRoundP50.push(summarize(a).p50);
    sqlRoundP50.push(summarize(s).p50);
    o.log(
      `  B2 round ${round + 1}: API p50 ${summarize(a).p50.toFixed(2)} ms, SQL p50 ${summarize(s).p50.toFixed(2)} ms`,
    );
  }
  agent.destroy();
  return {
    orderIds: orderIds.length,
    api: summarize(apiAll),
    sql: summarize(sqlAll),
    apiRoundP50,
    sqlRoundP50,
    statements,
    bodyBytes: Buffer.byteLength(first.body),
  };
}
