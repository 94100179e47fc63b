import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, PASSWORD, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';

/** SPEC 1.1 lockout and the login rate limit, tried the ways an attacker would try to get around them. */
let env: TestEnv;
let org: Org;
let admin: Client;

const login = (login: string, password: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
const lockedFlag = async (userId: number) =>
  (await admin.get('/api/users?pageSize=200')).json().items.find((u: { id: number }) => u.id === userId).locked;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  admin = await Client.login(env.app, 'admin');
});
afterAll(() => env.close());

describe('lockout per account', () => {
  it('counts failures by username and by mobile (any spelling) against one account', async () => {
    // rep1b: username rep1b, mobile 13900000006. Five failures spread over four spellings.
    for (const name of ['rep1b', 'REP1B ', '13900000006', '+86 139-0000-0006', '0086 13900000006']) {
      expect((await login(name, 'bad-password9')).statusCode, name).toBe(401);
    }
    for (const name of ['rep1b', '13900000006']) {
      const r = await login(name, PASSWORD);
      expect(r.statusCode, name).toBe(429);
      expect(r.json().code).toBe('auth.locked');
    }
    expect(await lockedFlag(org.user.rep1b)).toBe(true);
  });

  it('an admin unlocks the account (audited); the users list shows the lock until then', async () => {
    for (let i = 0; i < 5; i++) await login('supervisor1', 'bad-password9');
    expect((await login('supervisor1', PASSWORD)).statusCode).toBe(429);
    expect(await lockedFlag(org.user.supervisor1)).toBe(true);
    const res = await admin.post(`/api/users/${org.user.supervisor1}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await lockedFlag(org.user.supervisor1)).toBe(false);
    expect((await login('supervisor1', PASSWORD)).statusCode).toBe(200);
    const audit = await env.database.pool.query(
      `select changes from audit_log where entity_type = 'user' and entity_id = $1 and action = 'unlock'`,
      [org.user.supervisor1],
    );
    expect(audit.rows).toEqual([{ changes: [{ field: 'locked', old: true, new: false }] }]);
    // Only user managers may unlock.
    const rep = await Client.login(env.app, 'rep2');
    expect((await rep.post(`/api/users/${org.user.supervisor1}/unlock`)).statusCode).toBe(403);
    expect((await admin.post('/api/users/99999999/unlock')).statusCode).toBe(404);
  });

  it('a password reset by the admin unlocks the account', async () => {
    for (let i = 0; i < 5; i++) await login('teamrep', 'bad-password9');
    expect((await login('teamrep', PASSWORD)).statusCode).toBe(429);
    const res = await admin.post(`/api/users/${org.user.teamRep}/reset-password`, { password: 'newpass123' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await login('teamrep', 'newpass123')).statusCode).toBe(200);
  });

  it('an unknown name is locked by its own name and does not lock anyone else', async () => {
    for (let i = 0; i < 5; i++) await login('no-such-user', 'bad-password9');
    expect((await login('no-such-user', 'bad-password9')).statusCode).toBe(429);
    expect((await login('rep2', PASSWORD)).statusCode).toBe(200);
  });
});

describe('login rate limit per client address', () => {
  const burst = async (app: Awaited<ReturnType<typeof buildApp>>) => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: `spray${i}`, password: 'bad-password9' },
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      codes.push(r.statusCode);
    }
    return codes;
  };

  it('ignores a client-sent X-Forwarded-For unless a proxy is trusted (TRUST_PROXY)', async () => {
    const direct = await buildApp({ db: env.database.db, loginRateLimit: 3 });
    try {
      const codes = await burst(direct);
      expect(codes).toEqual([401, 401, 401, 429]);
      const last = await direct.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'x', password: 'y' },
        headers: { 'x-forwarded-for': '198.51.100.7' },
      });
      expect(last.statusCode).toBe(429);
      expect(last.json()).toMatchObject({ code: 'rate_limited', requestId: expect.any(String) });
    } finally {
      await direct.close();
    }
    const behindProxy = await buildApp({ db: env.database.db, loginRateLimit: 3, trustProxy: ['127.0.0.1'] });
    try {
      expect(await burst(behindProxy)).toEqual([401, 401, 401, 401]);
    } finally {
      await behindProxy.close();
    }
  });
});
