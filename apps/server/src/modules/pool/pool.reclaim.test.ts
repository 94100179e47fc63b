import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { registeredSweeps } from '../../platform/scheduler/sweeps.ts';
import { runPoolReclaimSweep, runPoolWarningSweep } from './index.ts';

/**
 * Automatic reclaim (SPEC 2.4) with a controlled clock: the sweeps take `now`; customers are
 * created at the real now, so "now + 27 days" is 27 days after their creation.
 */
let env: TestEnv;
let org: Org;
let admin: Client;
let rep1: Client;
let seq = 0;
const DAY = 86_400_000;
const HOUR = 3_600_000;
let t0: number;
const at = (days: number, hours = 0) => new Date(t0 + days * DAY + hours * HOUR);

async function newCustomer(over: Record<string, unknown> = {}) {
  const res = await rep1.post('/api/customers', {
    kind: 'individual',
    name: `回收测试${++seq}`,
    mobile: `1377777${String(seq).padStart(4, '0')}`,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number };
}

async function setPolicy(key: string, value: number) {
  const cur = (await admin.get('/api/policies')).json().items.find((p: { key: string }) => p.key === key);
  const res = await admin.put(`/api/policies/${key}`, { value, version: cur.version });
  expect(res.statusCode, res.body).toBe(200);
}

const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);
const owner = async (id: number) => (await q('select owner_id from customers where id = $1', [id])).rows[0].owner_id;
const warnings = async (id: number) =>
  (
    await q(`select count(*)::int n from notifications where kind = 'pool.reclaim_warning' and link = $1`, [
      `/customers/${id}`,
    ])
  ).rows[0].n;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  admin = await Client.login(env.app, 'admin');
  rep1 = await Client.login(env.app, 'rep1');
  // Defaults: 30 days without follow-up, 90 without a deal, warning 3 days ahead.
});
afterAll(() => env.close());

beforeEach(async () => {
  // Each case starts with no owned customers left over, so the sweeps see only its own.
  await q(`update customers set deleted_at = now() where deleted_at is null`);
  t0 = Date.now();
});

