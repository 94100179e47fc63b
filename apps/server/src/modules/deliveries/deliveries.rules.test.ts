import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { pdfText } from '../../platform/printing/pdf-text.ts';
import { insertCustomer, insertOrder, insertRoleUser } from './deliveries.test-seed.ts';

/**
 * Rules of shipping that the regulations state (issue 9): box count and consignee phone, counter
 * sales released only against a paid sales voucher, variant attributes on the printed note, and the
 * trace from a customer back to every batch they received.
 */
let env: TestEnv;
let org: Org;
let rep1: Client;
let wh: Client;
let qa: Client;
let fin: Client;
let warehouseId: number;
let customerId: number;

const pool = () => env.database.pool;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await insertRoleUser(env, 'wh1', '库管甲', 'warehouse');
  await insertRoleUser(env, 'qa1', '质检甲', 'qa');
  [rep1, wh, qa, fin] = await Promise.all(['rep1', 'wh1', 'qa1', 'finance'].map((u) => Client.login(env.app, u)));
  warehouseId = await insertWarehouse(env, 'WH-R', '规则测试仓');
  customerId = await insertCustomer(env, '杭州门市测试客户', org.user.rep1);
});
afterAll(() => env.close());

const onHand = async (productId: number) =>
  (await pool().query('select on_hand::text v from stock_items where product_id = $1', [productId])).rows[0].v;

/** An approved order of one product and a draft note of `qty`, every line inspected 合格. */
async function passedNote(
  code: string,
  qty: string,
  body: Record<string, unknown> = {},
  opts: { batch?: string; customer?: number; price?: string } = {},
) {
  const p = await insertProduct(env, { code, name: `产品${code}`, tracking: opts.batch ? 'batch' : 'none' });
  const b = await stockIn(env, warehouseId, p, '20', opts.batch);
  const o = await insertOrder(env, {
    customerId: opts.customer ?? customerId,
    ownerId: org.user.rep1,
    warehouseId,
    lines: [{ productId: p, qty, unitPrice: opts.price ?? '100.00' }],
  });
  const r = await rep1.post('/api/deliveries', {
    orderId: o.id,
    lines: [{ orderLineId: o.lineIds[0], qty, batchId: b }],
    ...body,
  });
  expect(r.statusCode, r.body).toBe(201);
  const d = r.json();
  const inspected = await qa.post(`/api/deliveries/${d.id}/inspect`, {
    lineId: d.lines[0].id,
    status: 'passed',
    version: d.version,
  });
  expect(inspected.statusCode, inspected.body).toBe(200);
  return { productId: p, batchId: b, order: o, d: inspected.json() };
}

describe('shipping needs the box count (件数) and a consignee phone (SPEC 3.5)', () => {
  it('refuses with a field error per missing item, changes nothing; ships once both are given', async () => {
    const { productId, order, d } = await passedNote('R-BOX', '2');
    await pool().query(`update deliveries set consignee_phone = null where id = $1`, [d.id]);
    const cur = (await rep1.get(`/api/deliveries/${d.id}`)).json();
    const res = await wh.post(`/api/deliveries/${d.id}/ship`, { version: cur.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { field: 'boxCount', code: 'delivery.ship.box_count_required', message: '发货前须填写件数（箱数）' },
      { field: 'consigneePhone', code: 'delivery.ship.phone_required', message: '发货前须填写收货人联系电话' },
    ]);
    expect((await rep1.get(`/api/deliveries/${d.id}`)).json()).toMatchObject({ status: 'draft', version: cur.version });
    expect(await onHand(productId)).toBe('20.0000');

    // A phone that reaches nobody is refused as typed, and at shipping when it came from elsewhere.
    const lines = [{ orderLineId: order.lineIds[0], qty: '2' }];
    const bad = await rep1.put(`/api/deliveries/${d.id}`, { lines, consigneePhone: '12345', version: cur.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      {
        field: 'consigneePhone',
        code: 'delivery.phone_invalid',
        message: '联系电话须为有效的手机号或带区号的固定电话',
      },
    ]);
    await pool().query(`update deliveries set consignee_phone = '8888' where id = $1`, [d.id]);
    const stale = await wh.post(`/api/deliveries/${d.id}/ship`, { version: cur.version });
    expect(stale.json().fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['boxCount', 'delivery.ship.box_count_required'],
      ['consigneePhone', 'delivery.phone_invalid'],
    ]);

    const up = await rep1.put(`/api/deliveries/${d.id}`, {
      lines,
      boxCount: 2,
      consigneePhone: '0571-88886666',
      version: cur.version,
    });
    expect(up.statusCode, up.body).toBe(200);
    const shipped = await wh.post(`/api/deliveries/${d.id}/ship`, { version: up.json().version });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json()).toMatchObject({ status: 'shipped', boxCount: 2, consigneePhone: '0571-88886666' });
    expect(await onHand(productId)).toBe('18.0000');
  });
});

