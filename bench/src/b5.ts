/**
 * B5: one page of the customer list (50 rows, class A, newest first; with and without a keyword)
 * through the API vs the same SQL sent straight through `pg`: the scoped, filtered, ordered page
 * with owner and department names, and the capped count, run concurrently as the app does.
 * Requests are sequential (one in flight) so the numbers are latencies, not queueing.
 */
import http from 'node:http';
import type pg from 'pg';
import { login, request } from './http.ts';
import { type LatencySummary, summarize } from './stats.ts';

export interface B5Case {
  label: string;
  username: string;
  keyword?: string;
}

export interface B5Options {
  port: number;
  pool: pg.Pool;
  password: string;
  cases: B5Case[];
  rounds: number;
  samples: number;
  maxSeconds: number;
  log: (m: string) => void;
  /** Records the statements the app sends to PostgreSQL while `fn` runs. */
  captureAppQueries?: (fn: () => Promise<unknown>) => Promise<string[]>;
}

export interface B5CaseResult {
  case: B5Case;
  scope: string;
  inScope: number;
  total: number;
  api: LatencySummary;
  sql: LatencySummary;
  apiRoundP50: number[];
  sqlRoundP50: number[];
  listSql: string;
  countSql: string;
  params: unknown[];
  explainList: string;
  explainCount: string;
  /** The list query ordered "desc nulls last", as the customers indexes are declared. */
  explainListNullsLast: string;
  /** The count with WHAT_IF_INDEXES created (in a rolled-back transaction). */
  explainCountWhatIf: string;
  appQueries: string[];
}

/** Indexes tried for the capped count, inside a transaction that is rolled back. */
export const WHAT_IF_INDEXES = [
  'create index bench_owner_class_idx on customers (owner_id, class) where deleted_at is null',
  'create index bench_dept_class_idx on customers (owner_dept_id, class) where deleted_at is null',
];

async function explainWhatIf(pool: pg.Pool, queries: { sql: string; params: unknown[] }[]): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const ddl of WHAT_IF_INDEXES) await client.query(ddl);
    const out: string[] = [];
    for (const q of queries) {
      const { rows } = await client.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.params);
      out.push(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
    }
    return out;
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
}

const COUNT_CAP = 10000;
const PAGE = 50;

/** The user's data scope for customer.view, resolved like platform/permissions/scope.ts. */
export async function scopeOf(
  pool: pg.Pool,
  userId: number,
): Promise<{ label: string; all: boolean; deptIds: number[]; ownDept: number }> {
  const { rows } = await pool.query<{ scope: string; custom: number[]; dept_id: number; path: string }>(
    `select g.scope, g.custom_dept_ids as custom, u.dept_id, d.path
     from users u join departments d on d.id = u.dept_id
     join user_roles ur on ur.user_id = u.id join role_grants g on g.role_id = ur.role_id and g.permission = 'customer.view'
     where u.id = $1`,
    [userId],
  );
  const ownDept = Number(rows[0]?.dept_id);
  if (rows.some((r) => r.scope === 'ALL')) return { label: 'ALL', all: true, deptIds: [], ownDept };
  const depts = new Set<number>();
  for (const r of rows) {
    if (r.scope === 'DEPT') depts.add(r.dept_id);
    if (r.scope === 'CUSTOM') for (const id of r.custom) depts.add(id);
    if (r.scope === 'DEPT_TREE') {
      const sub = await pool.query<{ id: number }>(`select id from departments where path like $1`, [`${r.path}%`]);
      for (const s of sub.rows) depts.add(s.id);
    }
  }
  return { label: [...new Set(rows.map((r) => r.scope))].join('+'), all: false, deptIds: [...depts], ownDept };
}

/**
 * The keyword condition written by hand the way the search keys answer it best (docs/adr/0004):
 * 1–2 characters through the grams array, longer Chinese through its bigrams plus the substring,
 * ASCII through the trigram index. `p` adds a parameter and returns its placeholder.
 */
