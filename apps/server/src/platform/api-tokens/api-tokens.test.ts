import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { sha256 } from '../auth/auth.service.ts';
import { loadTokenPrincipal, MAX_ACTIVE_TOKENS, TOKEN_PREFIX } from './index.ts';

/** SPEC 1.11: personal API tokens act exactly as their user, are hashed at rest and revocable. */
let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let admin: Client;
let rep1Customer: number;
let rep2Customer: number;

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const pool = () => env.database.pool;

/** A request authenticated by a bearer token only: no cookie, no CSRF header. */
function withToken(
  token: string,
  method: string,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return env.app.inject({
    method: method as 'GET',
    url,
    payload: payload as object,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN', ...headers },
  });
}

async function newToken(who: Client, name = '对接ERP', expiresOn: string | null = null) {
  const res = await who.post('/api/me/api-tokens', { name, expiresOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; secret: string; prefix: string; status: string };
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  admin = await Client.login(env.app, 'admin');
  const mk = async (c: Client, name: string, mobile: string) =>
    (await c.post('/api/customers', { kind: 'individual', name, mobile })).json().id as number;
  rep1Customer = await mk(rep1, '令牌测试客户甲', '13500003331');
  rep2Customer = await mk(rep2, '令牌测试客户乙', '13500003332');
});
afterAll(() => env.close());

describe('creating a token', () => {
  it('shows the secret once and stores only its SHA-256', async () => {
    const t = await newToken(rep1);
    expect(t.secret).toMatch(/^sst_[A-Za-z0-9_-]{43}$/);
    expect(t.secret.startsWith(t.prefix)).toBe(true);
    expect(t.prefix).toHaveLength(TOKEN_PREFIX.length + 8);
    expect(t.status).toBe('active');
    const row = (await pool().query('select * from api_tokens where id = $1', [t.id])).rows[0];
    expect(row.token_hash).toBe(sha256(t.secret));
    // The secret is in no column, in no audit row.
    expect(JSON.stringify(row)).not.toContain(t.secret.slice(TOKEN_PREFIX.length + 8));
    const audit = await pool().query(`select * from audit_log where entity_type = 'api_token' and entity_id = $1`, [
      t.id,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ action: 'create', actor_id: org.user.rep1 });
    expect(JSON.stringify(audit.rows[0])).not.toContain(t.secret);
    // The list never shows it again.
    const list = (await rep1.get('/api/me/api-tokens')).json();
    const mine = list.items.find((x: { id: number }) => x.id === t.id);
    expect(mine).toMatchObject({
      name: '对接ERP',
      prefix: t.prefix,
      status: 'active',
      lastUsedAt: null,
      expiresAt: null,
    });
    expect(JSON.stringify(list)).not.toContain(t.secret);
    expect(JSON.stringify(list)).not.toContain(row.token_hash);
  });

  it('refuses an expiry in the past and a blank name, field by field', async () => {
    const res = await rep1.post('/api/me/api-tokens', { name: '过期', expiresOn: '2020-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { field: 'expiresOn', code: 'apitoken.expiry_past', message: '到期日期不能早于今天' },
    ]);
    const blank = await rep1.post('/api/me/api-tokens', { name: '  ', expiresOn: null });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields[0]).toMatchObject({ field: 'name', code: 'validation.required' });
  });

  it('cannot be done with a token: a leaked token cannot outlive its revocation', async () => {
    const t = await newToken(rep1);
    const res = await withToken(t.secret, 'POST', '/api/me/api-tokens', { name: '自我复制', expiresOn: null });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('apitoken.session_required');
  });

  it(`allows at most ${MAX_ACTIVE_TOKENS} active tokens per user`, async () => {
    const c = await Client.login(env.app, 'rep1b');
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) await newToken(c, `脚本${i}`);
    const res = await c.post('/api/me/api-tokens', { name: '再来一个', expiresOn: null });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('apitoken.too_many');
  });
});

