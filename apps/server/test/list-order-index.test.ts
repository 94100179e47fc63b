import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../src/app.ts';
import { Client, createTestEnv, seedOrg, type TestEnv } from './harness.ts';
import { insertProduct, insertWarehouse, stockIn } from './q2c-seed.ts';

/**
 * Lists near the limit (ARCHITECTURE convention 11, docs/adr/0004): every list route's page query
 * must get its ORDER BY from an index, or at 1 M rows it sorts the whole scope on every page
 * (the customer picker once ordered by plain DESC against DESC NULLS LAST indexes: 227–367 ms a
 * keystroke). Generated from the live route table: each GET list route, as a rep (SELF), a
 * manager (department tree) and an admin (ALL), with every sort it offers, both directions. The
 * statements the app sends are captured and EXPLAINed with sorts and sequential scans priced out
 * (enable_sort / enable_incremental_sort / enable_seqscan off): the planner then avoids a Sort
 * whenever some index provides the order, so a Sort node left in the plan means none does.
 */
let env: TestEnv;
const users: Record<string, Client> = {};

// Per-user lists that stay small by construction (one user's tokens, tasks, approvals; a board of
// one day): sorting them in memory is fine. Anything not listed here is checked.
const SMALL_LISTS: Record<string, string> = {
  'GET /api/me/api-tokens': 'a user’s own tokens',
  'GET /api/tasks': 'a user’s own open tasks',
  'GET /api/customer-filters': 'a user’s own saved customer filters and his department’s shared ones (capped at 200)',
  'GET /api/approvals': 'a user’s approval inbox',
  'GET /api/follow-ups/board': 'one day of follow-ups of the user’s scope, grouped in memory',
  'GET /api/opportunities/kanban': 'per-stage columns, each a top-N of its stage',
  'GET /api/pools': 'the company’s pool definitions (configuration)',
  'GET /api/duty-groups': 'the front desk’s duty groups (configuration)',
  // The workbench reads top-N queues per source: a user's own open follow-ups and quotes, and the
  // open (not done) follow-ups / drafts / reported payments of the scope, each capped at 100 rows.
  'GET /api/workbench': 'per-source queues of open items, each capped (ITEM_CAP)',
  'GET /api/work-logs/team': 'the users of the viewer’s scope (a team), one row each',
  'GET /api/monthly-reports/missing': 'the users of the viewer’s scope without a report',
  // Known gap: the union of stuck documents of nine kinds is sorted by waiting time in memory;
  // each branch reads open/pending rows only (status-filtered), which stay few in a healthy process.
  'GET /api/process-health': 'union of open items of nine document kinds, sorted by waiting time',
  // Known gap (ADR 0003, docs/benchmarks.md B9): a department's aging sums the owners' rows of a
  // customer before ranking; the all-scope and SELF pages read an index in order.
  'GET /api/receivables': 'aging grouped per customer for department scopes: ADR 0003 next step',
  // Generated reports (SPEC 5.1): figures from measure() per rep / team, not pages of rows.
  'GET /api/reports/daily': 'one day of figures per rep and team, from the indicator engine',
  'GET /api/reports/weekly': 'two weeks of figures per rep and team, and the week’s deals (analytics drill-down)',
  'GET /api/reports/half-year': 'six months of figures, from the indicator engine',
  'GET /api/reports/deals': 'one period’s deals through the analytics drill-down, capped at 2000 rows',
};

// Big lists the issue names: the sweep must reach each of them (a renamed route fails here).
const MUST_CHECK = [
  '/api/customers',
  '/api/customers/search',
  '/api/opportunities',
  '/api/quotes',
  '/api/contracts',
  '/api/orders',
  '/api/deliveries',
  '/api/invoices',
  '/api/payments',
  '/api/pool/customers',
];

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  for (const u of ['rep1', 'manager1', 'admin']) users[u] = await Client.login(env.app, u);
  // Enough customers, spread over every user like a real company's, for statistics that make the
  // scope-led plans the cheap ones (an empty table makes every plan cost the same).
  await env.database.pool.query(`
    insert into customers (no, kind, name, name_norm, owner_id, owner_dept_id, class, search_text, search_grams)
    select 'KH-T-' || g, 'company', '测试' || g || '有限公司', '测试' || g, u.id, u.dept_id,
      (array['A','B','C','KEY'])[1 + g % 4], 'kh-t-' || g, '{}'
    from generate_series(1, 20000) g
    join (select id, dept_id, row_number() over (order by id) - 1 as k, count(*) over () as n from users) u
      on u.k = g % u.n`);
  await seedDocuments();
  await env.database.pool.query('analyze');
});

/**
 * One opportunity, quote, contract and order made through the API, then copied 5000 times each
 * over every user (like the customers above), so the document lists' plans are priced on real
 * statistics too (the list views' owner- and department-led cases below).
 */
