import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { runUserDeptChange } from '../../platform/org/org-hooks.ts';
import { applyOrderMoney, customerExposure, findOrderInScope, orderLinesOf, recordDeliveredQty } from './index.ts';
import { makeCustomer, orderBody, stockedProduct } from './orders.testkit.ts';

let env: TestEnv;
let org: Org;
let rep: Client;
let customer: number;
let order: { id: number; lines: { id: number }[] };

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep = await Client.login(env.app, 'rep1');
  customer = await makeCustomer(env, rep, '台账客户');
  const { productId, warehouseId } = await stockedProduct(env, 'P-LED-1', '100');
  order = (
    await rep.post(
      '/api/orders',
      orderBody(customer, warehouseId, [
        { productId, qty: '4', unitPrice: '100.00' },
        { productId, qty: '1', unitPrice: '100.00' },
      ]),
    )
  ).json();
  await env.database.pool.query(`update orders set status = 'approved' where id = $1`, [order.id]);
});
afterAll(() => env.close());

describe('cross-module order ledger (deliveries, finance)', () => {
  it('recordDeliveredQty: partial → partially_delivered, all → delivered, never beyond ordered', async () => {
    const ctx = await ctxFor(env, rep);
    const tx = (fn: Parameters<typeof env.database.db.transaction>[0]) => env.database.db.transaction(fn);
    await tx((t) => recordDeliveredQty(t, ctx, order.id, [{ orderLineId: order.lines[0].id, qty: '3' }]));
    expect((await findOrderInScope(ctx, order.id)).status).toBe('partially_delivered');
    await expect(
      tx((t) => recordDeliveredQty(t, ctx, order.id, [{ orderLineId: order.lines[0].id, qty: '2' }])),
    ).rejects.toMatchObject({
      fields: [{ field: 'lines.0.qty', code: 'order.over_delivery', params: { lineNo: 1, open: '1' } }],
    });
    await tx((t) =>
      recordDeliveredQty(t, ctx, order.id, [
        { orderLineId: order.lines[0].id, qty: '1' },
        { orderLineId: order.lines[1].id, qty: '1' },
      ]),
    );
    expect((await findOrderInScope(ctx, order.id)).status).toBe('delivered');
    expect((await orderLinesOf(env.database.db, order.id)).map((l) => l.deliveredQty)).toEqual(['4.0000', '1.0000']);
  });

  it('applyOrderMoney and customerExposure: gross − received − written off over accepted orders', async () => {
    const ctx = await ctxFor(env, rep);
    expect(await customerExposure(env.database.db, customer)).toBe('565.00');
    await env.database.db.transaction((t) =>
      applyOrderMoney(t, ctx, order.id, { invoiced: '565.00', received: '300.00' }),
    );
    expect(await customerExposure(env.database.db, customer)).toBe('265.00');
    await env.database.db.transaction((t) =>
      applyOrderMoney(t, ctx, order.id, { invoiced: '-565.00', writtenOff: '15.50' }),
    );
    expect(await customerExposure(env.database.db, customer)).toBe('249.50');
    await expect(
      env.database.db.transaction((t) => applyOrderMoney(t, ctx, order.id, { received: '-300.01' })),
    ).rejects.toMatchObject({ code: 'order.money_negative' });
    const o = await findOrderInScope(ctx, order.id);
    expect(o).toMatchObject({ invoicedAmount: '0.00', receivedAmount: '300.00', writtenOffAmount: '15.50' });
    const audit = await env.database.pool.query(
      `select changes from audit_log where entity_type = 'order' and entity_id = $1 and action = 'money' order by id`,
      [order.id],
    );
    expect(audit.rows[0].changes).toEqual([
      { field: 'invoicedAmount', old: '0.00', new: '565.00' },
      { field: 'receivedAmount', old: '0.00', new: '300.00' },
    ]);
  });

  it('a user moving department carries their orders’ owner_dept_id', async () => {
    await env.database.db.transaction((t) => runUserDeptChange(t, org.user.rep1, org.dept.sales2));
    const r = await env.database.pool.query('select owner_dept_id from orders where id = $1', [order.id]);
    expect(r.rows[0].owner_dept_id).toBe(org.dept.sales2);
  });
});
