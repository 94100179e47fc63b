import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRoleUser } from '../src/modules/deliveries/deliveries.test-seed.ts';
import { insertOrder as insertFinanceOrder } from '../src/modules/finance/finance.fixtures.ts';
import { makeCustomer, orderBody, roleUser, stockedProduct } from '../src/modules/orders/orders.testkit.ts';
import { deliverWebhooks } from '../src/platform/webhooks/index.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from './harness.ts';
import { WebhookReceiver } from './webhook-receiver.ts';

/**
 * SPEC 1.11: the three business events fire from the real flows — order review passed, delivery
 * signed off, invoice fully paid — and carry ids, numbers, amounts as strings and status only.
 */
let env: TestEnv;
let org: Org;
let rep: Client;
let desk: Client;
let qa: Client;
let wh: Client;
let fin: Client;
let receiver: WebhookReceiver;
let warehouseId: number;
let customerId: number;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
let ext = 0;
const externalNo = () => `0440${Date.now().toString().slice(-6)}${String(++ext).padStart(3, '0')}`;

/** Sends what is due and returns the events the receiver got since the last call. */
async function sent() {
  receiver.reset();
  await deliverWebhooks(env.database.db);
  return receiver.events();
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep = await Client.login(env.app, 'rep1');
  fin = await Client.login(env.app, 'finance');
  desk = await roleUser(env, 'desk1', 'sales_assistant', org.dept.sales1);
  await insertRoleUser(env, 'qa1', '质检甲', 'qa');
  await insertRoleUser(env, 'wh1', '库管甲', 'warehouse');
  qa = await Client.login(env.app, 'qa1');
  wh = await Client.login(env.app, 'wh1');
  receiver = await WebhookReceiver.start();
  const admin = await Client.login(env.app, 'admin');
  const res = await admin.post('/api/webhooks', {
    url: receiver.url,
    events: ['order.approved', 'delivery.delivered', 'invoice.paid'],
  });
  expect(res.statusCode, res.body).toBe(201);
  ({ warehouseId } = await stockedProduct(env, 'WH-EV-0', '0'));
  customerId = await makeCustomer(env, rep, '事件推送测试客户', '100000');
});
afterAll(async () => {
  await receiver.close();
  await env.close();
});

