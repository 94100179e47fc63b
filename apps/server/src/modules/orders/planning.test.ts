import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { pdfPages } from '../../platform/printing/pdf-text.ts';
import { recordDeliveredQty } from './index.ts';
import { runOrderSlipSweep } from './orders.sweep.ts';
import { makeCustomer, orderBody, roleUser, stockedProduct } from './orders.testkit.ts';

let env: TestEnv;
let org: Org;
let rep: Client;
let rep2: Client;
let desk: Client;
let planner: Client;
let wh: number;
let product: number;
let order: { id: number; version: number; lineId: number; no: string };

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  desk = await roleUser(env, 'desk-pl', 'sales_assistant', org.dept.sales1);
  planner = await roleUser(env, 'planner1', 'planner', org.dept.mgmt);
  ({ productId: product, warehouseId: wh } = await stockedProduct(env, 'P-PLAN-1', '4'));
  const c = await makeCustomer(env, rep, '排产客户');
  const o = (
    await rep.post(
      '/api/orders',
      orderBody(c, wh, [{ productId: product, qty: '10' }], {
        promisedDate: '2099-01-10',
        requestedDate: '2099-01-05',
      }),
    )
  ).json();
  const s = (await rep.post(`/api/orders/${o.id}/submit`, { version: o.version })).json();
  const r = (await desk.post(`/api/orders/${o.id}/review`, { version: s.version, allowProduction: true })).json();
  expect(r.status).toBe('approved');
  order = { id: o.id, version: r.version, lineId: o.lines[0].id, no: o.no };
});
afterAll(() => env.close());

describe('planner (订货排产情况汇总表 / 销售任务单)', () => {
  it('summarises approved orders per product: ordered, reserved, shortage, orders behind it', async () => {
    const s = (await planner.get('/api/planner/summary')).json();
    expect(s.items).toEqual([
      expect.objectContaining({
        productId: product,
        productCode: 'P-PLAN-1',
        orderedQty: '10.0000',
        openQty: '10.0000',
        reservedQty: '4.0000',
        onHand: '4.0000',
        available: '0.0000',
        shortage: '6.0000',
        plannedQty: '0.0000',
        earliestDue: '2099-01-10',
        orders: [expect.objectContaining({ orderId: order.id, customerName: '排产客户', qty: '10.0000' })],
      }),
    ]);
    expect((await planner.get('/api/planner/summary?from=2099-02-01')).json().items).toEqual([]);
    expect((await rep.get('/api/planner/summary')).statusCode).toBe(403);
  });

  it('creates tasks bounded by the open quantity, tracks progress, prints two copies', async () => {
    const bad = await planner.post(`/api/orders/${order.id}/production-tasks`, {
      lines: [{ orderLineId: order.lineId, kind: 'production', qty: '11', dueDate: '2099-01-08' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({
      field: 'lines.0.qty',
      message: '任务数量超过订单行未完成数量 10',
    });
    expect(
      (
        await rep.post(`/api/orders/${order.id}/production-tasks`, {
          lines: [{ orderLineId: order.lineId, kind: 'stock', qty: '1', dueDate: '2099-01-08' }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await rep2.post(`/api/orders/${order.id}/production-tasks`, { lines: [] })).statusCode).toBe(400);
    const res = await planner.post(`/api/orders/${order.id}/production-tasks`, {
      lines: [
        { orderLineId: order.lineId, kind: 'stock', qty: '4', dueDate: '2099-01-06' },
        { orderLineId: order.lineId, kind: 'production', qty: '6', dueDate: '2099-01-08' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [t1, t2] = res.json().items;
    expect(t1.no).toMatch(/^RW-\d{8}-\d{4}$/);
    const list = (await planner.get(`/api/production-tasks?orderId=${order.id}`)).json().items;
    expect(list.map((t: { kind: string }) => t.kind)).toEqual(['stock', 'production']);
    const up = await planner.put(`/api/production-tasks/${t2.id}`, {
      status: 'in_progress',
      doneQty: '2',
      progressNote: '已投产',
      dueDate: '2099-01-09',
      version: 1,
    });
    expect(up.json()).toMatchObject({ status: 'in_progress', doneQty: '2.0000', version: 2 });
    expect(
      (
        await planner.put(`/api/production-tasks/${t2.id}`, {
          status: 'planned',
          doneQty: '2',
          dueDate: '2099-01-09',
          version: 2,
        })
      ).statusCode,
    ).toBe(409);
    const tooMuch = await planner.put(`/api/production-tasks/${t2.id}`, {
      status: 'done',
      doneQty: '7',
      dueDate: '2099-01-09',
      version: 2,
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().fields[0]).toMatchObject({ field: 'doneQty', message: '完成数量不能超过任务数量 6' });
    expect(
      (
        await planner.put(`/api/production-tasks/${t2.id}`, {
          status: 'done',
          doneQty: '6',
          dueDate: '2099-01-09',
          version: 1,
        })
      ).statusCode,
    ).toBe(412);
    const s = (await planner.get('/api/planner/summary')).json().items[0];
    expect(s).toMatchObject({ plannedQty: '10.0000', doneQty: '2.0000' });
    const pdf = await planner.get(`/api/production-tasks/print?ids=${t1.id},${t2.id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPages(pdf.rawPayload);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('留存联');
    expect(pages[1]).toContain('生产联');
    expect(pages[1]).toContain('销售任务单');
    expect(pages[1].replace(/\n/g, '')).toContain(t2.no);
    const prep = await planner.post(`/api/orders/${order.id}/prepare`, { version: order.version });
    expect(prep.json()).toMatchObject({ status: 'in_preparation' });
  });
});

describe('delivery slip sweep', () => {
  it('an order past its promised date gives the owner one task and one notice (idempotent)', async () => {
    const at = new Date('2099-01-12T02:00:00Z');
    expect(await runOrderSlipSweep(env.database.db, at)).toEqual({ changed: 1 });
    expect(await runOrderSlipSweep(env.database.db, at)).toEqual({ changed: 0 });
    const tasks = (
      await env.database.pool.query(
        `select user_id, title_key, params, dedupe_key from tasks where ref_type = 'order_slip' and ref_id = $1`,
        [order.id],
      )
    ).rows;
    expect(tasks).toEqual([
      {
        user_id: org.user.rep1,
        title_key: 'task.order.slip',
        params: { no: order.no, customer: '排产客户', date: '2099-01-10' },
        dedupe_key: `order-slip:${order.id}:2099-01-10`,
      },
    ]);
    const notes = await env.database.pool.query(
      `select count(*)::int n from notifications where user_id = $1 and kind = 'order.slip'`,
      [org.user.rep1],
    );
    expect(notes.rows[0].n).toBe(1);
    // A new promised date that slips again notifies again; before it, nothing.
    await env.database.pool.query(`update orders set promised_date = '2099-02-01' where id = $1`, [order.id]);
    expect(await runOrderSlipSweep(env.database.db, at)).toEqual({ changed: 0 });
    expect(await runOrderSlipSweep(env.database.db, new Date('2099-02-03T02:00:00Z'))).toEqual({ changed: 1 });
    // Delivering everything closes the open slip tasks.
    const ctx = await ctxFor(env, rep);
    await env.database.db.transaction((tx) =>
      recordDeliveredQty(tx, ctx, order.id, [{ orderLineId: order.lineId, qty: '10' }]),
    );
    const open = await env.database.pool.query(
      `select status from tasks where ref_type = 'order_slip' and ref_id = $1 order by id`,
      [order.id],
    );
    expect(open.rows.map((r) => r.status)).toEqual(['done', 'done']);
  });
});