describe('a request with a token', () => {
  it("acts within the user's data scope: another rep's customer is a 404", async () => {
    const t = await newToken(rep1);
    const own = await withToken(t.secret, 'GET', `/api/customers/${rep1Customer}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().name).toBe('令牌测试客户甲');
    const other = await withToken(t.secret, 'GET', `/api/customers/${rep2Customer}`);
    expect(other.statusCode).toBe(404);
    const list = await withToken(t.secret, 'GET', `/api/customers?keyword=${encodeURIComponent('令牌测试客户')}`);
    expect(list.json().items.map((c: { id: number }) => c.id)).toEqual([rep1Customer]);
    const me = (await withToken(t.secret, 'GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ id: org.user.rep1, username: 'rep1' });
  });

  it("has exactly the user's permissions: a rep's token cannot manage users", async () => {
    const t = await newToken(rep1);
    expect((await withToken(t.secret, 'GET', '/api/users')).statusCode).toBe(403);
    const a = await newToken(admin);
    expect((await withToken(a.secret, 'GET', '/api/users')).statusCode).toBe(200);
  });

  it('needs no CSRF header, while the same write with the session cookie still does', async () => {
    const t = await newToken(rep1);
    const body = { kind: 'individual', name: '令牌新建客户', mobile: '13500003333' };
    const byToken = await withToken(t.secret, 'POST', '/api/customers', body);
    expect(byToken.statusCode, byToken.body).toBe(201);
    expect(byToken.json().ownerId).toBe(org.user.rep1);
    const noCsrf = await env.app.inject({
      method: 'POST',
      url: '/api/customers',
      payload: { ...body, name: '无CSRF客户', mobile: '13500003334' },
      headers: { cookie: `sid=${rep1.sessionToken}` },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf');
    // The audit trail names the user the token acts for.
    const audit = await pool().query(
      `select actor_id from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'create'`,
      [byToken.json().id],
    );
    expect(audit.rows).toEqual([{ actor_id: org.user.rep1 }]);
  });

  it('answers 401 for an unknown or malformed token, even beside a valid session cookie', async () => {
    for (const bad of [`${TOKEN_PREFIX}nope`, 'abc', '']) {
      const res = await env.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${bad}`, cookie: `sid=${rep1.sessionToken}` },
      });
      expect(res.statusCode, bad).toBe(401);
      expect(res.json()).toMatchObject({ code: 'auth.token_invalid', message: 'API 令牌无效、已过期或已被撤销' });
    }
  });

  it('stops working once revoked (401), and another user cannot revoke it (404)', async () => {
    const t = await newToken(rep1);
    expect((await withToken(t.secret, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await rep2.delete(`/api/me/api-tokens/${t.id}`)).statusCode).toBe(404);
    expect((await withToken(t.secret, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const res = await rep1.delete(`/api/me/api-tokens/${t.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: t.id, status: 'revoked' });
    expect((await withToken(t.secret, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const audit = await pool().query(
      `select action, actor_id from audit_log where entity_type = 'api_token' and entity_id = $1 order by id`,
      [t.id],
    );
    expect(audit.rows).toEqual([
      { action: 'create', actor_id: org.user.rep1 },
      { action: 'revoke', actor_id: org.user.rep1 },
    ]);
  });

  it('stops working when expired', async () => {
    const t = await newToken(rep1, '当天有效', today());
    expect(t).toMatchObject({ expiresOn: today(), status: 'active' });
    expect((await withToken(t.secret, 'GET', '/api/auth/me')).statusCode).toBe(200);
    await pool().query(`update api_tokens set expires_at = now() - interval '1 second' where id = $1`, [t.id]);
    const res = await withToken(t.secret, 'GET', '/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect((await rep1.get('/api/me/api-tokens')).json().items.find((x: { id: number }) => x.id === t.id).status).toBe(
      'expired',
    );
  });

  it('stops working while its user is disabled', async () => {
    const t = await newToken(rep2);
    await pool().query('update users set active = false where id = $1', [org.user.rep2]);
    expect((await withToken(t.secret, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await pool().query('update users set active = true where id = $1', [org.user.rep2]);
    expect((await withToken(t.secret, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('records the last use at most once a minute per token', async () => {
    const t = await newToken(rep1);
    const lastUsed = async () =>
      (await pool().query('select last_used_at from api_tokens where id = $1', [t.id])).rows[0].last_used_at as Date;
    const t0 = new Date('2030-01-01T08:00:00Z');
    expect(await loadTokenPrincipal(env.database.db, t.secret, t0)).toMatchObject({ apiTokenId: t.id });
    expect((await lastUsed()).toISOString()).toBe(t0.toISOString());
    await loadTokenPrincipal(env.database.db, t.secret, new Date(t0.getTime() + 30_000));
    expect((await lastUsed()).toISOString()).toBe(t0.toISOString());
    const t2 = new Date(t0.getTime() + 61_000);
    await loadTokenPrincipal(env.database.db, t.secret, t2);
    expect((await lastUsed()).toISOString()).toBe(t2.toISOString());
    // Through HTTP: the list shows when it was used.
    await pool().query('update api_tokens set last_used_at = null where id = $1', [t.id]);
    await withToken(t.secret, 'GET', '/api/auth/me');
    const shown = (await rep1.get('/api/me/api-tokens')).json().items.find((x: { id: number }) => x.id === t.id);
    expect(shown.lastUsedAt).not.toBeNull();
  });
});

describe('the admin view of tokens', () => {
  it('lists every user’s tokens with their user, filters them, and revokes any (audited)', async () => {
    const t = await newToken(rep2, '王五的对接');
    const list = await admin.get(`/api/api-tokens?keyword=${encodeURIComponent('王五')}&status=active`);
    expect(list.statusCode).toBe(200);
    const row = list.json().items.find((x: { id: number }) => x.id === t.id);
    expect(row).toMatchObject({ userName: '王五', username: 'rep2', name: '王五的对接', status: 'active' });
    expect(list.json().items.every((x: { userId: number }) => x.userId === org.user.rep2)).toBe(true);
    expect(JSON.stringify(list.json())).not.toContain(t.secret);
    expect((await rep1.get('/api/api-tokens')).statusCode).toBe(403);
    expect((await rep1.delete(`/api/api-tokens/${t.id}`)).statusCode).toBe(403);
    const res = await admin.delete(`/api/api-tokens/${t.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('revoked');
    expect((await withToken(t.secret, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const audit = await pool().query(
      `select actor_id from audit_log where entity_type = 'api_token' and entity_id = $1 and action = 'revoke'`,
      [t.id],
    );
    expect(audit.rows).toEqual([{ actor_id: org.user.admin }]);
    const revoked = (await admin.get('/api/api-tokens?status=revoked')).json().items.map((x: { id: number }) => x.id);
    expect(revoked).toContain(t.id);
    expect((await admin.delete('/api/api-tokens/2147483647')).statusCode).toBe(404);
  });
});
