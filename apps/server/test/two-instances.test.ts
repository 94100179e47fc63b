import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../src/app.ts';
import { connect, type Database } from '../src/db/client.ts';
import { makeCustomer, orderBody, roleUser, stockedProduct } from '../src/modules/orders/orders.testkit.ts';
import { type Scheduler, startScheduler } from '../src/platform/scheduler/scheduler.ts';
import { registerSweep } from '../src/platform/scheduler/sweeps.ts';
import { type Client, createTestEnv, type Org, PASSWORD, seedOrg, type TestEnv } from './harness.ts';

// Another instance hears of a change through LISTEN/NOTIFY as the change commits (ADR 0005):
// milliseconds later, not in the same instant — under load a request can overtake it. Checks on
// the other instance wait up to 2 s for it; the same-instance checks stay immediate.
const PROPAGATION = { timeout: 2_000, interval: 10 };

/**
 * Issue 10 item 5: two app instances against one PostgreSQL, driven over real HTTP as a load
 * balancer would (no shared process state but the database): sessions, CSRF, idempotency keys,
 * numbering, approvals, scheduler sweeps and principal-cache invalidation behave as with one.
 */
let env: TestEnv;
let org: Org;
let dbB: Database;
let appB: App;
const base: Record<'A' | 'B', string> = { A: '', B: '' };
const schedulers: Scheduler[] = [];
const probeRuns: string[] = [];

registerSweep({
  name: 'two-instances-probe',
  cron: '0 4 * * *',
  async run() {
    probeRuns.push(new Date().toISOString());
    await new Promise((r) => setTimeout(r, 300));
    return { changed: 0 };
  },
});

interface Res {
  statusCode: number;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: read like app.inject's responses, whose json() is any.
  json(): any;
}

/** A browser session: one cookie jar, sent to whichever instance the balancer picks. */
class Browser {
  instance: 'A' | 'B' = 'A';
  constructor(
    public cookie: string,
    public csrf: string,
    readonly userId: number,
  ) {}
  static async login(at: 'A' | 'B', login: string, password = PASSWORD): Promise<Browser> {
    const res = await fetch(`${base[at]}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
    const sid = res.headers.getSetCookie().find((c) => c.startsWith('sid='));
    const body = (await res.json()) as { user: { csrfToken: string; id: number } };
    return new Browser(sid?.split(';')[0] ?? '', body.user.csrfToken, body.user.id);
  }
  on(at: 'A' | 'B'): this {
    this.instance = at;
    return this;
  }
  async request(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const res = await fetch(`${base[this.instance]}${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const body = await res.text();
    return { statusCode: res.status, body, json: () => JSON.parse(body) };
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload: unknown = {}) {
    return this.request('POST', url, payload);
  }
  put(url: string, payload: unknown) {
    return this.request('PUT', url, payload);
  }
}
/** The testkit helpers take the harness's Client; a Browser answers the same calls. */
const asClient = (b: Browser) => b as unknown as Client;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  dbB = connect(env.url, 10);
  appB = await buildApp({ db: dbB.db, loginRateLimit: 10_000 });
  for (const [k, app] of [
    ['A', env.app],
    ['B', appB],
  ] as const) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    base[k] = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  }
  // Both caches listen before anything is measured.
  await waitFor(() => !!env.app.principalCache?.active && !!appB.principalCache?.active);
});
afterAll(async () => {
  for (const s of schedulers) await s.stop();
  await appB?.close();
  await dbB?.close();
  await env.close();
});

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

describe('sessions and CSRF across instances', () => {
  it('a session made on A works on B; B enforces its CSRF token; logout on A ends it on B', async () => {
    const rep = await Browser.login('A', 'rep1');
    const me = await rep.on('B').get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: org.user.rep1, username: 'rep1', csrfToken: rep.csrf });
    const noCsrf = await rep.request(
      'POST',
      '/api/customers',
      { kind: 'individual', name: '无令牌客户' },
      {
        'x-csrf-token': 'wrong',
      },
    );
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf');
    const created = await rep.post('/api/customers', { kind: 'individual', name: '乙实例客户', mobile: '13611112222' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await rep.on('A').get(`/api/customers/${created.json().id}`)).statusCode).toBe(200);

    expect((await rep.on('B').get('/api/auth/me')).statusCode).toBe(200); // B holds it in its cache now
    expect((await rep.on('A').post('/api/auth/logout')).statusCode).toBe(200);
    await expect.poll(async () => (await rep.on('B').get('/api/auth/me')).statusCode, PROPAGATION).toBe(401);
  });
});

