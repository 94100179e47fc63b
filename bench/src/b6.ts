/**
 * B6: the customer picker (typeahead behind the opportunity, quote, contract and order forms):
 * `GET /api/customers/search?q=…` vs the same answer from hand-written SQL over the search keys
 * (docs/adr/0004), for 2 Chinese characters, 3+ characters and pinyin initials, as a rep (SELF)
 * and a manager (department tree). One request in flight: latencies, not queueing.
 */
import http from 'node:http';
import type pg from 'pg';
import { keywordSql, scopeOf, timed } from './b5.ts';
import { login, request } from './http.ts';
import { type LatencySummary, summarize } from './stats.ts';

export interface B6Case {
  label: string;
  username: string;
  keyword: string;
}

export interface B6CaseResult {
  case: B6Case;
  scope: string;
  found: number;
  api: LatencySummary;
  sql: LatencySummary;
  sqlText: string;
  explain: string;
}

export async function runB6(o: {
  port: number;
  pool: pg.Pool;
  password: string;
  cases: B6Case[];
  rounds: number;
  samples: number;
  maxSeconds: number;
  log: (m: string) => void;
}): Promise<B6CaseResult[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const out: B6CaseResult[] = [];
  const prepared = [];
  for (const c of o.cases) {
    const cookie = await login(agent, o.port, c.username, o.password);
    const { rows } = await o.pool.query<{ id: number }>('select id from users where lower(username) = lower($1)', [
      c.username,
    ]);
    const userId = Number(rows[0].id);
    const scope = await scopeOf(o.pool, userId);
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (!scope.all) {
      const parts = [`c.owner_id = ${p(userId)}`];
      if (scope.deptIds.length) parts.push(`c.owner_dept_id = any(${p(scope.deptIds)}::int[])`);
      where.push(`(${parts.join(' or ')})`);
    }
    where.push('c.deleted_at is null and c.archived_at is null', keywordSql(c.keyword, p));
    const sqlText = `select c.id, c.no, c.name from customers c where ${where.join(' and ')}
order by c.updated_at desc nulls last, c.id desc nulls last limit 20`;
    const path = `/api/customers/search?q=${encodeURIComponent(c.keyword)}`;
    const api = async () => {
      const res = await request(agent, o.port, path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`B6 ${c.label}: ${res.status} ${res.body.slice(0, 200)}`);
      return (JSON.parse(res.body) as { items: { id: number }[] }).items.map((i) => i.id);
    };
    const sql = async () => (await o.pool.query(sqlText, params)).rows.map((r: { id: number }) => Number(r.id));
    const a = await api();
    const s = await sql();
    if (a.join() !== s.join()) throw new Error(`B6 ${c.label}: reference SQL differs from the API`);
    for (let i = 0; i < 5; i++) {
      await api();
      await sql();
    }
    prepared.push({ c, api, sql, sqlText, params, scope, found: a.length, apiS: [] as number[], sqlS: [] as number[] });
  }
  for (let r = 0; r < o.rounds; r++) {
    for (const p of prepared) {
      const a = await timed(o.samples, o.maxSeconds * 1000, async () => void (await p.api()));
      const s = await timed(o.samples, o.maxSeconds * 1000, async () => void (await p.sql()));
      p.apiS.push(...a);
      p.sqlS.push(...s);
      o.log(
        `  B6 round ${r + 1} ${p.c.label}: API p95 ${summarize(a).p95.toFixed(2)} ms, SQL p95 ${summarize(s).p95.toFixed(2)} ms`,
      );
    }
  }
  agent.destroy();
  for (const p of prepared) {
    const { rows } = await o.pool.query(`explain (analyze, costs off) ${p.sqlText}`, p.params);
    out.push({
      case: p.c,
      scope: p.scope.label,
      found: p.found,
      api: summarize(p.apiS),
      sql: summarize(p.sqlS),
      sqlText: p.sqlText,
      explain: rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'),
    });
  }
  return out;
}
