import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { insertCustomer, insertOrder, insertRoleUser } from './deliveries.test-seed.ts';

let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let manager2: Client;
let wh: Client;
let qa: Client;
let warehouseId: number;
let customerId: number;

const pool = () => env.database.pool;
const onHand = async (productId: number) =>
  (
    await pool().query(`select on_hand::text v from stock_items where warehouse_id = $1 and product_id = $2`, [
      warehouseId,
      productId,
    ])
  ).rows[0]?.v;
const orderOf = async (id: number) =>
  (await pool().query(`select status from orders where id = $1`, [id])).rows[0].status;
const deliveredOf = async (lineId: number) =>
  (await pool().query(`select delivered_qty::text v from order_lines where id = $1`, [lineId])).rows[0].v;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await insertRoleUser(env, 'wh1', '库管甲', 'warehouse');
  await insertRoleUser(env, 'qa1', '质检甲', 'qa');
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  manager2 = await Client.login(env.app, 'manager2');
  wh = await Client.login(env.app, 'wh1');
  qa = await Client.login(env.app, 'qa1');
  warehouseId = await insertWarehouse(env, 'WH-D', '发货测试仓');
  customerId = await insertCustomer(env, '杭州发货测试有限公司', org.user.rep1);
});
afterAll(() => env.close());

async function passAll(id: number) {
  let d = (await qa.get(`/api/deliveries/${id}`)).json();
  for (const l of d.lines) {
    const r = await qa.post(`/api/deliveries/${id}/inspect`, { lineId: l.id, status: 'passed', version: d.version });
    expect(r.statusCode, r.body).toBe(200);
    d = r.json();
  }
  return d;
}

describe('partial deliveries', () => {
  it('two notes for one order: partially_delivered, then delivered; over-delivery refused; stock exact', async () => {
    const p = await insertProduct(env, { code: 'D-PART', name: '电机', standardPrice: '100.00' });
    await stockIn(env, warehouseId, p, '20');
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId: p, qty: '10', unitPrice: '100.00' }],
    });
    const a = await rep1.post('/api/deliveries', {
      orderId: o.id,
      lines: [{ orderLineId: o.lineIds[0], qty: '4' }],
      carrier: '顺丰',
      boxCount: 2,
    });
    expect(a.statusCode, a.body).toBe(201);
    const noteA = a.json();
    expect(noteA).toMatchObject({
      status: 'draft',
      orderNo: o.no,
      consignee: '王收货',
      address: '浙江省杭州市滨江区江南大道1号',
      ownerId: org.user.rep1,
    });
    expect(noteA.no).toMatch(/^FH/);
    expect(noteA.lines[0]).toMatchObject({ qty: '4', inspectionStatus: 'pending', productCode: 'D-PART' });

    // Open qty = 10 − 0 delivered − 4 on the other draft note = 6.
    const over = await rep1.post('/api/deliveries', {
      orderId: o.id,
      lines: [{ orderLineId: o.lineIds[0], qty: '7' }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().fields[0]).toMatchObject({ field: 'lines.0.qty', code: 'delivery.line.over_open' });
    expect(over.json().fields[0].message).toContain('超过可发数量 6');
    const b = await rep1.post('/api/deliveries', {
      orderId: o.id,
      lines: [{ orderLineId: o.lineIds[0], qty: '6' }],
      boxCount: 3,
    });
    expect(b.statusCode, b.body).toBe(201);

    const pa = await passAll(noteA.id);
    const shipA = await wh.post(`/api/deliveries/${noteA.id}/ship`, { version: pa.version });
    expect(shipA.statusCode, shipA.body).toBe(200);
    expect(shipA.json().status).toBe('shipped');
    expect(await orderOf(o.id)).toBe('partially_delivered');
    expect(await deliveredOf(o.lineIds[0])).toBe('4.0000');
    expect(await onHand(p)).toBe('16.0000');
    const mv = await pool().query(
      `select kind, qty::text from stock_movements where ref_type = 'delivery' and ref_id = $1`,
      [noteA.id],
    );
    expect(mv.rows).toEqual([{ kind: 'outbound', qty: '-4.0000' }]);

    const pb = await passAll(b.json().id);
    expect((await wh.post(`/api/deliveries/${pb.id}/ship`, { version: pb.version })).statusCode).toBe(200);
    expect(await orderOf(o.id)).toBe('delivered');
    expect(await onHand(p)).toBe('10.0000');
    const again = await rep1.post('/api/deliveries', {
      orderId: o.id,
      lines: [{ orderLineId: o.lineIds[0], qty: '1' }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain(o.no);
  });

  it('two notes created at once cannot together exceed the open quantity (the order is locked)', async () => {
    const p = await insertProduct(env, { code: 'D-RACE' });
    await stockIn(env, warehouseId, p, '20');
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId: p, qty: '10', unitPrice: '10.00' }],
    });
    const body = { orderId: o.id, lines: [{ orderLineId: o.lineIds[0], qty: '6' }] };
    const res = await Promise.all([rep1.post('/api/deliveries', body), rep1.post('/api/deliveries', body)]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const n = await pool().query(`select count(*)::int n from deliveries where order_id = $1`, [o.id]);
    expect(n.rows[0].n).toBe(1);
  });

  it('refuses orders not yet approved and lines of another order', async () => {
    const p = await insertProduct(env, { code: 'D-DRAFT' });
    await stockIn(env, warehouseId, p, '5');
    const draft = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      status: 'submitted',
      lines: [{ productId: p, qty: '1', unitPrice: '10.00' }],
    });
    const other = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId: p, qty: '1', unitPrice: '10.00' }],
    });
    const r = await rep1.post('/api/deliveries', {
      orderId: draft.id,
      lines: [{ orderLineId: draft.lineIds[0], qty: '1' }],
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('delivery.order_not_deliverable');
    const wrong = await rep1.post('/api/deliveries', {
      orderId: other.id,
      lines: [{ orderLineId: draft.lineIds[0], qty: '1' }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].code).toBe('delivery.line.not_in_order');
  });
});

