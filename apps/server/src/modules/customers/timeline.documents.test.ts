import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertOrder } from '../finance/finance.fixtures.ts';
import { roleUser } from '../orders/orders.testkit.ts';
import { quoteBody, quoteFixtures } from '../quotes/quotes.test-helpers.ts';

// SPEC 2.4 / issue 9: the customer timeline shows the customer's quotes, orders, payments and
// invoices (creation and status changes, with number, amount and status) within the viewer's
// scope of each kind of document.
let env: TestEnv;
let org: Org;
let rep1: Client;
let manager1: Client;
let fin: Client;
let customerId: number;
let quoteNo: string;
let orderA: { id: number; no: string };
let orderB: { id: number; no: string };
let paymentNo: string;
let invoiceNo: string;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface Entry {
  kind: string;
  entityType: string;
  action: string;
  document?: {
    type: string;
    no: string;
    amount: string | null;
    status: string;
    statusFrom: string | null;
    statusTo: string | null;
  };
}
const timeline = async (c: Client) => {
  const res = await c.get(`/api/customers/${customerId}/timeline`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Entry[];
};
const docs = (items: Entry[]) => items.filter((i) => i.kind === 'document');

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, manager1, fin] = await Promise.all(['rep1', 'manager1', 'finance'].map((u) => Client.login(env.app, u)));
  const f = await quoteFixtures(env, rep1, '时间线客户');
  customerId = f.customerId;
  const q = await rep1.post('/api/quotes', quoteBody(f));
  expect(q.statusCode, q.body).toBe(201);
  quoteNo = q.json().no;
  const sub = await rep1.post(`/api/quotes/${q.json().id}/submit`, { version: q.json().version ?? 1 });
  expect(sub.statusCode, sub.body).toBe(200);
  // Order A is rep1's; order B belongs to rep1b of the same department and is cancelled by the manager.
  orderA = await insertOrder(env, { customerId, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1 });
  orderB = await insertOrder(env, { customerId, ownerId: org.user.rep1b, ownerDeptId: org.dept.sales1 });
  const cancel = await manager1.post(`/api/orders/${orderB.id}/cancel`, { version: 1, reason: '客户取消' });
  expect(cancel.statusCode, cancel.body).toBe(200);
  const p = await rep1.post('/api/payments', {
    kind: 'instalment',
    method: 'transfer',
    receivedDate: today(),
    payerName: '时间线客户',
    orderId: orderA.id,
    amount: '300.00',
  });
  expect(p.statusCode, p.body).toBe(201);
  paymentNo = p.json().no;
  expect((await fin.post(`/api/payments/${p.json().id}/confirm`, { version: 1 })).statusCode).toBe(200);
  const inv = await fin.post('/api/invoices', { kind: 'vat_special', externalNo: 'T-0001', orderId: orderA.id });
  expect(inv.statusCode, inv.body).toBe(201);
  invoiceNo = inv.json().no;
});
afterAll(() => env.close());

describe('customer timeline with documents', () => {
  it('shows creation and status changes of the quotes, orders, payments and invoices, with number, amount, status', async () => {
    const items = docs(await timeline(manager1));
    const quote = items.filter((i) => i.entityType === 'quote');
    expect(quote).toEqual([
      expect.objectContaining({
        action: 'submit',
        document: expect.objectContaining({ no: quoteNo, statusFrom: 'draft', statusTo: expect.any(String) }),
      }),
      expect.objectContaining({
        action: 'create',
        document: expect.objectContaining({ no: quoteNo, amount: expect.any(String) }),
      }),
    ]);
    expect(items.find((i) => i.entityType === 'order')).toMatchObject({
      action: 'cancel',
      document: { type: 'order', no: orderB.no, status: 'cancelled', statusTo: 'cancelled' },
    });
    const pay = items.filter((i) => i.entityType === 'payment');
    expect(pay.map((i) => i.action)).toEqual(['confirm', 'create']);
    expect(pay[0].document).toMatchObject({
      no: paymentNo,
      amount: '300.00',
      status: 'confirmed',
      statusFrom: 'reported',
    });
    expect(items.find((i) => i.entityType === 'invoice')).toMatchObject({
      document: { no: invoiceNo, amount: '1130.00', status: 'issued' },
    });
    // Newest first across all kinds: the invoice was the last thing done.
    expect(items[0].entityType).toBe('invoice');
  });

  it('leaves out documents the viewer may not see', async () => {
    // rep1 (本人) does not see order B of rep1b.
    const mine = docs(await timeline(rep1));
    expect(mine.some((i) => i.document?.no === orderB.no)).toBe(false);
    expect(mine.some((i) => i.document?.no === quoteNo)).toBe(true);
    expect(mine.some((i) => i.document?.no === paymentNo)).toBe(true);
    // A planner sees customers and orders but has no quote, payment or invoice view at all.
    const planner = await roleUser(env, 'planner_tl', 'planner', org.dept.mgmt);
    const theirs = docs(await timeline(planner));
    expect(new Set(theirs.map((i) => i.entityType))).toEqual(new Set(['order']));
  });
});