describe('counter sales (门市销售): goods only against a paid sales voucher', () => {
  it('holds the goods until the full amount is paid at the counter, with tendered and change recorded', async () => {
    // 3 × 28.80 = 86.40 net + 13 % tax 11.23 = 97.63 due.
    const { productId, order, d } = await passedNote('R-CTR', '3', { boxCount: 1 }, { price: '28.80' });
    await pool().query(`update orders set channel = 'counter' where id = $1`, [order.id]);
    await pool().query(
      `update order_lines set attributes = '{"品牌":"华东智造","颜色":"白","尺码":"L"}' where order_id = $1`,
      [order.id],
    );
    const refused = await wh.post(`/api/deliveries/${d.id}/ship`, { version: d.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      `门市订单 ${order.no} 须凭已收款的销售凭证放货：应收 ¥97.63，已收 ¥0.00，尚欠 ¥97.63`,
    );
    expect(await onHand(productId)).toBe('20.0000');

    const pay = (extra: Record<string, unknown>) =>
      fin.post('/api/payments', {
        orderId: order.id,
        kind: 'full',
        method: 'cash',
        amount: '97.63',
        receivedDate: today(),
        payerName: '门市顾客',
        ...extra,
      });
    // 唱收唱找: cash at the counter records what was handed over; less than due is refused.
    expect((await pay({})).json().fields).toEqual([
      {
        field: 'tendered',
        code: 'payment.tendered_required',
        message: '门市现金收款须填写顾客实付金额（唱收唱找）',
      },
    ]);
    expect((await pay({ tendered: '90.00' })).json().fields[0]).toMatchObject({
      field: 'tendered',
      code: 'payment.tendered_short',
      message: '实收金额不能少于应收金额',
    });
    const n = await pool().query('select count(*)::int n from payments where order_id = $1', [order.id]);
    expect(n.rows[0].n).toBe(0);

    // A rep's reported collection does not release the goods until finance confirms it.
    const reported = await rep1.post('/api/payments', {
      orderId: order.id,
      kind: 'deposit',
      method: 'transfer',
      amount: '50.00',
      receivedDate: today(),
      payerName: '门市顾客',
    });
    expect(reported.json()).toMatchObject({ status: 'reported' });
    expect((await wh.post(`/api/deliveries/${d.id}/ship`, { version: d.version })).statusCode).toBe(409);
    await fin.post(`/api/payments/${reported.json().id}/reject`, { version: 1, reason: '未到账' });

    const paid = await pay({ tendered: '100' });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      status: 'confirmed',
      amount: '97.63',
      tenderedAmount: '100.00',
      changeAmount: '2.37',
    });
    const row = await pool().query(
      'select tendered_amount::text t, change_amount::text c from payments where id = $1',
      [paid.json().id],
    );
    expect(row.rows[0]).toEqual({ t: '100.00', c: '2.37' });

    // The paid voucher prints the goods with brand, colour and size, what was due, tendered and the change.
    const receipt = await fin.get(`/api/payments/${paid.json().id}/receipt`);
    expect(receipt.statusCode).toBe(200);
    const text = (await pdfText(receipt.rawPayload)).replace(/\s+/g, '');
    for (const s of [
      '销售凭证（收款收据）',
      '顾客联（凭此取货）',
      // (jsonb keeps attributes in its own key order.)
      '产品R-CTR品牌:华东智造尺码:L颜色:白',
      '应收金额：¥97.63',
      '实收（顾客交款）：¥100.00',
      '找零：¥2.37',
      '玖拾柒元陆角叁分',
      '收款专用章',
    ])
      expect(text).toContain(s);

    const shipped = await wh.post(`/api/deliveries/${d.id}/ship`, { version: d.version });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(await onHand(productId)).toBe('17.0000');
  });

  it('does not hold an order of another channel', async () => {
    const { d } = await passedNote('R-REP', '1', { boxCount: 1 });
    expect((await wh.post(`/api/deliveries/${d.id}/ship`, { version: d.version })).statusCode).toBe(200);
  });
});