describe('principal cache invalidation across instances', () => {
  it('serves a repeat request from the cache (no database read of the session)', async () => {
    const rep = await Browser.login('A', 'rep2');
    expect((await rep.on('B').get('/api/auth/me')).statusCode).toBe(200);
    // Delete the session behind the triggers' back: only the cache can still answer for it.
    const c = await env.database.pool.connect();
    try {
      await c.query(`set session_replication_role = replica`);
      await c.query(`delete from sessions where user_id = $1`, [org.user.rep2]);
    } finally {
      await c.query(`set session_replication_role = origin`);
      c.release();
    }
    expect((await rep.on('B').get('/api/auth/me')).statusCode).toBe(200);
    // Evicted, the session is read again — and is gone.
    appB.principalCache?.invalidate('*');
    expect((await rep.on('B').get('/api/auth/me')).statusCode).toBe(401);
  });

  it('a grant change made on A is seen on B as soon as B hears of it', async () => {
    const rep = await Browser.login('A', 'rep1');
    const admin = await Browser.login('B', 'admin');
    const perms = async () => (await rep.on('B').get('/api/auth/me')).json().permissions as string[];
    expect(await perms()).toContain('customer.create');
    expect(await perms()).toContain('customer.create'); // cached on B
    const role = (await admin.on('A').get('/api/roles'))
      .json()
      .items.find((r: { code: string }) => r.code === 'sales_rep');
    const without = role.grants.filter((g: { permission: string }) => g.permission !== 'customer.create');
    const put = await admin
      .on('A')
      .put(`/api/roles/${role.id}`, { name: role.name, version: role.version, grants: without });
    expect(put.statusCode, put.body).toBe(200);
    await expect.poll(perms, PROPAGATION).not.toContain('customer.create');
    expect((await rep.post('/api/customers', { kind: 'individual', name: '无权客户' })).statusCode).toBe(403);
    // And back, seen on both as soon as they hear of it.
    const again = (await admin.on('A').get('/api/roles'))
      .json()
      .items.find((r: { code: string }) => r.code === 'sales_rep');
    await admin.on('B').put(`/api/roles/${role.id}`, { name: role.name, version: again.version, grants: role.grants });
    await expect.poll(perms, PROPAGATION).toContain('customer.create');
    expect((await rep.on('A').get('/api/auth/me')).json().permissions).toContain('customer.create');
  });

  it("a password change on A ends the user's other sessions on B", async () => {
    const phone = await Browser.login('B', 'rep1b');
    const laptop = await Browser.login('A', 'rep1b');
    expect((await phone.on('B').get('/api/auth/me')).statusCode).toBe(200);
    const changed = await laptop
      .on('A')
      .post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'N3w-pass-2024' });
    expect(changed.statusCode, changed.body).toBe(200);
    await expect.poll(async () => (await phone.on('B').get('/api/auth/me')).statusCode, PROPAGATION).toBe(401);
    expect((await laptop.on('B').get('/api/auth/me')).statusCode).toBe(200);
  });

  it('disabling a user, moving them, or renaming their department on one instance shows on the other', async () => {
    const rep = await Browser.login('A', 'teamrep');
    const admin = await Browser.login('A', 'admin');
    const me = async () => (await rep.on('B').get('/api/auth/me')).json();
    expect((await me()).deptName).toBe('销售一部一组');
    const depts = (await admin.on('B').get('/api/departments')).json().items as { id: number; version: number }[];
    const team = depts.find((d) => d.id === org.dept.sales1team) as { version: number };
    const renamed = await admin.on('A').put(`/api/departments/${org.dept.sales1team}`, {
      parentId: org.dept.sales1,
      name: '销售一部精英组',
      version: team.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await expect.poll(async () => (await me()).deptName, PROPAGATION).toBe('销售一部精英组');

    const u = (await env.database.pool.query('select name, version from users where id = $1', [org.user.teamRep]))
      .rows[0];
    const disabled = await admin.on('A').put(`/api/users/${org.user.teamRep}`, {
      username: 'teamrep',
      name: u.name,
      deptId: org.dept.sales1team,
      roles: ['sales_rep'],
      active: false,
      version: u.version,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    await expect.poll(async () => (await rep.on('B').get('/api/auth/me')).statusCode, PROPAGATION).toBe(401);
  });

  it('revoking an API token on A refuses it on B', async () => {
    const rep = await Browser.login('A', 'rep2');
    const t = await rep.post('/api/me/api-tokens', { name: '集成', expiresOn: null });
    expect(t.statusCode, t.body).toBe(201);
    const bearer = { authorization: `Bearer ${t.json().secret}` };
    const call = () => fetch(`${base.B}/api/auth/me`, { headers: bearer }).then((r) => r.status);
    expect(await call()).toBe(200);
    expect(await call()).toBe(200);
    expect((await rep.on('A').request('DELETE', `/api/me/api-tokens/${t.json().id}`)).statusCode).toBe(200);
    await expect.poll(call, PROPAGATION).toBe(401);
  });

  it('stops serving from the cache while its listener is down, and resumes once it is back', async () => {
    const rep = await Browser.login('A', 'manager2');
    expect((await rep.on('B').get('/api/auth/me')).statusCode).toBe(200);
    // Cut every listener connection (both instances' dedicated ones).
    await env.database.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'sales-service-auth-cache' and datname = current_database()`,
    );
    await waitFor(() => !appB.principalCache?.active, 5_000);
    expect(appB.principalCache?.size).toBe(0);
    // Meanwhile every request reads the database.
    expect((await rep.on('B').get('/api/auth/me')).statusCode).toBe(200);
    expect(appB.principalCache?.size).toBe(0);
    await waitFor(() => !!appB.principalCache?.active && !!env.app.principalCache?.active, 10_000);
    expect((await rep.on('B').get('/api/auth/me')).statusCode).toBe(200);
    expect(appB.principalCache?.size).toBeGreaterThan(0);
  });
});

describe('business invariants across instances', () => {
  let rep: Browser;
  let desk: Browser;
  let wh: number;
  let product: number;
  let customer: number;

  beforeAll(async () => {
    rep = await Browser.login('A', 'rep1');
    // 销售内业 of 销售一部 reviews its orders (made through instance A's app, signed in on B).
    await roleUser(env, 'desk2i', 'sales_assistant', org.dept.sales1);
    desk = await Browser.login('B', 'desk2i');
    ({ productId: product, warehouseId: wh } = await stockedProduct(env, 'P-2I-1', '1000'));
    customer = await makeCustomer(env, asClient(rep), '双实例客户');
  });

  it('one Idempotency-Key sent to both instances at once makes one order, answered alike', async () => {
    const body = orderBody(customer, wh, [{ productId: product, qty: '1' }]);
    const key = { 'idempotency-key': 'two-instances-order-0001' };
    const [a, b] = await Promise.all([
      rep.on('A').request('POST', '/api/orders', body, key),
      new Browser(rep.cookie, rep.csrf, rep.userId).on('B').request('POST', '/api/orders', body, key),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(a.json().no).toBe(b.json().no);
    const n = await env.database.pool.query(
      `select count(*)::int as n from idempotency_keys where key = 'two-instances-order-0001'`,
    );
    expect(n.rows[0].n).toBe(1);
  });

  it('concurrent creates on both instances get gapless consecutive numbers', async () => {
    const body = orderBody(customer, wh, [{ productId: product, qty: '1' }]);
    const res = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        new Browser(rep.cookie, rep.csrf, rep.userId).on(i % 2 ? 'A' : 'B').post('/api/orders', body),
      ),
    );
    expect(res.map((r) => r.statusCode)).toEqual(Array(16).fill(201));
    const seqs = res.map((r) => Number((r.json().no as string).split('-').at(-1))).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(16);
    expect(seqs.at(-1)! - seqs[0]).toBe(15);
  });

  it('an approval is decided once when two instances act on it together', async () => {
    const c = await makeCustomer(env, asClient(rep), '双实例超限客户', '1000');
    const o = (await rep.on('A').post('/api/orders', orderBody(c, wh, [{ productId: product, qty: '10' }]))).json();
    const s = await rep.on('B').post(`/api/orders/${o.id}/submit`, { version: o.version });
    expect(s.statusCode, s.body).toBe(200);
    const r = (await desk.on('B').post(`/api/orders/${o.id}/review`, { version: s.json().version })).json();
    expect(r).toMatchObject({ outcome: 'blocked', blockers: ['credit'], creditOverride: 'pending' });
    const inst = r.creditApprovalInstanceId as number;
    const manager = await Browser.login('A', 'manager1');
    const [m1, m2] = await Promise.all([
      manager.on('A').post(`/api/approvals/${inst}/approve`, {}),
      new Browser(manager.cookie, manager.csrf, manager.userId).on('B').post(`/api/approvals/${inst}/approve`, {}),
    ]);
    expect([m1.statusCode, m2.statusCode].sort()).toEqual([200, 409]);
    const finance = await Browser.login('B', 'finance');
    expect((await finance.on('A').post(`/api/approvals/${inst}/approve`, {})).json()).toEqual({ status: 'approved' });
    const d = (await rep.on('B').get(`/api/orders/${o.id}`)).json();
    expect(d).toMatchObject({ status: 'approved', creditOverride: 'approved' });
    const steps = await env.database.pool.query(
      `select count(*)::int as n from audit_log where entity_type = 'approval_instance' and entity_id = $1 and action = 'approve'`,
      [inst],
    );
    expect(steps.rows[0].n).toBe(2);
  });

  it('a sweep triggered on both instances runs once', async () => {
    for (const db of [env.database.db, dbB.db]) {
      schedulers.push(
        await startScheduler(db, env.url, { pollingIntervalSeconds: 1, runOnStart: false, log: () => {} }),
      );
    }
    const [a, b] = schedulers;
    await Promise.all([a.runNow('two-instances-probe'), b.runNow('two-instances-probe')]);
    await waitFor(() => probeRuns.length >= 1);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(probeRuns).toHaveLength(1);
  });
});
