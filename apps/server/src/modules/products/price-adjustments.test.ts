import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, PASSWORD, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { roles, userRoles, users } from '../../platform/org/org.schema.ts';

let env: TestEnv;
let org: Org;
let pricer: Client; // a sales manager in 销售一部一组: its branch head (部门负责人) is manager1
let manager: Client;
let gm: Client;
let board: Client;
let rep: Client;
let admin: Client;

async function mkUser(username: string, deptId: number, role: string, mobile: string) {
  const db = env.database.db;
  const [r] = await db.select().from(roles).where(eq(roles.code, role));
  const [u] = await db
    .insert(users)
    .values({ username, name: username, deptId, passwordHash: await hashPassword(PASSWORD), mobile })
    .returning();
  await db.insert(userRoles).values({ userId: u.id, roleId: r.id });
  return u.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await mkUser('pricer', org.dept.sales1team, 'sales_manager', '13911110001');
  await mkUser('board1', org.dept.mgmt, 'board', '13911110002');
  pricer = await Client.login(env.app, 'pricer');
  manager = await Client.login(env.app, 'manager1');
  gm = await Client.login(env.app, 'gm');
  board = await Client.login(env.app, 'board1');
  rep = await Client.login(env.app, 'rep1');
  admin = await Client.login(env.app, 'admin');
});
afterAll(() => env.close());

const prices = async (id: number) => {
  const p = (await rep.get(`/api/products/${id}`)).json();
  return [p.standardPrice, p.floorPrice];
};
const steps = async (instanceId: number) =>
  (await pricer.get(`/api/approvals/${instanceId}`)).json().steps.map((s: { name: string }) => s.name);
const request = (id: number, newStandardPrice: string, newFloorPrice: string, reason = '市场竞争') =>
  pricer.post(`/api/products/${id}/price-adjustments`, { newStandardPrice, newFloorPrice, reason });

