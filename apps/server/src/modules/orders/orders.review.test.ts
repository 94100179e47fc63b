import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { makeCustomer, orderBody, roleUser, stockedProduct } from './orders.testkit.ts';

let env: TestEnv;
let org: Org;
let rep: Client;
let desk: Client;
let manager: Client;
let finance: Client;
let gm: Client;
let wh: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep = await Client.login(env.app, 'rep1');
  manager = await Client.login(env.app, 'manager1');
  finance = await Client.login(env.app, 'finance');
  gm = await Client.login(env.app, 'gm');
  // 销售内业 of 销售一部 reviews the department's orders; its dept head (manager1) approves overrides.
  desk = await roleUser(env, 'desk1', 'sales_assistant', org.dept.sales1);
  ({ warehouseId: wh } = await stockedProduct(env, 'P-REV-0', '0'));
});
afterAll(() => env.close());

async function submitted(
  customerId: number,
  lines: { productId: number; qty: string; unitPrice?: string }[],
  extra: Record<string, unknown> = {},
) {
  const o = (await rep.post('/api/orders', orderBody(customerId, wh, lines, extra))).json();
  const s = await rep.post(`/api/orders/${o.id}/submit`, { version: o.version });
  expect(s.statusCode, s.body).toBe(200);
  return { id: o.id as number, version: s.json().version as number };
}

const reviews = async (id: number) =>
  (
    await env.database.pool.query(
      'select outcome, blockers, evidence from order_reviews where order_id = $1 order by id',
      [id],
    )
  ).rows;

