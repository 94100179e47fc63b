/**
 * B8: the monthly dashboard at scale (issue 13). One `GET /api/analytics/dashboard` (period =
 * month) through the API against the same SQL sent straight through `pg`: the statements the
 * request sent are captured from the app's pool (text and parameters) and replayed concurrently on
 * a pool of the app's size — what the figures cost without HTTP, session, scope and JSON.
 */
import http from 'node:http';
import pg from 'pg';
import { login, request } from './http.ts';
import { type LatencySummary, summarize } from './stats.ts';

export interface B8Case {
  label: string;
  username: string;
  /** Query string of the dashboard request, e.g. 'period=month&date=2026-11-15'. */
  query: string;
}

export interface B8CaseResult {
  case: B8Case;
  api: LatencySummary & { p95: number };
  sql: LatencySummary & { p95: number };
  statements: number;
  salesAmount: string;
}

export interface B8Result {
  counts: Record<string, number>;
  rebuildSeconds: number | null;
  cases: B8CaseResult[];
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

type Statement = { text: string; values?: unknown[] };

export async function runB8(o: {
  port: number;
  /** The app's pool (statements are captured from it). */
  appPool: pg.Pool;
  url: string;
  poolSize: number;
  password: string;
  cases: B8Case[];
  samples: number;
  rebuildSeconds: number | null;
  log: (m: string) => void;
}): Promise<B8Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const ref = new pg.Pool({ connectionString: o.url, max: o.poolSize, application_name: 'bench-b8-reference' });
  ref.on('error', () => {});
  const cookies = new Map<string, string>();
  const get = async (username: string, path: string) => {
    if (!cookies.has(username)) cookies.set(username, await login(agent, o.port, username, o.password));
    const res = await request(agent, o.port, path, { headers: { cookie: cookies.get(username) as string } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.body.slice(0, 200)}`);
    return res;
  };
  // Capture what one request sends: the app's pool.query, text and parameters.
  const pool = o.appPool as unknown as { query: (...args: unknown[]) => unknown };
  const orig = pool.query.bind(pool);
  let tap: Statement[] | null = null;
  pool.query = (...args: unknown[]) => {
    const q = args[0] as string | { text: string; values?: unknown[] };
    // pg takes (text, values), ({ text, values }) and ({ text }, values) (drizzle's form).
    const values = (args[1] as unknown[] | undefined) ?? (typeof q === 'string' ? undefined : q.values);
    if (tap) tap.push({ text: typeof q === 'string' ? q : q.text, values });
    return orig(...args);
  };
  try {
    const counts = (
      await ref.query(`select (select count(*) from orders)::int as orders, (select count(*) from order_lines)::int as lines,
        (select count(*) from analytics_facts)::int as facts, (select count(*) from analytics_monthly)::int as monthly_rows,
        (select count(*) from analytics_monthly_product)::int as monthly_product_rows,
        (select count(*) from analytics_monthly_region)::int as monthly_region_rows`)
    ).rows[0] as Record<string, number>;
    const cases: B8CaseResult[] = [];
    for (const c of o.cases) {
      const path = `/api/analytics/dashboard?${c.query}`;
      await get(c.username, path); // warm: session, principal, plans
      tap = [];
      const first = JSON.parse((await get(c.username, path)).body);
      const statements = tap.filter((s) => /analytics_|departments|pipeline_stages|users|products/.test(s.text));
      tap = null;
      const replay = () => Promise.all(statements.map((s) => ref.query(s.text, s.values)));
      await replay();
      const api: number[] = [];
      const sqlT: number[] = [];
      for (let i = 0; i < o.samples; i++) {
        api.push(await timed(() => get(c.username, path)));
        sqlT.push(await timed(replay));
      }
      const r: B8CaseResult = {
        case: c,
        api: withP95(api),
        sql: withP95(sqlT),
        statements: statements.length,
        salesAmount: first.kpis.find((k: { measure: string }) => k.measure === 'sales_amount')?.value ?? '0',
      };
      o.log(
        `  ${c.label}: API p50 ${r.api.p50.toFixed(1)} / p95 ${r.api.p95.toFixed(1)} ms; SQL p50 ${r.sql.p50.toFixed(1)} ms (${r.statements} statements)`,
      );
      cases.push(r);
    }
    return { counts, rebuildSeconds: o.rebuildSeconds, cases };
  } finally {
    pool.query = orig;
    await ref.end().catch(() => {});
    agent.destroy();
  }
}