describe('reclaim sweeps', () => {
  it('are registered with the scheduler', () => {
    expect(registeredSweeps().map((s) => s.name)).toEqual(
      expect.arrayContaining(['pool.reclaimWarning', 'pool.reclaim']),
    );
  });

  it('warn once K days before, then return the customer to its pool after N days without follow-up', async () => {
    const c = await newCustomer();
    const db = env.database.db;
    expect(await runPoolWarningSweep(db, at(26))).toEqual({ changed: 0 });
    expect(await runPoolWarningSweep(db, at(27, 1))).toEqual({ changed: 1 });
    // Idempotent: one warning per customer per cycle however often the sweep runs.
    expect(await runPoolWarningSweep(db, at(27, 2))).toEqual({ changed: 0 });
    expect(await runPoolWarningSweep(db, at(29))).toEqual({ changed: 0 });
    expect(await warnings(c.id)).toBe(1);
    const n = (await q(`select user_id, title_key, params from notifications where kind = 'pool.reclaim_warning'`))
      .rows[0];
    expect(n).toMatchObject({ user_id: org.user.rep1, title_key: 'notify.pool.reclaim_warning' });
    expect(n.params.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await runPoolReclaimSweep(db, at(29, 23))).toEqual({ changed: 0 });
    expect(await owner(c.id)).toBe(org.user.rep1);
    expect(await runPoolReclaimSweep(db, at(30, 1))).toEqual({ changed: 1 });
    expect(await runPoolReclaimSweep(db, at(30, 2))).toEqual({ changed: 0 });
    const row = (await q('select owner_id, pool_id, version from customers where id = $1', [c.id])).rows[0];
    const [def] = (await q('select id from pools where is_default')).rows;
    expect(row).toMatchObject({ owner_id: null, pool_id: def.id, version: c.version + 1 });
    const hist = (await q('select user_id, how, reason, actor_id from pool_history where customer_id = $1', [c.id]))
      .rows;
    expect(hist).toEqual([{ user_id: org.user.rep1, how: 'reclaim', reason: 'no_follow_up', actor_id: null }]);
    const audit = (
      await q(
        `select actor_id, request_id, comment from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'reclaim'`,
        [c.id],
      )
    ).rows;
    expect(audit).toEqual([
      { actor_id: null, request_id: expect.stringMatching(/^sweep:pool\.reclaim:/), comment: 'no_follow_up' },
    ]);
    const told = (
      await q(`select count(*)::int n from notifications where user_id = $1 and kind = 'pool.reclaimed'`, [
        org.user.rep1,
      ])
    ).rows[0].n;
    expect(told).toBe(1);
  });

  it('gives full notice when the warning comes late (policy lowered)', async () => {
    const c = await newCustomer();
    const db = env.database.db;
    // First seen by the sweeps only after it is already due: warned now, reclaimed K days later.
    expect(await runPoolReclaimSweep(db, at(31))).toEqual({ changed: 0 });
    expect(await runPoolWarningSweep(db, at(31))).toEqual({ changed: 1 });
    expect(await runPoolReclaimSweep(db, at(33, 23))).toEqual({ changed: 0 });
    expect(await runPoolReclaimSweep(db, at(34, 1))).toEqual({ changed: 1 });
    expect(await owner(c.id)).toBeNull();
  });

  it('starts a new cycle after a follow-up: no reclaim, a new warning later', async () => {
    const c = await newCustomer();
    const db = env.database.db;
    expect(await runPoolWarningSweep(db, at(27, 1))).toEqual({ changed: 1 });
    await q('update customers set last_follow_up_at = $2 where id = $1', [c.id, at(28)]);
    expect(await runPoolReclaimSweep(db, at(30, 1))).toEqual({ changed: 0 });
    expect(await owner(c.id)).toBe(org.user.rep1);
    expect(await runPoolWarningSweep(db, at(30, 1))).toEqual({ changed: 0 });
    expect(await runPoolWarningSweep(db, at(55, 1))).toEqual({ changed: 1 });
    expect(await warnings(c.id)).toBe(2);
  });

  it('skips locked customers entirely', async () => {
    const c = await newCustomer();
    expect((await rep1.post(`/api/customers/${c.id}/lock`, { version: c.version })).statusCode).toBe(200);
    const db = env.database.db;
    expect(await runPoolWarningSweep(db, at(200))).toEqual({ changed: 0 });
    expect(await runPoolReclaimSweep(db, at(400))).toEqual({ changed: 0 });
    expect(await owner(c.id)).toBe(org.user.rep1);
  });

  it('applies per-class overrides and the no-deal rule; the home pool of the owner’s department wins', async () => {
    const manager1 = await Client.login(env.app, 'manager1');
    const pool = (await manager1.post('/api/pools', { name: '一部回收池', memberDeptIds: [org.dept.sales1] })).json();
    await setPolicy('pool.noFollowUpReclaimDays.KEY', 60);
    await setPolicy('pool.noDealReclaimDays', 45);
    await setPolicy('pool.reclaimWarningDays', 0);
    const plain = await newCustomer();
    const key = await newCustomer({ class: 'KEY' });
    const dealt = await newCustomer();
    await q('update customers set last_follow_up_at = $2 where id = $1', [dealt.id, at(40)]);
    const db = env.database.db;
    // Day 31: the plain one (30 days without follow-up); the KEY account has 60 days.
    expect(await runPoolReclaimSweep(db, at(31))).toEqual({ changed: 1 });
    expect(await owner(plain.id)).toBeNull();
    expect(await owner(key.id)).toBe(org.user.rep1);
    // Day 46: followed up on day 40 but no deal for 45 days.
    expect(await runPoolReclaimSweep(db, at(46))).toEqual({ changed: 2 });
    const reasons = (
      await q(
        'select customer_id, reason, pool_id from pool_history where customer_id = any($1) order by customer_id',
        [[plain.id, key.id, dealt.id]],
      )
    ).rows;
    expect(reasons).toEqual([
      { customer_id: plain.id, reason: 'no_follow_up', pool_id: pool.id },
      { customer_id: key.id, reason: 'no_deal', pool_id: pool.id },
      { customer_id: dealt.id, reason: 'no_deal', pool_id: pool.id },
    ]);
    await setPolicy('pool.noFollowUpReclaimDays.KEY', 0);
    await setPolicy('pool.noDealReclaimDays', 90);
    await setPolicy('pool.reclaimWarningDays', 3);
  });

  it('counts from the claim, not from creation, for a customer claimed from the pool', async () => {
    const c = await newCustomer();
    await rep1.post(`/api/customers/${c.id}/release`, { reason: '测试', version: c.version });
    const rep1b = await Client.login(env.app, 'rep1b');
    // Claimed 20 days after creation: its clock starts then.
    await rep1b.post(`/api/pool/customers/${c.id}/claim`);
    await q('update customers set assigned_at = $2 where id = $1', [c.id, at(20)]);
    const db = env.database.db;
    expect(await runPoolWarningSweep(db, at(31))).toEqual({ changed: 0 });
    expect(await runPoolWarningSweep(db, at(47, 1))).toEqual({ changed: 1 });
    expect(await runPoolReclaimSweep(db, at(50, 1))).toEqual({ changed: 1 });
    expect(await owner(c.id)).toBeNull();
  });
});