describe('price adjustments (调价) through approval', () => {
  it('validates the request and refuses users without price.adjust', async () => {
    const id = await insertProduct(env, { code: 'ADJ-V', standardPrice: '100.00', floorPrice: '80.00' });
    const floor = await request(id, '90.00', '95.00');
    expect(floor.statusCode).toBe(400);
    expect(floor.json().fields[0]).toMatchObject({ field: 'newFloorPrice', message: '最低限价不能高于标准价' });
    const same = await request(id, '100', '80.00');
    expect(same.json().fields[0]).toMatchObject({ field: 'newStandardPrice', message: '新价格与现行价格相同' });
    expect(
      (
        await rep.post(`/api/products/${id}/price-adjustments`, {
          newStandardPrice: '1.00',
          newFloorPrice: '1.00',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await request(987654, '1.00', '1.00')).statusCode).toBe(404);
    expect((await pricer.get(`/api/products/${id}/price-adjustments`)).json().items).toEqual([]);
  });

  it('a raise needs the general manager only, and applies on approval with an audit row on the product', async () => {
    const id = await insertProduct(env, { code: 'ADJ-R', standardPrice: '100.00', floorPrice: '80.00' });
    const res = await request(id, '110.00', '85.00', '原材料涨价');
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ status: 'pending', cutPercent: '-6.25' });
    expect(r.no).toMatch(/^TJ-?\d{4}-?\d{5}$/);
    expect(await steps(r.instanceId)).toEqual(['总经理审批']);
    expect(await prices(id)).toEqual(['100.00', '80.00']);
    expect((await gm.post(`/api/approvals/${r.instanceId}/approve`, {})).json()).toEqual({ status: 'approved' });
    expect(await prices(id)).toEqual(['110.00', '85.00']);
    const audit = await env.database.pool.query(
      `select action, changes, comment from audit_log where entity_type = 'product' and entity_id = $1`,
      [id],
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({
        action: 'price_change',
        changes: [
          { field: 'standardPrice', old: '100.00', new: '110.00' },
          { field: 'floorPrice', old: '80.00', new: '85.00' },
        ],
      }),
    ]);
    expect((await pricer.get(`/api/products/${id}/price-adjustments`)).json().items[0]).toMatchObject({
      status: 'approved',
      instanceId: r.instanceId,
    });
    expect((await pricer.get('/api/notifications')).json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          titleKey: 'notify.priceAdjustment.approved',
          params: { product: '产品ADJ-R', standardPrice: '110.00', floorPrice: '85.00' },
        }),
      ]),
    );
  });

  it('a cut within policy needs the branch head then the general manager; one pending request per product', async () => {
    const id = await insertProduct(env, { code: 'ADJ-C', standardPrice: '100.00', floorPrice: '80.00' });
    const r = (await request(id, '95.00', '80.00')).json();
    expect(r.cutPercent).toBe('5.00');
    expect(await steps(r.instanceId)).toEqual(['分公司总经理审批', '总经理审批']);
    const second = await request(id, '90.00', '80.00');
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe('该产品已有审批中的调价申请');
    expect((await rep.get(`/api/products/${id}`)).json().pendingAdjustmentId).toBe(r.id);
    // The general manager cannot skip the branch head's step.
    expect((await gm.post(`/api/approvals/${r.instanceId}/approve`, {})).statusCode).toBeGreaterThanOrEqual(400);
    expect((await manager.post(`/api/approvals/${r.instanceId}/approve`, {})).json()).toEqual({
      status: 'pending',
      step: 1,
    });
    expect(await prices(id)).toEqual(['100.00', '80.00']);
    expect((await gm.post(`/api/approvals/${r.instanceId}/approve`, {})).json()).toEqual({ status: 'approved' });
    expect(await prices(id)).toEqual(['95.00', '80.00']);
  });

  it('two concurrent requests for one product: one is accepted, the other refused (409)', async () => {
    const id = await insertProduct(env, { code: 'ADJ-RACE', standardPrice: '100.00', floorPrice: '80.00' });
    const res = await Promise.all([request(id, '96.00', '80.00'), request(id, '97.00', '80.00')]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await env.database.pool.query(
      `select count(*)::int as n from price_adjustments where product_id = $1`,
      [id],
    );
    expect(rows.rows[0].n).toBe(1);
  });

  it('a cut beyond prices.majorCutPercent also needs the board; each approver in turn', async () => {
    const id = await insertProduct(env, { code: 'ADJ-M', standardPrice: '100.00', floorPrice: '80.00' });
    // The floor cut (80 → 70 = 12.5 %) is the larger one and makes it major (policy 10 %).
    const r = (await request(id, '98.00', '70.00', '清库存')).json();
    expect(r.cutPercent).toBe('12.50');
    expect(await steps(r.instanceId)).toEqual(['分公司总经理审批', '总经理审批', '董事会审批']);
    expect((await manager.post(`/api/approvals/${r.instanceId}/approve`, {})).json()).toEqual({
      status: 'pending',
      step: 1,
    });
    expect((await gm.post(`/api/approvals/${r.instanceId}/approve`, {})).json()).toEqual({
      status: 'pending',
      step: 2,
    });
    expect(await prices(id)).toEqual(['100.00', '80.00']);
    expect((await board.post(`/api/approvals/${r.instanceId}/approve`, { comment: '同意' })).json()).toEqual({
      status: 'approved',
    });
    expect(await prices(id)).toEqual(['98.00', '70.00']);
    const history = (await rep.get(`/api/price-adjustments/${r.id}/approvals`)).json().items;
    expect(history[0]).toMatchObject({ status: 'approved' });
  });

  it('the threshold is a policy: raised to 15 %, the same 12.5 % cut is no longer major', async () => {
    const pol = (await admin.get('/api/policies'))
      .json()
      .items.find((p: { key: string }) => p.key === 'prices.majorCutPercent');
    expect(
      (await admin.put('/api/policies/prices.majorCutPercent', { value: '15.00', version: pol.version ?? 0 }))
        .statusCode,
    ).toBe(200);
    const id = await insertProduct(env, { code: 'ADJ-P', standardPrice: '100.00', floorPrice: '80.00' });
    const r = (await request(id, '98.00', '70.00')).json();
    expect(await steps(r.instanceId)).toEqual(['分公司总经理审批', '总经理审批']);
    expect(
      (await admin.put('/api/policies/prices.majorCutPercent', { value: '10.00', version: (pol.version ?? 0) + 1 }))
        .statusCode,
    ).toBe(200);
  });

  it('rejection and withdrawal leave the price unchanged and free the product for a new request', async () => {
    const id = await insertProduct(env, { code: 'ADJ-X', standardPrice: '100.00', floorPrice: '80.00' });
    const r = (await request(id, '50.00', '40.00')).json();
    expect((await manager.post(`/api/approvals/${r.instanceId}/approve`, {})).json()).toEqual({
      status: 'pending',
      step: 1,
    });
    expect((await gm.post(`/api/approvals/${r.instanceId}/reject`, { comment: '降幅过大' })).json()).toEqual({
      status: 'rejected',
    });
    expect(await prices(id)).toEqual(['100.00', '80.00']);
    const w = (await request(id, '99.00', '80.00')).json();
    expect((await pricer.post(`/api/approvals/${w.instanceId}/withdraw`, {})).json()).toEqual({ status: 'withdrawn' });
    expect(await prices(id)).toEqual(['100.00', '80.00']);
    const list = (await pricer.get(`/api/products/${id}/price-adjustments`)).json().items;
    expect(list.map((a: { status: string }) => a.status)).toEqual(['withdrawn', 'rejected']);
    const audit = await env.database.pool.query(
      `select count(*)::int as n from audit_log where entity_type = 'product' and entity_id = $1`,
      [id],
    );
    expect(audit.rows[0].n).toBe(0);
    expect((await request(id, '97.00', '80.00')).statusCode).toBe(201);
  });

  // Runs last: it adds a second director, whom every later major cut would wait for.
  it('the board step of a major cut needs every director (会签): one approval is not enough', async () => {
    await mkUser('board2', org.dept.mgmt, 'board', '13911110003');
    const board2 = await Client.login(env.app, 'board2');
    const id = await insertProduct(env, { code: 'ADJ-B', standardPrice: '100.00', floorPrice: '80.00' });
    const r = (await request(id, '80.00', '60.00', '清库存')).json();
    const inst = (await pricer.get(`/api/approvals/${r.instanceId}`)).json();
    expect(inst.steps[2]).toMatchObject({ name: '董事会审批', mode: 'all' });
    await manager.post(`/api/approvals/${r.instanceId}/approve`, {});
    await gm.post(`/api/approvals/${r.instanceId}/approve`, {});
    expect((await board.post(`/api/approvals/${r.instanceId}/approve`, { comment: '同意' })).json()).toEqual({
      status: 'pending',
      step: 2,
    });
    // One director has approved: the price has not moved and the request is still pending.
    expect(await prices(id)).toEqual(['100.00', '80.00']);
    expect((await pricer.get(`/api/products/${id}/price-adjustments`)).json().items[0].status).toBe('pending');
    // The same director cannot approve twice.
    expect((await board.post(`/api/approvals/${r.instanceId}/approve`, {})).statusCode).toBe(409);
    expect((await board2.post(`/api/approvals/${r.instanceId}/approve`, { comment: '同意' })).json()).toEqual({
      status: 'approved',
    });
    expect(await prices(id)).toEqual(['80.00', '60.00']);

    // Any one director's refusal stops a major cut.
    const id2 = await insertProduct(env, { code: 'ADJ-B2', standardPrice: '100.00', floorPrice: '80.00' });
    const r2 = (await request(id2, '80.00', '60.00')).json();
    await manager.post(`/api/approvals/${r2.instanceId}/approve`, {});
    await gm.post(`/api/approvals/${r2.instanceId}/approve`, {});
    await board.post(`/api/approvals/${r2.instanceId}/approve`, {});
    expect((await board2.post(`/api/approvals/${r2.instanceId}/reject`, { comment: '降幅过大' })).json()).toEqual({
      status: 'rejected',
    });
    expect(await prices(id2)).toEqual(['100.00', '80.00']);
  });
});
