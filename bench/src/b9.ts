/**
 * B9: receivables at scale (issue 10). One page (50 rows) of the aging table and of the arrears
 * list through the API, against the best SQL for the same answer sent straight through `pg` — the
 * same index reads of the maintained balances (page, capped count, bucket totals from the
 * per-owner, per-due-date sums) — and, for
 * scale, the from-scratch ledger in SQL (what the totals cost without maintained balances).
 * Then a simple request's latency idle and while aging/arrears pages are requested back to back,
 * the event-loop delay meanwhile, and the process RSS (the API runs in this process).
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type pg from 'pg';
import { login, request } from './http.ts';
import { type LatencySummary, summarize } from './stats.ts';

export interface B9Case {
  label: string;
  username: string;
  path: '/api/receivables' | '/api/receivables/arrears';
  page?: number;
  /** The reader's data scope as SQL over alias r (owner_id, owner_dept_id); omitted: all. */
  scope?: string;
  /** The scope is this department's subtree: its per-customer rows are read by index (ADR 0003). */
  subtreeDept?: number;
}

export interface B9CaseResult {
  case: B9Case;
  api: LatencySummary & { p95: number };
  sql: LatencySummary & { p95: number };
  rows: number;
  total: string;
}

export interface B9Result {
  counts: Record<string, number>;
  cases: B9CaseResult[];
  fromScratch: LatencySummary & { p95: number };
  historical: LatencySummary & { p95: number };
  idle: LatencySummary & { p95: number };
  loaded: LatencySummary & { p95: number };
  loadedRequests: number;
  eventLoopMaxMs: number;
  eventLoopP99Ms: number;
  rssMaxMiB: number;
  simplePath: string;
}

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const withP95 = (xs: number[]) => ({ ...summarize(xs), p95: p95(xs) });

