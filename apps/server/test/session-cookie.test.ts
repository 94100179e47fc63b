import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, PASSWORD, type TestEnv } from './harness.ts';

// Issue 9: cookie@2 needs Node >= 22, so @fastify/cookie and light-my-request are pinned to
// cookie@1 (root package.json overrides). The session cookie must keep its attributes and be
// parsed among other cookies exactly as before.
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('session cookie', () => {
  it('is set httpOnly + SameSite=Lax on login, read among other cookies, and cleared on logout', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^sid=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const sid = header.slice('sid='.length, header.indexOf(';'));
    const csrf = res.json().user.csrfToken;

    const cookie = `theme="dark%20mode"; sid=${sid}; lang=zh-CN`;
    const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('admin');

    const out = await env.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      payload: {},
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(200);
    const cleared = String(out.headers['set-cookie']);
    expect(cleared).toMatch(/^sid=; /);
    expect(cleared).toContain('Max-Age=0');
    expect(cleared).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    const after = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });
});
