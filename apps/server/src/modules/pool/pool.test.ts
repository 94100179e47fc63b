import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { claimFromPool } from './pool.service.ts';
import { seedDefaultPool } from './pools.service.ts';

let env: TestEnv;
let org: Org;
let admin: Client;
let rep1: Client;
let rep1b: Client;
let rep2: Client;
let manager1: Client;
let manager2: Client;
let director: Client;
let defaultPoolId: number;
let sales1PoolId: number;
let seq = 0;

const DAY = 86_400_000;
const mobile = () => `1391234${String(++seq).padStart(4, '0')}`;

async function newCustomer(owner: Client, over: Record<string, unknown> = {}) {
  const res = await owner.post('/api/customers', {
    kind: 'individual',
    name: `公海测试客户${++seq}`,
    mobile: mobile(),
    address: '浙江省杭州市西湖区文三路100号',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; mobile: string; name: string };
}

async function release(owner: Client, c: { id: number; version: number }, body: Record<string, unknown> = {}) {
  return owner.post(`/api/customers/${c.id}/release`, { reason: '客户无意向', version: c.version, ...body });
}

async function setPolicy(key: string, value: number) {
  const cur = (await admin.get('/api/policies')).json().items.find((p: { key: string }) => p.key === key);
  const res = await admin.put(`/api/policies/${key}`, { value, version: cur.version });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [admin, rep1, rep1b, rep2, manager1, manager2, director] = await Promise.all(
    ['admin', 'rep1', 'rep1b', 'rep2', 'manager1', 'manager2', 'director'].map((u) => Client.login(env.app, u)),
  );
  const pools = (await admin.get('/api/pools')).json().items;
  defaultPoolId = pools.find((p: { isDefault: boolean }) => p.isDefault).id;
  const res = await manager1.post('/api/pools', { name: '销售一部公海', memberDeptIds: [org.dept.sales1] });
  expect(res.statusCode, res.body).toBe(201);
  sales1PoolId = res.json().id;
});
afterAll(() => env.close());

describe('pools', () => {
  it('seeds one default pool (公共客户池) open to the whole company, idempotently', async () => {
    await seedDefaultPool(env.database.db);
    await seedDefaultPool(env.database.db);
    const rows = await env.database.pool.query('select id, name from pools where is_default');
    expect(rows.rows).toEqual([{ id: defaultPoolId, name: '公共客户池' }]);
    const members = await env.database.pool.query('select dept_id from pool_members where pool_id = $1', [
      defaultPoolId,
    ]);
    expect(members.rows).toEqual([{ dept_id: org.dept.root }]);
  });

  it('shows a rep the pools of their departments; a manager manages only pools of departments in scope', async () => {
    const mine = (await rep1.get('/api/pools')).json().items.map((p: { id: number }) => p.id);
    expect(mine).toEqual([defaultPoolId, sales1PoolId]);
    const theirs = (await rep2.get('/api/pools')).json().items.map((p: { id: number }) => p.id);
    expect(theirs).toEqual([defaultPoolId]);
    expect((await rep2.get(`/api/pools/${sales1PoolId}`)).statusCode).toBe(404);
    const put = await manager2.put(`/api/pools/${sales1PoolId}`, {
      name: '改名',
      memberDeptIds: [org.dept.sales2],
      version: 1,
    });
    expect(put.statusCode).toBe(404);
    const outOfScope = await manager1.post('/api/pools', { name: '越权公海', memberDeptIds: [org.dept.sales2] });
    expect(outOfScope.statusCode).toBe(400);
    expect(outOfScope.json().fields[0]).toMatchObject({ field: 'memberDeptIds', code: 'pool.member_out_of_scope' });
    expect((await rep1.post('/api/pools', { name: 'x', memberDeptIds: [org.dept.sales1] })).statusCode).toBe(403);
  });
});