describe('business events', () => {
  let order: { id: number; version: number };

  it('order.approved fires when the order review passes, not when it is blocked', async () => {
    const { productId } = await stockedProduct(env, 'P-EV-1', '10', warehouseId);
    const blocked = (
      await rep.post('/api/orders', orderBody(customerId, warehouseId, [{ productId, qty: '50' }]))
    ).json();
    const bs = (await rep.post(`/api/orders/${blocked.id}/submit`, { version: blocked.version })).json();
    const br = await desk.post(`/api/orders/${blocked.id}/review`, { version: bs.version });
    expect(br.json().outcome).toBe('blocked');
    expect(await sent()).toEqual([]);

    const o = (await rep.post('/api/orders', orderBody(customerId, warehouseId, [{ productId, qty: '4' }]))).json();
    const s = (await rep.post(`/api/orders/${o.id}/submit`, { version: o.version })).json();
    const r = await desk.post(`/api/orders/${o.id}/review`, { version: s.version });
    expect(r.json()).toMatchObject({ outcome: 'passed', status: 'approved' });
    order = { id: o.id, version: r.json().version };
    const events = await sent();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'order.approved',
      data: {
        orderId: o.id,
        orderNo: o.no,
        customerId,
        status: 'approved',
        currency: 'CNY',
        totalNet: '400.00',
        totalTax: '52.00',
        totalGross: '452.00',
      },
    });
    // No personal data of the consignee travels with it.
    expect(receiver.received[0].body).not.toMatch(/consignee|address|phone|13\d{9}/i);
  });

  it('delivery.delivered fires when the customer signs the note, not when it ships', async () => {
    const detail = (await rep.get(`/api/orders/${order.id}`)).json();
    const created = await rep.post('/api/deliveries', {
      orderId: order.id,
      lines: [{ orderLineId: detail.lines[0].id, qty: '4' }],
      carrier: '顺丰速运',
      boxCount: 1,
      consignee: '王收货',
      consigneePhone: '13900001111',
      address: '浙江省杭州市滨江区江南大道1号',
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    const passed = (
      await qa.post(`/api/deliveries/${d.id}/inspect`, { lineId: d.lines[0].id, status: 'passed', version: d.version })
    ).json();
    const shipped = await wh.post(`/api/deliveries/${d.id}/ship`, { version: passed.version });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(await sent()).toEqual([]);
    const signed = await rep.post(`/api/deliveries/${d.id}/sign`, {
      version: shipped.json().version,
      signerName: '李收货',
      signedDate: today(),
      file: { fileName: '签收单.png', mimeType: 'image/png', contentBase64: PNG },
      lines: [{ lineId: d.lines[0].id, receivedQty: '3' }],
      discrepancy: '破损1台',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const events = await sent();
    expect(events).toEqual([
      expect.objectContaining({
        type: 'delivery.delivered',
        data: {
          deliveryId: d.id,
          deliveryNo: d.no,
          orderId: order.id,
          customerId,
          status: 'signed',
          signedDate: today(),
          hasDiscrepancy: true,
          lines: [
            {
              lineNo: 1,
              orderLineId: detail.lines[0].id,
              productId: detail.lines[0].productId,
              qty: '4',
              receivedQty: '3',
            },
          ],
        },
      }),
    ]);
    for (const personal of ['李收货', '王收货', '13900001111', '江南大道'])
      expect(receiver.received[0].body).not.toContain(personal);
  });

  it('invoice.paid fires once, when the last payment settles the invoice', async () => {
    const inv = await fin.post('/api/invoices', { orderId: order.id, kind: 'vat_special', externalNo: externalNo() });
    expect(inv.statusCode, inv.body).toBe(201);
    expect(await sent()).toEqual([]);
    const pay = (amount: string) =>
      fin.post('/api/payments', {
        orderId: order.id,
        kind: 'instalment',
        method: 'transfer',
        amount,
        receivedDate: today(),
        payerName: '事件推送测试客户',
      });
    expect((await pay('400.00')).statusCode).toBe(201);
    expect(await sent()).toEqual([]);
    expect((await pay('52.00')).statusCode).toBe(201);
    const events = await sent();
    expect(events).toEqual([
      expect.objectContaining({
        type: 'invoice.paid',
        data: expect.objectContaining({
          invoiceId: inv.json().id,
          invoiceNo: inv.json().no,
          orderId: order.id,
          customerId,
          status: 'paid',
          totalGross: '452.00',
        }),
      }),
    ]);
  });

  it('invoice.paid fires at issue for an invoice against money already collected, once', async () => {
    const o = await insertFinanceOrder(env, { customerId, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1 });
    const paid = await fin.post('/api/payments', {
      orderId: o.id,
      kind: 'full',
      method: 'transfer',
      amount: o.totalGross,
      receivedDate: today(),
      payerName: '事件推送测试客户',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(await sent()).toEqual([]);
    const half = await fin.post('/api/invoices', {
      orderId: o.id,
      kind: 'vat_normal',
      externalNo: externalNo(),
      lines: [{ description: '产品1', unit: '台', qty: '5', unitPrice: '100.00', taxRate: '13.00' }],
    });
    expect(half.statusCode, half.body).toBe(201);
    const events = await sent();
    expect(events.map((e) => [e.type, e.data.invoiceId, e.data.totalGross])).toEqual([
      ['invoice.paid', half.json().id, '565.00'],
    ]);
    // Found settled again when the second invoice is issued: still sent once.
    const rest = await fin.post('/api/invoices', {
      orderId: o.id,
      kind: 'vat_normal',
      externalNo: externalNo(),
      lines: [{ description: '产品1', unit: '台', qty: '5', unitPrice: '100.00', taxRate: '13.00' }],
    });
    expect(rest.statusCode, rest.body).toBe(201);
    expect((await sent()).map((e) => e.data.invoiceId)).toEqual([rest.json().id]);
  });
});
