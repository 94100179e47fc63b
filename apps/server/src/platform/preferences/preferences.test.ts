import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';

/**
 * A user's own preferences (列设置, issue 11 item 4): stored on the server so they follow the user
 * across browsers, reachable only by that user, validated per key kind, size-capped and audited.
 */
let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, rep2] = await Promise.all(['rep1', 'rep2'].map((u) => Client.login(env.app, u)));
});
afterAll(() => env.close());

const columns = { order: ['name', 'no', 'class'], hidden: ['tags', 'source'] };

describe('user preferences', () => {
  it('answers null for a key never set, then the stored value, also from a new session', async () => {
    const empty = (await rep1.get('/api/me/preferences/table.customers')).json();
    expect(empty).toEqual({ key: 'table.customers', value: null, updatedAt: null });
    const put = await rep1.put('/api/me/preferences/table.customers', { value: columns });
    expect(put.statusCode, put.body).toBe(200);
    // Another browser: a new sign-in of the same user.
    const again = await Client.login(env.app, 'rep1');
    expect((await again.get('/api/me/preferences/table.customers')).json().value).toEqual(columns);
    expect((await again.get('/api/me/preferences')).json().items).toEqual({ 'table.customers': columns });
  });

  it('replaces the value on a second PUT, auditing create then update with the old and new value', async () => {
    const next = { order: ['no', 'name'], hidden: [] };
    expect((await rep1.put('/api/me/preferences/table.customers', { value: next })).statusCode).toBe(200);
    expect((await rep1.get('/api/me/preferences/table.customers')).json().value).toEqual(next);
    const { rows } = await env.database.pool.query(
      `select action, actor_id, changes from audit_log where entity_type = 'user_preference' order by id`,
    );
    expect(rows.map((r) => [r.action, r.actor_id])).toEqual([
      ['create', org.user.rep1],
      ['update', org.user.rep1],
    ]);
    expect(rows[1].changes).toEqual([{ field: 'table.customers', old: columns, new: next }]);
  });

  it('is the own user’s only: another user sees none of it and writes his own', async () => {
    expect((await rep2.get('/api/me/preferences/table.customers')).json().value).toBeNull();
    expect((await rep2.get('/api/me/preferences')).json().items).toEqual({});
    const mine = { order: ['class'], hidden: ['mobile'] };
    await rep2.put('/api/me/preferences/table.customers', { value: mine });
    expect((await rep2.get('/api/me/preferences/table.customers')).json().value).toEqual(mine);
    expect((await rep1.get('/api/me/preferences/table.customers')).json().value).toEqual({
      order: ['no', 'name'],
      hidden: [],
    });
    const { rows } = await env.database.pool.query('select user_id, key from user_preferences order by user_id');
    expect(rows).toEqual([
      { user_id: org.user.rep1, key: 'table.customers' },
      { user_id: org.user.rep2, key: 'table.customers' },
    ]);
  });

  it('refuses unknown kinds, malformed keys and values, extra fields and oversized values', async () => {
    const put = (key: string, value: unknown) => rep1.put(`/api/me/preferences/${key}`, { value });
    const unknown = await put('theme.dark', { on: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([expect.objectContaining({ field: 'key', code: 'preference.key.unknown' })]);
    expect((await put('Table.X', columns)).statusCode).toBe(400);
    expect((await put('table.customers', { order: 'no', hidden: [] })).json().fields[0].code).toBe(
      'preference.value.invalid',
    );
    expect((await put('table.customers', { ...columns, extra: 1 })).statusCode).toBe(400);
    expect((await put('table.customers', { order: ['<script>'], hidden: [] })).statusCode).toBe(400);
    const long = Array.from({ length: 60 }, (_, i) => `column_${i}_${'x'.repeat(50)}`);
    const big = await put('table.customers', { order: long, hidden: long });
    expect(big.statusCode).toBe(400);
    expect(big.json().fields).toEqual([
      expect.objectContaining({ field: 'value', code: 'preference.value.too_large' }),
    ]);
    // Nothing of it was stored.
    expect((await rep1.get('/api/me/preferences')).json().items).toEqual({
      'table.customers': { order: ['no', 'name'], hidden: [] },
    });
  });

  it('forgets a preference on DELETE (列设置 → 重置), audited; the other user’s stays', async () => {
    const res = await rep1.delete('/api/me/preferences/table.customers');
    expect(res.statusCode, res.body).toBe(200);
    expect((await rep1.get('/api/me/preferences/table.customers')).json().value).toBeNull();
    expect((await rep2.get('/api/me/preferences/table.customers')).json().value).not.toBeNull();
    const { rows } = await env.database.pool.query(
      `select action, actor_id from audit_log where entity_type = 'user_preference' and action = 'delete'`,
    );
    expect(rows).toEqual([{ action: 'delete', actor_id: org.user.rep1 }]);
    // Nothing left to forget: still fine, nothing audited.
    expect((await rep1.delete('/api/me/preferences/table.customers')).statusCode).toBe(200);
  });

  it('needs a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/me/preferences' });
    expect(res.statusCode).toBe(401);
  });
});