describe('inspection gates shipping', () => {
  it('only 合格 lines ship: a pending line blocks with its line number and status, nothing changes', async () => {
    const p1 = await insertProduct(env, { code: 'D-G1' });
    const p2 = await insertProduct(env, { code: 'D-G2', name: '阀门' });
    await stockIn(env, warehouseId, p1, '5');
    await stockIn(env, warehouseId, p2, '5');
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [
        { productId: p1, qty: '2', unitPrice: '10.00' },
        { productId: p2, qty: '3', unitPrice: '20.00' },
      ],
    });
    const d = (
      await rep1.post('/api/deliveries', {
        orderId: o.id,
        lines: [
          { orderLineId: o.lineIds[0], qty: '2' },
          { orderLineId: o.lineIds[1], qty: '3' },
        ],
        boxCount: 2,
      })
    ).json();
    const i1 = await qa.post(`/api/deliveries/${d.id}/inspect`, {
      lineId: d.lines[0].id,
      status: 'passed',
      version: d.version,
    });
    expect(i1.statusCode, i1.body).toBe(200);
    const blocked = await wh.post(`/api/deliveries/${d.id}/ship`, { version: i1.json().version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toBe(
      '第 2 行「D-G2 阀门」检验状态为「待检」，未检验合格且没有已批准的紧急放行，不能发货',
    );
    const i2 = await qa.post(`/api/deliveries/${d.id}/inspect`, {
      lineId: d.lines[1].id,
      status: 'failed',
      note: '外观划伤',
      version: i1.json().version,
    });
    const failed = await wh.post(`/api/deliveries/${d.id}/ship`, { version: i2.json().version });
    expect(failed.json().message).toContain('「不合格」');
    // 不合格 cannot jump to 合格: it goes to 待处理 / 待检 first.
    const jump = await qa.post(`/api/deliveries/${d.id}/inspect`, {
      lineId: d.lines[1].id,
      status: 'passed',
      version: i2.json().version,
    });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().message).toContain('不能从「不合格」改为「合格」');
    expect(await onHand(p1)).toBe('5.0000');
    expect(await orderOf(o.id)).toBe('approved');
    // A rep may not inspect (QA) nor ship (warehouse).
    expect(
      (
        await rep1.post(`/api/deliveries/${d.id}/inspect`, {
          lineId: d.lines[1].id,
          status: 'on_hold',
          version: i2.json().version,
        })
      ).statusCode,
    ).toBe(403);
    expect((await rep1.post(`/api/deliveries/${d.id}/ship`, { version: i2.json().version })).statusCode).toBe(403);
  });

  it('requires a batch of the product with enough stock for tracked products, and shows its expiry', async () => {
    const p = await insertProduct(env, { code: 'D-BAT', tracking: 'batch' });
    const other = await insertProduct(env, { code: 'D-OTH', tracking: 'batch' });
    const b1 = (await stockIn(env, warehouseId, p, '3', 'LOT-A', '2027-06-30')) as number;
    await stockIn(env, warehouseId, p, '5', 'LOT-B', '2027-12-31');
    const bOther = (await stockIn(env, warehouseId, other, '3', 'LOT-X')) as number;
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId: p, qty: '5', unitPrice: '10.00' }],
    });
    const line = (x: Record<string, unknown>) =>
      rep1.post('/api/deliveries', { orderId: o.id, lines: [{ orderLineId: o.lineIds[0], qty: '2', ...x }] });
    expect((await line({})).json().fields[0]).toMatchObject({
      field: 'lines.0.batchId',
      code: 'delivery.batch.required',
    });
    expect((await line({ batchId: bOther })).json().fields[0].code).toBe('delivery.batch.wrong_product');
    const short = await line({ batchId: b1, qty: '4' });
    expect(short.json().fields[0]).toMatchObject({ code: 'delivery.batch.insufficient' });
    const ok = await line({ batchId: b1 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().lines[0]).toMatchObject({ batchNo: 'LOT-A', expiryDate: '2027-06-30' });
  });
});