export function keywordSql(keyword: string, p: (v: unknown) => string): string {
  const kw = keyword.trim().toLowerCase();
  const chars = Array.from(kw);
  if (chars.length <= 2) return `c.search_grams @> array[${p(kw)}]::text[]`;
  const like = p(`%${kw.replace(/[\\%_]/g, '\\$&')}%`);
  if (/\p{Script=Han}/u.test(kw)) {
    const bigrams = chars.slice(1).map((ch, i) => chars[i] + ch);
    return `(c.search_grams @> ${p(bigrams)}::text[] and c.search_text like ${like})`;
  }
  return `c.search_text like ${like}`;
}

function referenceQueries(
  userId: number,
  scope: { all: boolean; deptIds: number[]; ownDept: number },
  keyword?: string,
) {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  // Scope parameters are shared by the list (an OR) and the count (one branch each).
  const ownerBranch = scope.all ? '' : `c.owner_id = ${p(userId)}`;
  const deptBranch = !scope.all && scope.deptIds.length ? `c.owner_dept_id = any(${p(scope.deptIds)}::int[])` : '';
  if (!scope.all) where.push(`(${[ownerBranch, deptBranch].filter(Boolean).join(' or ')})`);
  where.push('c.deleted_at is null and c.archived_at is null');
  // Everything the user may see, for the report.
  const inScope = {
    sql: `select count(*)::int as n from customers c where ${where.join(' and ')}`,
    params: [...params],
  };
  const filters = [`c.class = ${p('A')}`, 'c.deleted_at is null and c.archived_at is null'];
  if (keyword) filters.push(keywordSql(keyword, p));
  where.push(...filters);
  const w = where.join(' and ');
  const list = `select c.id, c.no, c.kind, c.name, c.mobile, c.class, c.region, c.industry, c.source, c.tags, c.owner_id,
  c.owner_dept_id, u.name as owner_name, d.name as dept_name, c.last_follow_up_at, c.created_at, c.updated_at
from customers c
  left join users u on u.id = c.owner_id
  left join departments d on d.id = c.owner_dept_id
where ${w}
order by c.updated_at desc nulls last, c.id desc nulls last
limit ${PAGE} offset 0`;
  // The capped count at its best: one capped index scan per scope branch (department, own rows
  // outside it), not an OR over the heap.
  const countParams: unknown[] = [];
  const cp = (v: unknown) => {
    countParams.push(v);
    return `$${countParams.length}`;
  };
  const cf = [`c.class = ${cp('A')}`, 'c.deleted_at is null and c.archived_at is null'];
  if (keyword) cf.push(keywordSql(keyword, cp));
  const branches: string[] = [];
  if (scope.all) branches.push('true');
  else {
    if (scope.deptIds.length) branches.push(`c.owner_dept_id = any(${cp(scope.deptIds)}::int[])`);
    if (!scope.deptIds.includes(scope.ownDept)) branches.push(`c.owner_id = ${cp(userId)}`);
  }
  const cap = COUNT_CAP + 1;
  const one = (b: string) => `select 1 from customers c where ${b} and ${cf.join(' and ')} limit ${cap}`;
  const count =
    branches.length === 1
      ? `select count(*)::int as n from (${one(branches[0])}) t`
      : `select count(*)::int as n from (${branches.map((b) => `(${one(b)})`).join(' union all ')} limit ${cap}) t`;
  return { list, count, params, countParams, inScope };
}

async function explain(pool: pg.Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query(`explain (analyze, buffers, costs off) ${sql}`, params);
  return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
}

