import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogKeys } from '../src/platform/i18n/messages.ts';
import { nextDocNumber } from '../src/platform/numbering/numbering.service.ts';
import { bootstrapOrganisation } from '../src/platform/org/bootstrap.ts';
import { Client, createTestEnv, PASSWORD, seedOrg, type TestEnv } from './harness.ts';

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
});
afterAll(() => env.close());

const login = (login: string, password: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });

describe('document numbers', () => {
  it('40 concurrent transactions get 40 distinct consecutive numbers; a rollback leaves no gap', async () => {
    const at = new Date('2026-06-01T04:00:00Z');
    const db = env.database.db;
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        db.transaction(async (tx) => {
          const no = await nextDocNumber(tx, 'customer', at);
          if (i % 5 === 0) throw new Error('rolled back');
          return no;
        }),
      ),
    );
    const issued = results
      .filter((r) => r.status === 'fulfilled')
      .map((r) => (r as PromiseFulfilledResult<string>).value);
    expect(issued).toHaveLength(32);
    expect(new Set(issued).size).toBe(32);
    expect([...issued].sort()).toEqual(
      Array.from({ length: 32 }, (_, i) => `KH-2026-${String(i + 1).padStart(6, '0')}`),
    );
  });

  it('starts a new sequence each period', async () => {
    const no = await env.database.db.transaction((tx) =>
      nextDocNumber(tx, 'customer', new Date('2027-01-01T01:00:00+08:00')),
    );
    expect(no).toBe('KH-2027-000001');
  });
});

describe('authentication', () => {
  it('signs in by username or mobile, case-insensitive username', async () => {
    expect((await login('REP1', PASSWORD)).statusCode).toBe(200);
    expect((await login('+86 139-0000-0005', PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const a = await login('rep1', 'wrong-password1');
    const b = await login('nobody-here', 'wrong-password1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().message).toBe('用户名或密码错误');
    expect({ ...a.json(), requestId: 0 }).toEqual({ ...b.json(), requestId: 0 });
  });

  it('locks a login name after 5 failures (429), for existing and unknown names alike', async () => {
    for (const name of ['rep1b', 'ghost-user']) {
      for (let i = 0; i < 5; i++) expect((await login(name, 'bad-password9')).statusCode).toBe(401);
      const locked = await login(name, name === 'rep1b' ? PASSWORD : 'bad-password9');
      expect(locked.statusCode, name).toBe(429);
      expect(locked.json().message).toMatch(/登录失败次数过多，请 \d+ 分钟后再试/);
    }
  });

  it('requires a session (401) and a CSRF token on mutations (403)', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/customers' })).statusCode).toBe(401);
    const c = await Client.login(env.app, 'rep2');
    const noCsrf = await env.app.inject({
      method: 'POST',
      url: '/api/customers',
      payload: { kind: 'individual', name: 'x' },
      headers: { cookie: (c as unknown as { cookie: string }).cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf');
  });

  it('logout ends the session', async () => {
    const c = await Client.login(env.app, 'rep2');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('returns the permissions the menu is built from', async () => {
    const me = (await (await Client.login(env.app, 'rep2')).get('/api/auth/me')).json();
    expect(me.permissions).toEqual(expect.arrayContaining(['customer.view', 'customer.create']));
    expect(me.permissions).not.toContain('user.manage');
  });
});

describe('policies', () => {
  it('versions each change, refuses a stale version and bad values', async () => {
    const admin = await Client.login(env.app, 'admin');
    const list = (await admin.get('/api/policies')).json().items;
    const p = list.find((x: { key: string }) => x.key === 'quotes.repDiscountLimitPercent');
    expect(p).toMatchObject({ value: '5.00', defaultValue: '5.00', version: 0 });
    expect(
      (await admin.put('/api/policies/quotes.repDiscountLimitPercent', { value: '60.5', version: 0 })).statusCode,
    ).toBe(200);
    expect(
      (await admin.put('/api/policies/quotes.repDiscountLimitPercent', { value: '70.00', version: 0 })).statusCode,
    ).toBe(412);
    const bad = await admin.put('/api/policies/quotes.repDiscountLimitPercent', { value: 'abc', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'value', message: '参数值不符合要求' });
    const hist = (await admin.get('/api/policies/quotes.repDiscountLimitPercent/history')).json().items;
    expect(hist).toEqual([expect.objectContaining({ old: '5.00', new: '60.50', actorName: '系统管理员' })]);
    const rep = await Client.login(env.app, 'rep2');
    expect((await rep.get('/api/policies')).statusCode).toBe(403);
  });
});

describe('default grants', () => {
  it('offers a newly released default grant to existing roles once, and respects its later removal', async () => {
    const pool = env.database.pool;
    const grantOf = async () =>
      (
        await pool.query(
          `select g.scope from role_grants g join roles r on r.id = g.role_id where r.code = 'sales_rep' and g.permission = 'customer.credit'`,
        )
      ).rows;
    expect(await grantOf()).toEqual([{ scope: 'SELF' }]);
    // As if the database predates the permission: neither the grant nor its record exist.
    await pool.query(
      `delete from role_grants g using roles r where r.id = g.role_id and r.code = 'sales_rep' and g.permission = 'customer.credit'`,
    );
    await pool.query(
      `delete from default_grants_applied where role_code = 'sales_rep' and permission = 'customer.credit'`,
    );
    expect(await bootstrapOrganisation(env.database.db, PASSWORD)).toBe(false);
    expect(await grantOf()).toEqual([{ scope: 'SELF' }]);
    // The admin removes it: a restart does not bring it back.
    await pool.query(
      `delete from role_grants g using roles r where r.id = g.role_id and r.code = 'sales_rep' and g.permission = 'customer.credit'`,
    );
    await bootstrapOrganisation(env.database.db, PASSWORD);
    expect(await grantOf()).toEqual([]);
  });
});

describe('i18n', () => {
  it('has every server message in zh-CN, zh-TW and en-US', () => {
    expect([...catalogKeys.zhTW].sort()).toEqual([...catalogKeys.zhCN].sort());
    expect([...catalogKeys.enUS].sort()).toEqual([...catalogKeys.zhCN].sort());
  });

  it('serves the OpenAPI document', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.paths['/api/customers']).toBeDefined();
    expect(doc.paths['/api/customers'].post.requestBody).toBeDefined();
  });
});