describe('release and claim', () => {
  it('releases with a reason into the home pool: no owner, history, audit; gone from the rep list', async () => {
    const c = await newCustomer(rep1);
    expect((await release(rep1, c, { reason: '' })).statusCode).toBe(400);
    const res = await release(rep1, c);
    expect(res.statusCode, res.body).toBe(200);
    // rep1's department has its own pool: that is the home pool.
    expect(res.json()).toMatchObject({ poolId: sales1PoolId, how: 'release', version: c.version + 1 });
    const row = (
      await env.database.pool.query(
        'select owner_id, owner_dept_id, pool_id, pool_entered_at from customers where id = $1',
        [c.id],
      )
    ).rows[0];
    expect(row).toMatchObject({ owner_id: null, owner_dept_id: null, pool_id: sales1PoolId });
    expect(row.pool_entered_at).not.toBeNull();
    const hist = await env.database.pool.query(
      'select user_id, how, reason, actor_id from pool_history where customer_id = $1',
      [c.id],
    );
    expect(hist.rows).toEqual([
      { user_id: org.user.rep1, how: 'release', reason: '客户无意向', actor_id: org.user.rep1 },
    ]);
    const audit = await env.database.pool.query(
      `select changes, comment from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'release'`,
      [c.id],
    );
    expect(audit.rows[0].comment).toBe('客户无意向');
    expect(audit.rows[0].changes).toContainEqual({ field: 'ownerId', old: org.user.rep1, new: null });
    expect((await rep1.get(`/api/customers/${c.id}`)).statusCode).toBe(404);
    const list = (await rep1.get(`/api/customers?keyword=${encodeURIComponent(c.name)}`)).json();
    expect(list.total).toBe(0);
  });

  it('masks contact details in the pool for everybody, and unmasks them for the claimer', async () => {
    const c = await newCustomer(rep1b);
    await rep1b.post(`/api/customers/${c.id}/contacts`, {
      name: '联系人乙',
      mobile: '13566667777',
      email: 'li@example.com',
    });
    expect((await release(rep1b, c)).statusCode).toBe(200);
    for (const who of [rep1, manager1, director]) {
      const list = (await who.get(`/api/pool/customers?keyword=${encodeURIComponent(c.name)}`)).json();
      expect(list.items).toHaveLength(1);
      expect(list.items[0].mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(JSON.stringify(list)).not.toContain(c.mobile);
      const detail = (await who.get(`/api/pool/customers/${c.id}`)).json();
      expect(detail.mobile).not.toBe(c.mobile);
      expect(detail.address).not.toBe('浙江省杭州市西湖区文三路100号');
      expect(detail.contacts[0].mobile).toBe('135****7777');
      expect(detail.contacts[0].email).not.toBe('li@example.com');
      expect(detail.history[0]).toMatchObject({ how: 'release', userName: '李四' });
    }
    // The director sees pool customers through customer.view ALL too: masked there as well.
    expect((await director.get(`/api/customers/${c.id}`)).json()).toMatchObject({ ownerId: null, masked: true });
    const claim = await rep1.post(`/api/pool/customers/${c.id}/claim`);
    expect(claim.statusCode, claim.body).toBe(200);
    const mine = (await rep1.get(`/api/customers/${c.id}`)).json();
    expect(mine).toMatchObject({ ownerId: org.user.rep1, mobile: c.mobile, masked: false });
    expect((await rep1.get(`/api/pool/customers/${c.id}`)).statusCode).toBe(404);
    const audit = await env.database.pool.query(
      `select actor_id from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'claim'`,
      [c.id],
    );
    expect(audit.rows).toEqual([{ actor_id: org.user.rep1 }]);
  });

  it('keeps a pool customer out of reach of users outside the pool departments (404, never listed)', async () => {
    const c = await newCustomer(rep1);
    expect((await release(rep1, c)).statusCode).toBe(200);
    const unknown = await rep2.get('/api/pool/customers/987654321');
    for (const who of [rep2, manager2]) {
      const hidden = await who.get(`/api/pool/customers/${c.id}`);
      expect(hidden.statusCode).toBe(404);
      expect({ ...hidden.json(), requestId: 0 }).toEqual({ ...unknown.json(), requestId: 0 });
      expect((await who.post(`/api/pool/customers/${c.id}/claim`)).statusCode).toBe(404);
      const list = await who.get(`/api/pool/customers?keyword=${encodeURIComponent(c.name)}`);
      expect(list.json().total).toBe(0);
      expect((await who.get(`/api/pool/customers/count?keyword=${encodeURIComponent(c.name)}`)).json().total).toBe(0);
    }
    // A department manager cannot move it into the company-wide pool; the director can, and then rep2 may claim it.
    const move = { toPoolId: defaultPoolId, reason: '跨部门', version: c.version + 1 };
    expect((await manager1.post(`/api/pool/customers/${c.id}/move`, move)).json().fields[0].field).toBe('toPoolId');
    expect((await director.post(`/api/pool/customers/${c.id}/move`, move)).statusCode).toBe(200);
    expect((await rep2.get(`/api/pool/customers/${c.id}`)).statusCode).toBe(200);
    expect((await rep2.post(`/api/pool/customers/${c.id}/claim`)).statusCode).toBe(200);
  });

  it('enforces the per-rep owned-customer limit (pool.maxOwnedCustomers)', async () => {
    const owned = Number(
      (await env.database.pool.query('select count(*) n from customers where owner_id = $1', [org.user.rep1b])).rows[0]
        .n,
    );
    await setPolicy('pool.maxOwnedCustomers', owned + 1);
    const a = await newCustomer(rep1);
    const b = await newCustomer(rep1);
    await release(rep1, a);
    await release(rep1, b);
    expect((await rep1b.post(`/api/pool/customers/${a.id}/claim`)).statusCode).toBe(200);
    const refused = await rep1b.post(`/api/pool/customers/${b.id}/claim`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'pool.claim.limit',
      message: `您名下的客户已达上限（${owned + 1} 个），不能再领取`,
    });
    await setPolicy('pool.maxOwnedCustomers', 200);
  });

  it('blocks the previous owner from claiming back for pool.reclaimBlockDays', async () => {
    const c = await newCustomer(rep1);
    await release(rep1, c);
    const blocked = await rep1.post(`/api/pool/customers/${c.id}/claim`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('pool.claim.blocked');
    const listed = (await rep1.get(`/api/pool/customers?keyword=${encodeURIComponent(c.name)}`)).json().items[0];
    expect(listed.blockedUntil).not.toBeNull();
    const detail = (await rep1.get(`/api/pool/customers/${c.id}`)).json();
    expect(detail.blockedUntil).toBe(listed.blockedUntil);
    const ctx = await ctxFor(env, rep1);
    const later = { ...ctx, now: () => new Date(Date.now() + 31 * DAY) };
    await expect(claimFromPool(later, c.id)).resolves.toMatchObject({ ownerId: org.user.rep1 });
  });

  it('lets exactly one of two simultaneous claimers win', async () => {
    const c = await newCustomer(rep1);
    await release(rep1, c);
    const [a, b] = await Promise.all([
      rep1b.post(`/api/pool/customers/${c.id}/claim`),
      manager1.post(`/api/pool/customers/${c.id}/claim`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)?.json().code).toBe('pool.claim.taken');
  });

  it('lets a manager release a rep’s customer (how = transfer, rep notified) but not a peer rep', async () => {
    const c = await newCustomer(rep1);
    expect((await release(rep1b, c)).statusCode).toBe(404);
    const res = await release(manager1, c, { reason: '长期未跟进' });
    expect(res.statusCode).toBe(200);
    expect(res.json().how).toBe('transfer');
    const n = await env.database.pool.query(
      `select title_key from notifications where user_id = $1 and kind = 'pool.released'`,
      [org.user.rep1],
    );
    expect(n.rows.length).toBeGreaterThan(0);
  });

  it('refuses a stale version (412)', async () => {
    const c = await newCustomer(rep1);
    expect((await release(rep1, { id: c.id, version: c.version + 5 })).statusCode).toBe(412);
  });

  it('lets a manager assign a pool customer to a rep of the pool only', async () => {
    const c = await newCustomer(rep1);
    await release(rep1, c);
    const v = c.version + 1;
    const bad = await manager1.post(`/api/pool/customers/${c.id}/assign`, {
      toUserId: org.user.rep2,
      reason: '分配',
      version: v,
    });
    expect(bad.statusCode).toBe(400);
    const ok = await manager1.post(`/api/pool/customers/${c.id}/assign`, {
      toUserId: org.user.rep1b,
      reason: '分配',
      version: v,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await rep1b.get(`/api/customers/${c.id}`)).json().ownerId).toBe(org.user.rep1b);
  });
});

describe('lock', () => {
  it('locks within the per-rep limit and unlocks; others cannot lock', async () => {
    await setPolicy('pool.maxLockedCustomers', 1);
    const a = await newCustomer(rep2);
    const b = await newCustomer(rep2);
    expect((await rep1.post(`/api/customers/${a.id}/lock`, { version: a.version })).statusCode).toBe(404);
    const locked = await rep2.post(`/api/customers/${a.id}/lock`, { version: a.version });
    expect(locked.statusCode, locked.body).toBe(200);
    const status = (await rep2.get(`/api/customers/${a.id}/pool-status`)).json();
    expect(status).toMatchObject({ lockedByName: '王五', reclaimDueAt: null, ownerLocked: 1, ownerLockMax: 1 });
    const refused = await rep2.post(`/api/customers/${b.id}/lock`, { version: b.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('pool.lock.limit');
    expect((await rep2.post(`/api/customers/${a.id}/unlock`, { version: locked.json().version })).statusCode).toBe(200);
    expect((await rep2.post(`/api/customers/${b.id}/lock`, { version: b.version })).statusCode).toBe(200);
    const open = (await rep2.get(`/api/customers/${a.id}/pool-status`)).json();
    expect(open.lockedAt).toBeNull();
    expect(open.reclaimDueAt).not.toBeNull();
    await setPolicy('pool.maxLockedCustomers', 20);
  });
});
