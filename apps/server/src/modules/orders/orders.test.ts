import { OrderInput } from '@sales/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { createOrder } from './index.ts';
import { makeCustomer, orderBody, stockedProduct } from './orders.testkit.ts';

let env: TestEnv;
let org: Org;
let rep: Client;
let rep2: Client;
let manager: Client;
let customer: number;
let wh: number;
let product: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  manager = await Client.login(env.app, 'manager1');
  customer = await makeCustomer(env, rep, '订单测试客户');
  ({ productId: product, warehouseId: wh } = await stockedProduct(env, 'P-ORD-1', '100'));
});
afterAll(() => env.close());

describe('order entry', () => {
  it('creates a draft with priced lines, totals, 大写 and a day number; audit row written', async () => {
    const res = await rep.post(
      '/api/orders',
      orderBody(customer, wh, [{ productId: product, qty: '3', unitPrice: '100.00' }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({
      status: 'draft',
      ownerId: org.user.rep1,
      customerName: '订单测试客户',
      totalNet: '300.00',
      totalTax: '39.00',
      totalGross: '339.00',
      amountInWords: '叁佰叁拾玖元整',
    });
    expect(o.no).toMatch(/^SO-\d{8}-\d{4}$/);
    expect(o.lines[0]).toMatchObject({
      lineNo: 1,
      productCode: 'P-ORD-1',
      qty: '3.0000',
      netAmount: '300.00',
      taxRate: '13.00',
      floorPrice: '80.00',
    });
    expect(o.actions).toEqual(expect.arrayContaining(['edit', 'confirm', 'submit', 'cancel']));
    const audit = await env.database.pool.query(
      `select action, changes from audit_log where entity_type = 'order' and entity_id = $1`,
      [o.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create']);
    expect(audit.rows[0].changes).toContainEqual({ field: 'totalGross', old: null, new: '339.00' });
  });

  it('refuses bad input field by field and below-floor prices, changing nothing', async () => {
    const before = (await env.database.pool.query('select count(*)::int n from orders')).rows[0].n;
    const bad = await rep.post(
      '/api/orders',
      orderBody(customer, wh, [{ productId: product, qty: '0', unitPrice: '1.234' }]),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['lines.0.qty', 'lines.0.unitPrice']);
    const floor = await rep.post(
      '/api/orders',
      orderBody(customer, wh, [{ productId: product, qty: '1', unitPrice: '79.99' }]),
    );
    expect(floor.statusCode).toBe(400);
    expect(floor.json().fields[0]).toMatchObject({
      field: 'lines.0.unitPrice',
      message: '成交单价低于最低限价 80.00，请走报价折扣审批',
    });
    expect((await env.database.pool.query('select count(*)::int n from orders')).rows[0].n).toBe(before);
  });

  it('numbering is gapless: a failed create does not burn a number', async () => {
    const a = (await rep.post('/api/orders', orderBody(customer, wh, [{ productId: product, qty: '1' }]))).json();
    // Fails inside the transaction after the number was drawn and the row inserted → rollback.
    const ctx = await ctxFor(env, rep);
    const input = OrderInput.parse(orderBody(customer, wh, [{ productId: product, qty: '1' }]));
    await expect(
      env.database.db.transaction(async (tx) => {
        const made = await createOrder(tx, ctx, input);
        expect(made.no).toMatch(/^SO-/);
        throw new Error('boom after numbering');
      }),
    ).rejects.toThrow('boom after numbering');
    const b = (await rep.post('/api/orders', orderBody(customer, wh, [{ productId: product, qty: '1' }]))).json();
    expect(Number(b.no.slice(-4))).toBe(Number(a.no.slice(-4)) + 1);
  });

  it('idempotency: 50 concurrent creates with one key → one row, 50 identical answers; other body → 409', async () => {
    const body = orderBody(customer, wh, [{ productId: product, qty: '2' }], { remark: '幂等测试' });
    const key = 'idem-order-0001';
    const all = await Promise.all(
      Array.from({ length: 50 }, () => rep.request('POST', '/api/orders', body, { 'idempotency-key': key })),
    );
    expect(new Set(all.map((r) => r.statusCode))).toEqual(new Set([201]));
    expect(new Set(all.map((r) => r.body)).size).toBe(1);
    const rows = await env.database.pool.query(`select count(*)::int n from orders where remark = '幂等测试'`);
    expect(rows.rows[0].n).toBe(1);
    const other = await rep.request('POST', '/api/orders', { ...body, remark: '另一个' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(409);
    expect(other.json().message).toBe('该幂等键已用于另一个不同的请求');
  });

  it('edits a draft with version (412 when stale), audits field changes', async () => {
    const o = (await rep.post('/api/orders', orderBody(customer, wh, [{ productId: product, qty: '1' }]))).json();
    const put = await rep.put(`/api/orders/${o.id}`, {
      ...orderBody(customer, wh, [{ productId: product, qty: '5' }]),
      remark: '改数量',
      version: o.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ totalGross: '565.00', version: o.version + 1 });
    const stale = await rep.put(`/api/orders/${o.id}`, {
      ...orderBody(customer, wh, [{ productId: product, qty: '6' }]),
      version: o.version,
    });
    expect(stale.statusCode).toBe(412);
    const audit = await env.database.pool.query(
      `select changes from audit_log where entity_type = 'order' and entity_id = $1 and action = 'update'`,
      [o.id],
    );
    expect(audit.rows[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'remark', old: null, new: '改数量' },
        { field: 'totalGross', old: '113.00', new: '565.00' },
        { field: 'lines', old: 'P-ORD-1 × 1 @ 100.00 -0.00% (13.00%)', new: 'P-ORD-1 × 5 @ 100.00 -0.00% (13.00%)' },
      ]),
    );
  });

  it('names its warehouse, in the detail and the history, to readers without stock.view (商务)', async () => {
    const o = (await rep.post('/api/orders', orderBody(customer, wh, [{ productId: product, qty: '1' }]))).json();
    const commerce = await Client.login(env.app, 'commerce');
    expect((await commerce.get('/api/warehouses')).statusCode).toBe(403);
    const detail = await commerce.get(`/api/orders/${o.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ warehouseId: wh, warehouseName: '测试仓' });
    const history = (await commerce.get(`/api/orders/${o.id}/timeline`)).json().items;
    const change = history[0].changes.find((c: { field: string }) => c.field === 'warehouseId');
    expect(change?.new).toBe('测试仓');
  });

  it('data scope: rep2 gets 404 (same as unknown), manager1 sees rep1 orders; lists and counts follow', async () => {
    const o = (
      await rep.post('/api/orders', orderBody(customer, wh, [{ productId: product, qty: '1' }], { remark: '范围测试' }))
    ).json();
    const hidden = await rep2.get(`/api/orders/${o.id}`);
    const unknown = await rep2.get('/api/orders/987654321');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().message).toBe(unknown.json().message);
    expect((await rep2.post(`/api/orders/${o.id}/submit`, { version: 1 })).statusCode).toBe(404);
    expect((await manager.get(`/api/orders/${o.id}`)).statusCode).toBe(200);
    expect((await manager.get('/api/orders?keyword=订单测试客户')).json().total).toBeGreaterThan(0);
    expect((await rep2.get('/api/orders?keyword=订单测试客户')).json()).toMatchObject({ total: 0, items: [] });
    expect((await rep2.get('/api/orders/count')).json()).toEqual({ total: 0, capped: false });
    const exp = await rep.get('/api/orders/export');
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toContain('spreadsheetml');
  });
});
