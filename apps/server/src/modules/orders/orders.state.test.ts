import { ORDER_ACTIONS, ORDER_STATUSES, ORDER_TRANSITIONS, type OrderAction, type OrderStatus } from '@sales/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { recordDeliveredQty } from './index.ts';
import { makeCustomer, orderBody, roleUser, stockedProduct } from './orders.testkit.ts';

let env: TestEnv;
let org: Org;
let rep: Client;
let desk: Client;
let customer: number;
let product: number;
let wh: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep = await Client.login(env.app, 'rep1');
  desk = await roleUser(env, 'desk-st', 'sales_assistant', org.dept.sales1);
  customer = await makeCustomer(env, rep, '状态表客户');
  ({ productId: product, warehouseId: wh } = await stockedProduct(env, 'P-ST-1', '100000'));
});
afterAll(() => env.close());

/** A fresh order put directly into `status` (the state under test), qty 2. */
async function orderIn(status: OrderStatus) {
  const o = (await rep.post('/api/orders', orderBody(customer, wh, [{ productId: product, qty: '2' }]))).json();
  await env.database.pool.query(
    `update orders set status = $2, cancel_reason = case when $2 = 'cancelled' then '测试' end where id = $1`,
    [o.id, status],
  );
  return o as { id: number; version: number; lines: { id: number }[] };
}

/** Performs an action through its route (deliveries through the cross-module use case). */
async function perform(action: OrderAction, o: { id: number; version: number; lines: { id: number }[] }) {
  const v = o.version;
  switch (action) {
    case 'edit':
      return rep.put(`/api/orders/${o.id}`, {
        ...orderBody(customer, wh, [{ productId: product, qty: '2' }]),
        version: v,
      });
    case 'confirm':
      return rep.post(`/api/orders/${o.id}/confirm`, { version: v, note: '已确认' });
    case 'submit':
      return rep.post(`/api/orders/${o.id}/submit`, { version: v });
    case 'start_review':
    case 'pass_review':
      return desk.post(`/api/orders/${o.id}/review`, { version: v });
    case 'return_to_draft':
      return rep.post(`/api/orders/${o.id}/return`, { version: v, reason: '退回' });
    case 'prepare':
      return rep.post(`/api/orders/${o.id}/prepare`, { version: v });
    case 'complete':
      return rep.post(`/api/orders/${o.id}/complete`, { version: v });
    case 'cancel':
      return rep.post(`/api/orders/${o.id}/cancel`, { version: v, reason: '取消' });
    case 'deliver_part':
    case 'deliver_all': {
      const ctx = await ctxFor(env, rep);
      try {
        await env.database.db.transaction((tx) =>
          recordDeliveredQty(tx, ctx, o.id, [
            { orderLineId: o.lines[0].id, qty: action === 'deliver_all' ? '2' : '1' },
          ]),
        );
        return { statusCode: 200, json: () => ({}) };
      } catch (e) {
        const err = e as { status?: number; code?: string; params?: Record<string, unknown> };
        return {
          statusCode: err.status ?? 500,
          json: () => ({ code: err.code, message: translate('zh-CN', err.code ?? '', err.params) }),
        };
      }
    }
  }
}

// The review route performs start_review from submitted and pass_review from under_review.
const legal = (s: OrderStatus, a: OrderAction) =>
  a === 'start_review' || a === 'pass_review'
    ? s === 'submitted' || s === 'under_review'
    : ORDER_TRANSITIONS[s][a] !== undefined;

describe('order state table (exhaustive: every status × action)', () => {
  for (const status of ORDER_STATUSES) {
    it(`from ${status}`, async () => {
      for (const action of ORDER_ACTIONS) {
        const o = await orderIn(status);
        const res = await perform(action, o);
        const body = res.json() as { code?: string; message?: string };
        if (legal(status, action)) {
          expect(body.code, `${status} × ${action}: ${JSON.stringify(body)}`).not.toBe('order.transition');
          expect(res.statusCode, `${status} × ${action}: ${JSON.stringify(body)}`).toBeLessThan(300);
          const [row] = (await env.database.pool.query('select status from orders where id = $1', [o.id])).rows;
          const next =
            action === 'start_review' || action === 'pass_review'
              ? ['under_review', 'approved']
              : [ORDER_TRANSITIONS[status][action]];
          expect(next, `${status} × ${action}`).toContain(row.status);
        } else {
          expect(res.statusCode, `${status} × ${action}`).toBe(409);
          const shownAction = action === 'start_review' ? 'pass_review' : action;
          expect(body.message).toBe(
            `订单当前状态为「${translate('zh-CN', `order.status.${status}`)}」，不能执行「${translate('zh-CN', `order.action.${shownAction}`)}」`,
          );
          const [row] = (await env.database.pool.query('select status, version from orders where id = $1', [o.id]))
            .rows;
          expect(row).toEqual({ status, version: o.version });
        }
      }
    });
  }
});