async function seedDocuments() {
  const rep = users.rep1;
  const post = async (url: string, body: unknown) => {
    const res = await rep.post(url, body);
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const productId = await insertProduct(env, { code: 'IDX-1' });
  const warehouseId = await insertWarehouse(env, 'WH-IDX', '索引测试仓');
  await stockIn(env, warehouseId, productId, '10');
  const customerId = (await post('/api/customers', { kind: 'company', name: '索引测试有限公司' })).id;
  const pipelineId = (await rep.get('/api/pipelines')).json().items[0].id;
  const lines = [{ productId, qty: '1', unitPrice: '100.00', taxRate: '0.00' }];
  await post('/api/opportunities', { name: '索引商机', customerId, pipelineId, amount: '100.00' });
  await post('/api/quotes', { customerId, title: '索引报价', lines });
  await post('/api/contracts', {
    customerId,
    title: '索引合同',
    lines,
    paymentPlan: [{ kind: 'final', dueDate: '2099-01-01', amount: '100.00' }],
  });
  await post('/api/orders', { customerId, channel: 'rep', requestedDate: '2099-01-01', warehouseId, lines });
  const pool = env.database.pool;
  for (const table of ['opportunities', 'quotes', 'contracts', 'orders']) {
    const cols: string[] = (
      await pool.query(
        `select column_name from information_schema.columns
         where table_name = $1 and is_identity = 'NO' and is_generated = 'NEVER' order by ordinal_position`,
        [table],
      )
    ).rows.map((r: { column_name: string }) => r.column_name);
    const value = (c: string) =>
      ({
        no: `t.no || '-' || g`,
        owner_id: 'u.id',
        owner_dept_id: 'u.dept_id',
        // Times spread out of insertion order, as real edits are (a physically ordered index
        // would look cheaper to the planner than it is).
        updated_at: `t.updated_at - ((g * 7919) % 5000) * interval '1 minute'`,
        created_at: `t.created_at - ((g * 104729) % 5000) * interval '1 minute'`,
      })[c] ?? `t.${c}`;
    await pool.query(`
      insert into ${table} (${cols.map((c) => `"${c}"`).join(', ')})
      select ${cols.map(value).join(', ')}
      from (select * from ${table} limit 1) t cross join generate_series(1, 5000) g
      join (select id, dept_id, row_number() over (order by id) - 1 as k, count(*) over () as n from users) u
        on u.k = g % u.n`);
  }
}
afterAll(() => env.close());

/** The sort values a list's querystring schema offers (zod enum under a default), if any. */
function sortsOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  let s = shape?.sort as { unwrap?: () => unknown; options?: string[] } | undefined;
  while (s && !s.options && s.unwrap) s = s.unwrap() as typeof s;
  return s?.options ?? [];
}

/** Whether a list's querystring schema offers the `view` parameter (list views by scope). */
function hasView(schema: unknown): boolean {
  return Boolean((schema as { shape?: Record<string, unknown> } | undefined)?.shape?.view);
}

type Captured = { text: string; values: unknown[] };

/** Runs `fn` and returns the statements it sent to PostgreSQL through the app's pool. */
async function capture(fn: () => Promise<unknown>): Promise<Captured[]> {
  const pool = env.database.pool as unknown as { query: (...a: unknown[]) => unknown };
  const orig = pool.query;
  const seen: Captured[] = [];
  pool.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text: string; values?: unknown[] };
    if (typeof q === 'string') seen.push({ text: q, values: (args[1] as unknown[]) ?? [] });
    else seen.push({ text: q.text, values: q.values ?? (args[1] as unknown[]) ?? [] });
    return orig.apply(this, args);
  };
  try {
    await fn();
  } finally {
    pool.query = orig;
  }
  return seen;
}

/** EXPLAIN of a statement with sorts and sequential scans priced out; returns the plan text. */
async function planWithoutSort(q: Captured): Promise<string> {
  const client = await env.database.pool.connect();
  try {
    await client.query('begin');
    await client.query('set local enable_sort = off');
    await client.query('set local enable_incremental_sort = off');
    await client.query('set local enable_seqscan = off');
    const { rows } = await client.query(`explain (costs off) ${q.text}`, q.values);
    return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
    client.release();
  }
}