describe('the printed 送货单 carries the variant attributes (SPEC 2.8)', () => {
  it('prints brand, colour and size after the spec on every copy', async () => {
    const { order, d } = await passedNote('R-PDF', '1', { boxCount: 1 });
    await pool().query(
      `update order_lines set spec = 'A4', attributes = '{"品牌":"华东智造","颜色":"蓝"}' where order_id = $1`,
      [order.id],
    );
    expect((await rep1.get(`/api/deliveries/${d.id}`)).json().lines[0].attributes).toEqual({
      品牌: '华东智造',
      颜色: '蓝',
    });
    const text = (await pdfText((await rep1.get(`/api/deliveries/${d.id}/pdf`)).rawPayload)).replace(/\s+/g, '');
    expect(text.split('A4品牌:华东智造颜色:蓝').length - 1).toBe(3);
  });
});

describe('traceability from a customer back to every batch they received (SPEC 3.5)', () => {
  it('lists each shipped batch with its notes; not drafts, not other customers; search by name', async () => {
    const buyer = await insertCustomer(env, '温州回溯客户有限公司', org.user.rep1);
    const other = await insertCustomer(env, '温州他人客户有限公司', org.user.rep1);
    const a = await passedNote('R-TA', '2', { boxCount: 1 }, { batch: 'RT-A', customer: buyer });
    const b = await passedNote('R-TB', '3', { boxCount: 1 }, { batch: 'RT-B', customer: buyer });
    const c = await passedNote('R-TC', '1', { boxCount: 1 }, { batch: 'RT-C', customer: other });
    await passedNote('R-TD', '1', { boxCount: 1 }, { batch: 'RT-D', customer: buyer }); // stays a draft
    for (const x of [a, b, c]) {
      const s = await wh.post(`/api/deliveries/${x.d.id}/ship`, { version: x.d.version });
      expect(s.statusCode, s.body).toBe(200);
    }
    const res = await qa.get(`/api/trace/customers/${buyer}`);
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json();
    expect(t.customer).toMatchObject({ id: buyer, name: '温州回溯客户有限公司' });
    expect(t.batchCount).toBe(2);
    expect(
      t.batches.map((x: { batchNo: string; productCode: string; totalQty: string }) => [
        x.batchNo,
        x.productCode,
        x.totalQty,
      ]),
    ).toEqual([
      ['RT-B', 'R-TB', '3'],
      ['RT-A', 'R-TA', '2'],
    ]);
    expect(t.batches[1].deliveries).toEqual([
      expect.objectContaining({ deliveryId: a.d.id, deliveryNo: a.d.no, orderNo: a.order.no, qty: '2' }),
    ]);
    // The batch trace agrees the other way round.
    expect((await qa.get(`/api/trace/batches/${a.batchId}`)).json().deliveries[0]).toMatchObject({ customerId: buyer });

    expect((await qa.get('/api/trace/customers?keyword=回溯')).json().items).toEqual([
      { id: buyer, no: expect.any(String), name: '温州回溯客户有限公司' },
    ]);
    expect((await qa.get('/api/trace/customers/987654321')).statusCode).toBe(404);
    // Traceability is for roles granted trace.view.
    expect((await rep1.get(`/api/trace/customers/${buyer}`)).statusCode).toBe(403);
  });
});