describe('order review (订单评审)', () => {
  it('all checks pass → approved, stock reserved, evidence recorded; the owner cannot review', async () => {
    const c = await makeCustomer(env, rep, '评审通过客户', '100000');
    const { productId } = await stockedProduct(env, 'P-REV-1', '10', wh);
    const o = await submitted(c, [{ productId, qty: '4' }]);
    // rep1 lacks order.review; the order desk may review, but never an order it entered itself.
    expect((await rep.post(`/api/orders/${o.id}/review`, { version: o.version })).statusCode).toBe(403);
    const mine = (await desk.post('/api/orders', orderBody(c, wh, [{ productId, qty: '1' }]))).json();
    const sub = (await desk.post(`/api/orders/${mine.id}/submit`, { version: mine.version })).json();
    const own = await desk.post(`/api/orders/${mine.id}/review`, { version: sub.version });
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toBe('不能评审自己的订单');
    expect((await manager.post(`/api/orders/${o.id}/review`, { version: o.version + 5 })).statusCode).toBe(412);
    const r = await desk.post(`/api/orders/${o.id}/review`, { version: o.version, comment: '同意' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      outcome: 'passed',
      blockers: [],
      status: 'approved',
      creditApprovalInstanceId: null,
    });
    expect(r.json().evidence.credit).toMatchObject({
      limit: '100000.00',
      outstanding: '0.00',
      thisOrder: '452.00',
      exposure: '452.00',
      ok: true,
    });
    expect(r.json().evidence.stock).toEqual([
      { lineNo: 1, productId, requested: '4.0000', available: '10.0000', capacity: null, ok: true },
    ]);
    const d = (await rep.get(`/api/orders/${o.id}`)).json();
    expect(d).toMatchObject({
      status: 'approved',
      latestReview: { outcome: 'passed', reviewedByName: expect.any(String) },
    });
    expect(d.reservations).toEqual([
      { orderLineId: d.lines[0].id, qty: '4.0000', consumedQty: '0.0000', status: 'active' },
    ]);
    const stock = (await rep.get(`/api/stock/availability?productIds=${productId}&warehouseId=${wh}`)).json();
    expect(stock.items[0]).toEqual({ productId, onHand: '10.0000', reserved: '4.0000', available: '6.0000' });
    expect(await reviews(o.id)).toHaveLength(1);
    // Exposure now counts the approved order.
    const o2 = await submitted(c, [{ productId, qty: '1' }]);
    const r2 = (await desk.post(`/api/orders/${o2.id}/review`, { version: o2.version })).json();
    expect(r2.evidence.credit).toMatchObject({ outstanding: '452.00', exposure: '565.00' });
  });

  it('stock shortage → blocked with evidence, stays under review; production allowed with a promised date', async () => {
    const c = await makeCustomer(env, rep, '缺货客户');
    const { productId } = await stockedProduct(env, 'P-REV-2', '3', wh);
    const o = await submitted(c, [{ productId, qty: '5' }], { promisedDate: '2099-12-31' });
    const r = (await desk.post(`/api/orders/${o.id}/review`, { version: o.version })).json();
    expect(r).toMatchObject({ outcome: 'blocked', blockers: ['stock'], status: 'under_review' });
    expect(r.evidence.credit).toMatchObject({ limit: null, ok: true });
    // No override running: the reviewer may review again and the owner may return or cancel.
    expect((await desk.get(`/api/orders/${o.id}`)).json().actions).toContain('pass_review');
    expect((await rep.get(`/api/orders/${o.id}`)).json().actions).toEqual(
      expect.arrayContaining(['return_to_draft', 'cancel']),
    );
    expect(r.evidence.stock[0]).toMatchObject({ requested: '5.0000', available: '3.0000', capacity: null, ok: false });
    const again = (await desk.post(`/api/orders/${o.id}/review`, { version: r.version, allowProduction: true })).json();
    expect(again).toMatchObject({ outcome: 'passed', status: 'approved' });
    expect(again.evidence.stock[0]).toMatchObject({ capacity: '2.0000', ok: true });
    // What is on hand is reserved; the rest is to be produced.
    const d = (await rep.get(`/api/orders/${o.id}`)).json();
    expect(d.reservations[0]).toMatchObject({ qty: '3.0000' });
    expect(await reviews(o.id)).toHaveLength(2);
  });

  it('completeness: an unconfirmed order-desk order and unconfirmed special requirements block', async () => {
    const c = await makeCustomer(env, rep, '完整性客户');
    const { productId } = await stockedProduct(env, 'P-REV-3', '10', wh);
    const o = await submitted(c, [{ productId, qty: '1' }], {
      channel: 'order_desk',
      specialRequirements: '定制颜色：深蓝',
    });
    const r = (await desk.post(`/api/orders/${o.id}/review`, { version: o.version })).json();
    expect(r).toMatchObject({ outcome: 'blocked', blockers: ['completeness'], status: 'under_review' });
    expect(r.evidence.completeness).toEqual(
      expect.arrayContaining([
        { check: 'phone_order_confirmed', ok: false },
        { check: 'special_requirements_confirmed', ok: false },
        { check: 'lines_present', ok: true },
      ]),
    );
    const sp = await rep.post(`/api/orders/${o.id}/confirm-special`, { version: r.version });
    expect(sp.statusCode, sp.body).toBe(200);
    const back = await rep.post(`/api/orders/${o.id}/return`, { version: sp.json().version, reason: '需回访' });
    const conf = await rep.post(`/api/orders/${o.id}/confirm`, {
      version: back.json().version,
      note: '已电话回访确认',
    });
    expect(conf.statusCode, conf.body).toBe(200);
    const sub = await rep.post(`/api/orders/${o.id}/submit`, { version: conf.json().version });
    const ok = (await desk.post(`/api/orders/${o.id}/review`, { version: sub.json().version })).json();
    expect(ok).toMatchObject({ outcome: 'passed', status: 'approved' });
  });

  it('a phone order cannot be submitted before it is confirmed back', async () => {
    const c = await makeCustomer(env, rep, '电话客户');
    const { productId } = await stockedProduct(env, 'P-REV-4', '10', wh);
    const o = (await rep.post('/api/orders', orderBody(c, wh, [{ productId, qty: '1' }], { channel: 'phone' }))).json();
    const s = await rep.post(`/api/orders/${o.id}/submit`, { version: o.version });
    expect(s.statusCode).toBe(409);
    expect(s.json().message).toBe('电话订单须先与客户回访确认后才能提交');
  });

  it('credit blocks → override approval (manager → finance) → approved and reserved', async () => {
    const c = await makeCustomer(env, rep, '超限客户', '1000');
    const { productId } = await stockedProduct(env, 'P-REV-5', '10', wh);
    const o = await submitted(c, [{ productId, qty: '10' }]);
    const r = (await desk.post(`/api/orders/${o.id}/review`, { version: o.version })).json();
    expect(r).toMatchObject({
      outcome: 'blocked',
      blockers: ['credit'],
      status: 'under_review',
      creditOverride: 'pending',
    });
    expect(r.evidence.credit).toMatchObject({ limit: '1000.00', exposure: '1130.00', excess: '130.00', ok: false });
    expect(r.creditApprovalInstanceId).toEqual(expect.any(Number));
    const inst = r.creditApprovalInstanceId;
    expect((await desk.post(`/api/orders/${o.id}/review`, { version: r.version })).json().message).toBe(
      '信用超限审批进行中，请等待审批结果',
    );
    // While the override runs, the detail offers no action the server would refuse.
    expect((await desk.get(`/api/orders/${o.id}`)).json().actions).not.toContain('pass_review');
    const ownerActions = (await rep.get(`/api/orders/${o.id}`)).json().actions;
    expect(ownerActions).not.toContain('return_to_draft');
    expect(ownerActions).not.toContain('cancel');
    const refused = await rep.post(`/api/orders/${o.id}/cancel`, { version: r.version, reason: '试取消' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('信用超限审批进行中，请等待审批结果');
    expect((await manager.post(`/api/approvals/${inst}/approve`, {})).json()).toEqual({ status: 'pending', step: 1 });
    expect((await finance.post(`/api/approvals/${inst}/approve`, {})).json()).toEqual({ status: 'approved' });
    const d = (await rep.get(`/api/orders/${o.id}`)).json();
    expect(d).toMatchObject({ status: 'approved', creditOverride: 'approved', creditApprovalInstanceId: inst });
    expect(d.reservations[0]).toMatchObject({ qty: '10.0000', status: 'active' });
    // The owner takes no part in the override: the instance is closed to them, the order's approvals are not.
    expect((await rep.get(`/api/approvals/${inst}`)).statusCode).toBe(404);
    const mine = await rep.get(`/api/orders/${o.id}/approvals`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({ id: inst, docType: 'order_credit_override', status: 'approved' }),
    ]);
  });

  it('a large excess also needs the general manager; rejection leaves the order under review', async () => {
    const c = await makeCustomer(env, rep, '大额超限客户', '1000');
    const { productId } = await stockedProduct(env, 'P-REV-6', '2000', wh);
    const o = await submitted(c, [{ productId, qty: '1000', unitPrice: '100.00' }]);
    const r = (await desk.post(`/api/orders/${o.id}/review`, { version: o.version })).json();
    expect(r.evidence.credit).toMatchObject({ exposure: '113000.00', excess: '112000.00' });
    const inst = r.creditApprovalInstanceId;
    await manager.post(`/api/approvals/${inst}/approve`, {});
    expect((await finance.post(`/api/approvals/${inst}/approve`, {})).json()).toEqual({ status: 'pending', step: 2 });
    expect((await gm.post(`/api/approvals/${inst}/reject`, { comment: '风险过高' })).json()).toEqual({
      status: 'rejected',
    });
    const d = (await rep.get(`/api/orders/${o.id}`)).json();
    expect(d).toMatchObject({ status: 'under_review', creditOverride: 'rejected', reservations: [] });
    // Reviewing again records the block but starts no second approval.
    const again = (await desk.post(`/api/orders/${o.id}/review`, { version: d.version })).json();
    expect(again).toMatchObject({
      outcome: 'blocked',
      blockers: ['credit'],
      creditApprovalInstanceId: null,
      creditOverride: 'rejected',
    });
    expect(await reviews(o.id)).toHaveLength(2);
    const back = await rep.post(`/api/orders/${o.id}/return`, { version: again.version, reason: '改为预付款' });
    expect(back.json()).toMatchObject({ status: 'draft' });
    expect((await rep.get(`/api/orders/${o.id}`)).json().creditOverride).toBe('none');
  });

  it('override approved after the stock was taken → order stays under review; the next review shows the shortage', async () => {
    const c = await makeCustomer(env, rep, '库存被占客户', '100');
    const other = await makeCustomer(env, rep, '抢库存客户');
    const { productId } = await stockedProduct(env, 'P-REV-9', '3', wh);
    const o = await submitted(c, [{ productId, qty: '3' }]);
    const r = (await desk.post(`/api/orders/${o.id}/review`, { version: o.version })).json();
    expect(r.blockers).toEqual(['credit']);
    const grab = await submitted(other, [{ productId, qty: '2' }]);
    expect((await desk.post(`/api/orders/${grab.id}/review`, { version: grab.version })).json().status).toBe(
      'approved',
    );
    await manager.post(`/api/approvals/${r.creditApprovalInstanceId}/approve`, {});
    await finance.post(`/api/approvals/${r.creditApprovalInstanceId}/approve`, {});
    const d = (await rep.get(`/api/orders/${o.id}`)).json();
    expect(d).toMatchObject({ status: 'under_review', creditOverride: 'approved', reservations: [] });
    const again = (await desk.post(`/api/orders/${o.id}/review`, { version: d.version })).json();
    expect(again).toMatchObject({ outcome: 'blocked', blockers: ['stock'], creditApprovalInstanceId: null });
    expect(again.evidence.credit).toMatchObject({ ok: true, override: 'approved' });
    expect(again.evidence.stock[0]).toMatchObject({ available: '1.0000', ok: false });
    const notes = await env.database.pool.query(
      `select title_key from notifications where user_id = $1 and kind = 'order.credit'`,
      [org.user.rep1],
    );
    expect(notes.rows.map((n) => n.title_key)).toContain('notify.order.credit_approved_stock_short');
  });

  it('no negative stock: 10 on hand, 20 concurrent reviews of 1 each → exactly 10 approved', async () => {
    const c = await makeCustomer(env, rep, '并发客户');
    const { productId } = await stockedProduct(env, 'P-REV-7', '10', wh);
    const orders = [];
    for (let i = 0; i < 20; i++) orders.push(await submitted(c, [{ productId, qty: '1' }]));
    const results = await Promise.all(
      orders.map((o) => desk.post(`/api/orders/${o.id}/review`, { version: o.version })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const outcomes = results.map((r) => r.json().status);
    expect(outcomes.filter((s) => s === 'approved')).toHaveLength(10);
    expect(outcomes.filter((s) => s === 'under_review')).toHaveLength(10);
    const s = (
      await env.database.pool.query('select on_hand, reserved from stock_items where product_id = $1', [productId])
    ).rows[0];
    expect(s).toEqual({ on_hand: '10.0000', reserved: '10.0000' });
    const blocked = results.filter((r) => r.json().status === 'under_review').map((r) => r.json().evidence.stock[0]);
    expect(blocked.every((e) => e.ok === false && e.available === '0.0000')).toBe(true);
  });

  it('cancel releases the reservation', async () => {
    const c = await makeCustomer(env, rep, '取消客户');
    const { productId } = await stockedProduct(env, 'P-REV-8', '5', wh);
    const o = await submitted(c, [{ productId, qty: '5' }]);
    const r = (await desk.post(`/api/orders/${o.id}/review`, { version: o.version })).json();
    expect(r.status).toBe('approved');
    const x = await rep.post(`/api/orders/${o.id}/cancel`, { version: r.version, reason: '客户取消' });
    expect(x.json()).toMatchObject({ status: 'cancelled' });
    const s = (await env.database.pool.query('select reserved from stock_items where product_id = $1', [productId]))
      .rows[0];
    expect(s.reserved).toBe('0.0000');
    const timeline = (await rep.get(`/api/orders/${o.id}/timeline`))
      .json()
      .items.map((i: { action: string }) => i.action);
    expect(timeline).toEqual(
      expect.arrayContaining([
        'create',
        'submit',
        'start_review',
        'review',
        'stock_reserve',
        'approve',
        'stock_release',
        'cancel',
      ]),
    );
    expect((await rep.get(`/api/orders/${o.id}/reviews`)).json().items).toHaveLength(1);
  });
});
