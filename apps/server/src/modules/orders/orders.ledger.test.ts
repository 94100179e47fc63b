import { money } from '@sales/core';
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
let productIdOf: number;
let warehouseIdOf: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep = await Client.login(env.app, 'rep1');
  customer = await makeCustomer(env, rep, '台账客户');
  const { productId, warehouseId } = await stockedProduct(env, 'P-LED-1', '100');
  productIdOf = productId;
  warehouseIdOf = warehouseId;
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

  it('customerExposure: receipts booked on a contract reduce its orders once, never below zero', async () => {
    const pool = env.database.pool;
    const exposure = await customerExposure(env.database.db, customer);
    const c = await pool.query(
      `insert into contracts (no, title, customer_id, owner_id, owner_dept_id, status, amount, party_a, party_b, received_amount)
       values ('HT-EXPO-1', '敞口合同', $1, $2, $3, 'signed', '565.00', '总公司', '台账客户', '200.00') returning id`,
      [customer, org.user.rep1, org.dept.sales1],
    );
    const second = (
      await rep.post(
        '/api/orders',
        orderBody(customer, warehouseIdOf, [{ productId: productIdOf, qty: '5', unitPrice: '100.00' }]),
      )
    ).json();
    await pool.query(`update orders set status = 'approved', contract_id = $2 where id = $1`, [
      second.id,
      c.rows[0].id,
    ]);
    // 565.00 open on the contract's order − 200.00 received on the contract.
    expect(await customerExposure(env.database.db, customer)).toBe(money(exposure).plus('365.00').toFixed(2));
    await pool.query(`update contracts set received_amount = '600.00' where id = $1`, [c.rows[0].id]);
    expect(await customerExposure(env.database.db, customer)).toBe(exposure);
  });

  it('a user moving department carries their orders’ owner_dept_id', async () => {
    await env.database.db.transaction((t) => runUserDeptChange(t, org.user.rep1, org.dept.sales2));
    const r = await env.database.pool.query('select owner_dept_id from orders where id = $1', [order.id]);
    expect(r.rows[0].owner_dept_id).toBe(org.dept.sales2);
  });
});