async function timed(n: number, maxMs: number, fn: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  const deadline = performance.now() + maxMs;
  while (out.length < n && (out.length < 5 || performance.now() < deadline)) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export { explain, timed };

export async function runB5(o: B5Options): Promise<B5CaseResult[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const prepared = [];
  for (const c of o.cases) {
    const cookie = await login(agent, o.port, c.username, o.password);
    const { rows } = await o.pool.query<{ id: number }>('select id from users where lower(username) = lower($1)', [
      c.username,
    ]);
    const userId = Number(rows[0].id);
    const scope = await scopeOf(o.pool, userId);
    const q = referenceQueries(userId, scope, c.keyword);
    const qs = new URLSearchParams({ pageSize: String(PAGE), class: 'A', sort: 'updatedAt', order: 'desc' });
    if (c.keyword) qs.set('keyword', c.keyword);
    const path = `/api/customers?${qs}`;
    const api = async () => {
      const res = await request(agent, o.port, path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`B5 ${c.label}: ${res.status} ${res.body.slice(0, 200)}`);
      return JSON.parse(res.body) as { items: { id: number }[]; total: number };
    };
    const sql = async () => {
      const [list, count] = await Promise.all([o.pool.query(q.list, q.params), o.pool.query(q.count, q.countParams)]);
      return {
        ids: list.rows.map((r: { id: number }) => Number(r.id)),
        total: Math.min(Number(count.rows[0].n), COUNT_CAP),
      };
    };
    // The reference must return exactly what the API returns.
    const a = await api();
    const s = await sql();
    if (a.total !== s.total || a.items.map((i) => i.id).join() !== s.ids.join())
      throw new Error(`B5 ${c.label}: reference SQL differs from the API (total ${s.total} vs ${a.total})`);
    const inScope = Number((await o.pool.query(q.inScope.sql, q.inScope.params)).rows[0].n);
    const appQueries = o.captureAppQueries ? await o.captureAppQueries(api) : [];
    for (let i = 0; i < 5; i++) {
      await api();
      await sql();
    }
    prepared.push({
      c,
      q,
      api,
      sql,
      scope,
      total: a.total,
      inScope,
      appQueries,
      apiSamples: [] as number[],
      sqlSamples: [] as number[],
      apiP50: [] as number[],
      sqlP50: [] as number[],
    });
  }

  for (let r = 0; r < o.rounds; r++) {
    for (const p of prepared) {
      const a = await timed(o.samples, o.maxSeconds * 1000, async () => void (await p.api()));
      const s = await timed(o.samples, o.maxSeconds * 1000, async () => void (await p.sql()));
      p.apiSamples.push(...a);
      p.sqlSamples.push(...s);
      p.apiP50.push(summarize(a).p50);
      p.sqlP50.push(summarize(s).p50);
      o.log(
        `  B5 round ${r + 1} ${p.c.label}: API p50 ${summarize(a).p50.toFixed(2)} ms (${a.length}), SQL p50 ${summarize(s).p50.toFixed(2)} ms (${s.length})`,
      );
    }
  }
  agent.destroy();

  o.log('  B5 plans (EXPLAIN ANALYZE), including a what-if with extra count indexes …');
  const whatIf = await explainWhatIf(
    o.pool,
    prepared.map((p) => ({ sql: p.q.count, params: p.q.countParams })),
  );
  const out: B5CaseResult[] = [];
  for (const [i, p] of prepared.entries()) {
    out.push({
      case: p.c,
      scope: p.scope.label,
      inScope: p.inScope,
      total: p.total,
      api: summarize(p.apiSamples),
      sql: summarize(p.sqlSamples),
      apiRoundP50: p.apiP50,
      sqlRoundP50: p.sqlP50,
      listSql: p.q.list,
      countSql: p.q.count,
      params: p.q.params,
      explainList: await explain(o.pool, p.q.list, p.q.params),
      explainCount: await explain(o.pool, p.q.count, p.q.countParams),
      explainListNullsLast: await explain(
        o.pool,
        p.q.list.replace(
          'order by c.updated_at desc, c.id desc',
          'order by c.updated_at desc nulls last, c.id desc nulls last',
        ),
        p.q.params,
      ),
      explainCountWhatIf: whatIf[i],
      appQueries: p.appQueries,
    });
  }
  return out;
}