const listRoutes = (): RouteInfo[] =>
  env.app.routeTable.filter(
    (r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.includes(':') && r.config.surface === 'list',
  );

// A page query: ordered and limited (counts and lookups are not).
const isPageQuery = (t: string) => /\border by\b/i.test(t) && /\blimit\b/i.test(t);

/** The plan of the first statement `pick` selects among those a GET sends (sequential scans priced out). */
const planOf = async (who: Client, url: string, pick: (t: string) => boolean) => {
  const sent = await capture(() => who.get(url));
  const q = sent.find((s) => pick(s.text));
  expect(q, url).toBeDefined();
  const client = await env.database.pool.connect();
  try {
    await client.query('begin');
    await client.query('set local enable_seqscan = off');
    const { rows } = await client.query(`explain (costs off) ${(q as Captured).text}`, (q as Captured).values);
    return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
    client.release();
  }
};

describe('list ORDER BY is served by an index', () => {
  it('covers the big lists', () => {
    const urls = new Set(
      [...listRoutes().map((r) => r.url), '/api/customers/search'].filter((u) => !SMALL_LISTS[`GET ${u}`]),
    );
    for (const u of MUST_CHECK) expect(urls, u).toContain(u);
  });

  it('has no Sort over a list page, for any sort, direction and scope', async () => {
    const routes = listRoutes().filter((r) => !SMALL_LISTS[`GET ${r.url}`]);
    const failures: string[] = [];
    let checked = 0;
    for (const r of routes) {
      const sorts = sortsOf(r.querystring);
      const plain = sorts.length ? sorts.flatMap((s) => ['asc', 'desc'].map((o) => `?sort=${s}&order=${o}`)) : [''];
      // A list with views (我负责的 / 下属的) is checked in each of them too, with every sort.
      const views = hasView(r.querystring) ? ['mine', 'subordinates'] : [];
      const variants = [...plain, ...views.flatMap((w) => plain.map((v) => `${v ? `${v}&` : '?'}view=${w}`))];
      for (const [who, client] of Object.entries(users)) {
        for (const v of variants) {
          let status = 0;
          const sent = await capture(async () => {
            status = (await client.get(`${r.url}${v}`)).statusCode;
          });
          if (status === 403) continue; // the role lacks the permission: nothing to plan
          expect(status, `${who} GET ${r.url}${v}`).toBe(200);
          const pages = sent.filter((q) => isPageQuery(q.text));
          if (pages.length === 0) failures.push(`${who} GET ${r.url}${v}: no ordered, limited page query`);
          for (const q of pages) {
            checked += 1;
            const plan = await planWithoutSort(q);
            // A view the user has nobody in (a rep's 下属的) is `false`: the planner proves the
            // rows empty, and sorting no rows needs no index — only that Sort is let through.
            // (PostgreSQL 18 also prints "Disabled: true" under a Sort that enable_sort=off could not avoid.)
            const sortsNothing =
              /Sort\n(\s+Disabled: true\n)?\s+Sort Key: [^\n]*\n\s+-> {2}Result\n\s+One-Time Filter: false/g;
            if (/\bSort\b/.test(plan.replace(sortsNothing, '')))
              failures.push(`${who} GET ${r.url}${v}\n${q.text}\n${plan}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  it('serves the customer picker’s order from an index too', async () => {
    for (const [who, client] of Object.entries(users)) {
      for (const q of ['恒', '恒达', '恒达商', 'hdsm', '0101']) {
        const sent = await capture(() => client.get(`/api/customers/search?q=${encodeURIComponent(q)}`));
        const pages = sent.filter((s) => isPageQuery(s.text));
        expect(pages.length, `${who} ${q}`).toBe(1);
        const plan = await planWithoutSort(pages[0]);
        expect(plan, `${who} ${q}`).not.toMatch(/\bSort\b/);
      }
    }
  });

  it('reads a rep’s customers through an owner-led index, a manager’s through a department-led one', async () => {
    const ownerLed = /customers_owner_(class_)?live_idx/;
    const deptLed = /customers_dept_(class_)?live_idx/;
    const count = (t: string) => /count\(\*\)/i.test(t) && /from "customers"/i.test(t);
    expect(await planOf(users.rep1, '/api/customers', isPageQuery)).toMatch(ownerLed);
    expect(await planOf(users.rep1, '/api/customers?class=A', isPageQuery)).toMatch(ownerLed);
    expect(await planOf(users.rep1, '/api/customers/count?class=A', count)).toMatch(ownerLed);
    expect(await planOf(users.manager1, '/api/customers/count?class=A', count)).toMatch(deptLed);
    // List views: 我负责的 reads the owner's rows, 下属的 the departments the manager heads.
    expect(await planOf(users.rep1, '/api/customers?view=mine', isPageQuery)).toMatch(ownerLed);
    expect(await planOf(users.manager1, '/api/customers?view=mine', isPageQuery)).toMatch(ownerLed);
    expect(await planOf(users.manager1, '/api/customers/count?view=mine', count)).toMatch(ownerLed);
    expect(await planOf(users.manager1, '/api/customers/count?view=subordinates', count)).toMatch(deptLed);
    expect(await planOf(users.manager1, '/api/customers/count?view=subordinates&class=B', count)).toMatch(deptLed);
  });

  it('serves the document lists’ views from their owner-led and department-led indexes', async () => {
    for (const t of ['opportunities', 'quotes', 'contracts', 'orders']) {
      const page = (s: string) => isPageQuery(s) && new RegExp(`from "${t}"`, 'i').test(s);
      const count = (s: string) => /count\(\*\)/i.test(s) && new RegExp(`from "${t}"`, 'i').test(s);
      expect(await planOf(users.rep1, `/api/${t}?view=mine`, page), t).toMatch(`${t}_owner_updated_idx`);
      expect(await planOf(users.manager1, `/api/${t}?view=mine`, page), t).toMatch(`${t}_owner_updated_idx`);
      expect(await planOf(users.manager1, `/api/${t}/count?view=subordinates`, count), t).toMatch(
        `${t}_dept_updated_idx`,
      );
    }
  });
});