async function timed(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const BUCKET = (asOf: string) => `case
  when '${asOf}'::date - r.due_date <= 0 then 'notDue' when '${asOf}'::date - r.due_date <= 30 then 'd1_30'
  when '${asOf}'::date - r.due_date <= 60 then 'd31_60' when '${asOf}'::date - r.due_date <= 90 then 'd61_90'
  else 'over90' end`;

/**
 * The best SQL for an all-scope page: the same index reads the API makes (the per-customer row
 * by outstanding / the arrears index in name order, a capped count, the bucket totals), sent
 * concurrently on separate connections as the API does.
 */
function referenceSql(
  pool: pg.Pool,
  path: B9Case['path'],
  page: number,
  scope: string | null,
  subtreeDept: number | null,
) {
  const asOf = today();
  const offset = (page - 1) * 50;
  const where = scope ?? 'true';
  const totals = () =>
    pool.query(
      `select ${BUCKET(asOf)} as bucket, sum(r.outstanding) from receivable_due_totals r where ${where} group by 1`,
    );
  // All scope: the per-customer rows in index order; a department subtree: that department's rows in
  // index order; another scoped reader: the per-owner rows summed per customer.
  const customers = subtreeDept
    ? `select r.customer_id, r.outstanding, r.invoiced from receivable_customer_subtrees r where r.dept_id = ${subtreeDept}`
    : scope
      ? `select r.customer_id, sum(r.outstanding) as outstanding, sum(r.invoiced) as invoiced from receivable_customer_owners r
       where ${where} group by r.customer_id`
      : 'select * from receivable_customers';
  if (path === '/api/receivables')
    return () =>
      Promise.all([
        pool
          .query(
            `select c.*, cu.name from (select * from (${customers}) c
               order by c.outstanding desc nulls last, c.customer_id limit 50 offset ${offset}) c
             join customers cu on cu.id = c.customer_id`,
          )
          .then((p) =>
            pool.query(
              `select r.customer_id, ${BUCKET(asOf)}, sum(r.outstanding) from receivable_invoices r
               where r.customer_id = any($1::bigint[]) and r.outstanding > 0 and ${where} group by 1, 2`,
              [p.rows.map((x) => x.customer_id)],
            ),
          ),
        pool.query(`select count(*) from (select 1 from (${customers}) c limit 10001) t`),
        totals(),
      ]);
  return () =>
    Promise.all([
      pool.query(
        `select r.*, i.no, i.external_no, cu.name, u.name from (select * from receivable_invoices r
           where r.outstanding > 0 and ${where}
           order by r.customer_name collate "zh-x-icu", r.customer_id, r.document_no, r.due_date, r.invoice_id
           limit 50 offset ${offset}) r
         join invoices i on i.id = r.invoice_id join customers cu on cu.id = r.customer_id left join users u on u.id = r.owner_id`,
      ),
      pool.query(
        `select count(*) from (select 1 from receivable_invoices r where outstanding > 0 and ${where} limit 10001) t`,
      ),
      totals(),
    ]);
}

/** The same bucket totals computed from scratch (FIFO ledger in SQL), the answer without maintained balances. */
const FROM_SCRATCH = (asOf: string) => `
  with inv as (
    select i.id, coalesce('o' || i.order_id, 'c' || i.contract_id) as doc, i.due_date, i.total_gross as gross,
      coalesce(sum(i.total_gross) over (partition by i.order_id, i.contract_id order by i.due_date, i.id
        rows between unbounded preceding and 1 preceding), 0) as before
    from invoices i where i.status = 'issued' and i.issue_date <= '${asOf}'
  ), credit as (
    select doc, sum(amount) as amount from (
      select coalesce('o' || order_id, 'c' || contract_id) as doc, amount from payments
      where status in ('confirmed','cleared') and received_date <= '${asOf}'
      union all
      select 'o' || order_id, amount from bad_debt_write_offs where status = 'approved'
        and (decided_at at time zone 'Asia/Shanghai')::date <= '${asOf}') x
    group by 1
  )
  select ${BUCKET(asOf)} as bucket, sum(r.gross - least(r.gross, greatest(0, coalesce(c.amount, 0) - r.before))) as outstanding
  from inv r left join credit c on c.doc = r.doc
  group by 1`;

export async function runB9(o: {
  port: number;
  pool: pg.Pool;
  password: string;
  cases: B9Case[];
  samples: number;
  concurrentSeconds: number;
  log: (m: string) => void;
}): Promise<B9Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const cookies = new Map<string, string>();
  const cookieOf = async (u: string) => {
    if (!cookies.has(u)) cookies.set(u, await login(agent, o.port, u, o.password));
    return cookies.get(u)!;
  };
  const get = async (username: string, path: string) => {
    const res = await request(agent, o.port, path, { headers: { cookie: await cookieOf(username) } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.body.slice(0, 200)}`);
    return res;
  };
  let rssMax = 0;
  const rssTimer = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }, 100);
  try {
    const counts = (
      await o.pool.query(`select (select count(*) from orders)::int as orders, (select count(*) from invoices)::int as invoices,
        (select count(*) from payments)::int as payments, (select count(*) from bad_debt_write_offs)::int as write_offs,
        (select count(*) from customers)::int as customers,
        (select count(*) from receivable_invoices where outstanding > 0)::int as open_invoices,
        (select count(*) from receivable_customers)::int as customers_with_invoices`)
    ).rows[0] as Record<string, number>;
    const cases: B9CaseResult[] = [];
    for (const c of o.cases) {
      const path = `${c.path}?page=${c.page ?? 1}&pageSize=50`;
      const first = JSON.parse((await get(c.username, path)).body);
      const ref = referenceSql(o.pool, c.path, c.page ?? 1, c.scope ?? null, c.subtreeDept ?? null);
      await ref();
      const api: number[] = [];
      const sqlT: number[] = [];
      for (let i = 0; i < o.samples; i++) {
        api.push(await timed(() => get(c.username, path)));
        sqlT.push(await timed(ref));
      }
      const r = {
        case: c,
        api: withP95(api),
        sql: withP95(sqlT),
        rows: first.items.length,
        total: String(first.total),
      };
      o.log(
        `  ${c.label}: API p50 ${r.api.p50.toFixed(1)} / p95 ${r.api.p95.toFixed(1)} ms; SQL p50 ${r.sql.p50.toFixed(1)} ms`,
      );
      cases.push(r);
    }
    const scratch: number[] = [];
    for (let i = 0; i < 2; i++) scratch.push(await timed(() => o.pool.query(FROM_SCRATCH(today()))));
    o.log(`  from-scratch ledger totals in SQL: p50 ${summarize(scratch).p50.toFixed(0)} ms`);
    // A past as-of date cannot be read from the maintained balances: the API computes the ledger in SQL.
    const past = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const hist: number[] = [];
    for (let i = 0; i < 2; i++) hist.push(await timed(() => get(o.cases[0].username, `/api/receivables?asOf=${past}`)));
    o.log(`  aging as of ${past} (ledger from scratch): p50 ${summarize(hist).p50.toFixed(0)} ms`);

    // A simple request idle, then while two clients page through aging and arrears back to back.
    const simplePath = '/api/auth/me';
    const simpleUser = o.cases[0].username;
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push(await timed(() => get(simpleUser, simplePath)));
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    let stop = false;
    let loadedRequests = 0;
    const hammer = async (path: string) => {
      for (let page = 1; !stop; page = (page % 20) + 1) {
        await get(simpleUser, `${path}?page=${page}&pageSize=50`);
        loadedRequests += 1;
      }
    };
    const loaders = [hammer('/api/receivables'), hammer('/api/receivables/arrears')];
    const loaded: number[] = [];
    const until = performance.now() + o.concurrentSeconds * 1000;
    while (performance.now() < until) loaded.push(await timed(() => get(simpleUser, simplePath)));
    stop = true;
    await Promise.all(loaders);
    h.disable();
    return {
      counts,
      cases,
      fromScratch: withP95(scratch),
      historical: withP95(hist),
      idle: withP95(idle),
      loaded: withP95(loaded),
      loadedRequests,
      eventLoopMaxMs: h.max / 1e6,
      eventLoopP99Ms: h.percentile(99) / 1e6,
      rssMaxMiB: Math.round(Math.max(rssMax, process.memoryUsage().rss) / 2 ** 20),
      simplePath,
    };
  } finally {
    clearInterval(rssTimer);
    agent.destroy();
  }
}