describe('editing and scope', () => {
  it('edits a draft with the current version, refuses a stale one (412), cancels with a reason', async () => {
    const p = await insertProduct(env, { code: 'D-EDIT' });
    await stockIn(env, warehouseId, p, '9');
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId: p, qty: '9', unitPrice: '10.00' }],
    });
    const d = (
      await rep1.post('/api/deliveries', { orderId: o.id, lines: [{ orderLineId: o.lineIds[0], qty: '3' }] })
    ).json();
    const body = {
      lines: [{ orderLineId: o.lineIds[0], qty: '5' }],
      carrier: '德邦物流',
      trackingNo: 'DB123',
      boxCount: 3,
      version: d.version,
    };
    const up = await rep1.put(`/api/deliveries/${d.id}`, body);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ carrier: '德邦物流', boxCount: 3, version: d.version + 1 });
    expect(up.json().lines[0].qty).toBe('5');
    const stale = await rep1.put(`/api/deliveries/${d.id}`, { ...body, carrier: '旧' });
    expect(stale.statusCode).toBe(412);
    const audit = await pool().query(
      `select changes from audit_log where entity_type = 'delivery' and entity_id = $1 and action = 'update'`,
      [d.id],
    );
    expect(audit.rows[0].changes).toContainEqual({ field: 'carrier', old: null, new: '德邦物流' });
    const c = await rep1.post(`/api/deliveries/${d.id}/cancel`, { version: up.json().version, reason: '客户改期' });
    expect(c.json().status).toBe('cancelled');
    const again = await rep1.post(`/api/deliveries/${d.id}/cancel`, { version: c.json().version, reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('送货单当前状态为「已作废」，不能执行「作废」');
  });

  it('an edit keeps the inspection of a line left as it was, and sends a changed line back to 待检', async () => {
    const p1 = await insertProduct(env, { code: 'D-KEEP1' });
    const p2 = await insertProduct(env, { code: 'D-KEEP2' });
    await stockIn(env, warehouseId, p1, '5');
    await stockIn(env, warehouseId, p2, '5');
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [
        { productId: p1, qty: '3', unitPrice: '10.00' },
        { productId: p2, qty: '3', unitPrice: '10.00' },
      ],
    });
    const lines = (q1: string, q2: string) => [
      { orderLineId: o.lineIds[0], qty: q1 },
      { orderLineId: o.lineIds[1], qty: q2 },
    ];
    const d = (await rep1.post('/api/deliveries', { orderId: o.id, lines: lines('2', '2') })).json();
    const passed = await passAll(d.id);
    const up = await rep1.put(`/api/deliveries/${d.id}`, { lines: lines('2.0', '1'), version: passed.version });
    expect(up.statusCode, up.body).toBe(200);
    const [kept, changed] = up.json().lines;
    expect(kept).toMatchObject({ id: d.lines[0].id, qty: '2', inspectionStatus: 'passed', inspectedByName: '质检甲' });
    expect(changed).toMatchObject({ orderLineId: o.lineIds[1], qty: '1', inspectionStatus: 'pending' });
    expect(changed.id).not.toBe(d.lines[1].id);
    const n = await pool().query(`select count(*)::int n from delivery_lines where delivery_id = $1`, [d.id]);
    expect(n.rows[0].n).toBe(2);
    const blocked = await wh.post(`/api/deliveries/${d.id}/ship`, { version: up.json().version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('delivery.ship.line_blocked');
  });

  it('hides a note from another department (404 by id, absent from list and count)', async () => {
    const p = await insertProduct(env, { code: 'D-SCOPE' });
    await stockIn(env, warehouseId, p, '2');
    const o = await insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      lines: [{ productId: p, qty: '1', unitPrice: '10.00' }],
    });
    const d = (
      await rep1.post('/api/deliveries', { orderId: o.id, lines: [{ orderLineId: o.lineIds[0], qty: '1' }] })
    ).json();
    for (const c of [rep2, manager2]) {
      expect((await c.get(`/api/deliveries/${d.id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/deliveries/${d.id}/pdf`)).statusCode).toBe(404);
      expect((await c.get(`/api/trace/deliveries/${d.id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/deliveries?orderId=${o.id}`)).json().items).toEqual([]);
      expect((await c.get(`/api/deliveries/count?orderId=${o.id}`)).json().total).toBe(0);
    }
    // rep2 cannot make a note of rep1's order either.
    const r = await rep2.post('/api/deliveries', { orderId: o.id, lines: [{ orderLineId: o.lineIds[0], qty: '1' }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields[0]).toMatchObject({ field: 'orderId', code: 'delivery.order.invalid' });
    expect((await rep1.get(`/api/deliveries?orderId=${o.id}`)).json().items.map((x: { id: number }) => x.id)).toEqual([
      d.id,
    ]);
    expect(
      (await rep1.get(`/api/deliveries/count?keyword=${encodeURIComponent('发货测试')}`)).json().total,
    ).toBeGreaterThan(0);
  });
});
