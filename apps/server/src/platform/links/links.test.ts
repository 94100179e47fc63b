import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertWarehouse } from '../../../test/q2c-seed.ts';
import { insertContract, insertOrder } from '../../modules/finance/finance.fixtures.ts';
import { roleUser } from '../../modules/orders/orders.testkit.ts';
import { quoteBody, quoteFixtures } from '../../modules/quotes/quotes.test-helpers.ts';

// Issue 11 item 3: every document links to its sources and follow-ups along the chain
// opportunity → quote → contract → order → delivery → invoice → payment; a linked document outside
// the viewer's scope is given by its number only (no id to follow, no other field).
let env: TestEnv;
let org: Org;
let rep1: Client;
let manager1: Client;
let opp: { id: number; no: string };
let quote: { id: number; no: string };
let contract: { id: number; no: string };
let orderA: { id: number; no: string };
let orderB: { id: number; no: string };
let delivery: { id: number; no: string };
let invoice: { id: number; no: string; externalNo: string };
let payment: { id: number; no: string };
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface Doc {
  type: string;
  id: number | null;
  no: string;
  name: string | null;
  status: string | null;
}
const links = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { sources: Doc[]; followUps: Doc[] };
};
const sql = (text: string, params: unknown[]) => env.database.pool.query(text, params);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, manager1] = await Promise.all(['rep1', 'manager1'].map((u) => Client.login(env.app, u)));
  const f = await quoteFixtures(env, rep1, '单据链客户');
  const pipes = (await rep1.get('/api/pipelines')).json().items as { id: number; code: string }[];
  const o = await rep1.post('/api/opportunities', {
    name: '产线改造',
    customerId: f.customerId,
    pipelineId: pipes.find((p) => p.code === 'default')?.id,
    amount: '88000.00',
  });
  expect(o.statusCode, o.body).toBe(201);
  opp = o.json();
  const q = await rep1.post('/api/quotes', quoteBody(f, { opportunityId: opp.id }));
  expect(q.statusCode, q.body).toBe(201);
  quote = q.json();
  // What converting the accepted quote and ordering against the contract record (direct SQL: the
  // conversion flows have their own tests). Order B belongs to rep1b: outside rep1's scope.
  contract = await insertContract(env, {
    customerId: f.customerId,
    ownerId: org.user.rep1,
    ownerDeptId: org.dept.sales1,
    amount: '5000.00',
    plan: [{ kind: 'final', dueDate: today(), amount: '5000.00' }],
  });
  await sql('update contracts set quote_id = $1 where id = $2', [quote.id, contract.id]);
  orderA = await insertOrder(env, { customerId: f.customerId, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1 });
  orderB = await insertOrder(env, { customerId: f.customerId, ownerId: org.user.rep1b, ownerDeptId: org.dept.sales1 });
  await sql('update orders set contract_id = $1 where id = $2', [contract.id, orderA.id]);
  await sql('update orders set quote_id = $1 where id = $2', [quote.id, orderB.id]);
  const wh = await insertWarehouse(env);
  const d = await sql(
    `insert into deliveries (no, order_id, customer_id, owner_id, owner_dept_id, warehouse_id, consignee, address)
     values ('DN-T-1', $1, $2, $3, $4, $5, '收货人', '地址') returning id, no`,
    [orderA.id, f.customerId, org.user.rep1, org.dept.sales1, wh],
  );
  delivery = { id: Number(d.rows[0].id), no: d.rows[0].no };
  const fin = await Client.login(env.app, 'finance');
  const inv = await fin.post('/api/invoices', { kind: 'vat_special', externalNo: 'L-0001', orderId: orderA.id });
  expect(inv.statusCode, inv.body).toBe(201);
  invoice = inv.json();
  const p = await rep1.post('/api/payments', {
    kind: 'instalment',
    method: 'transfer',
    receivedDate: today(),
    payerName: '单据链客户',
    orderId: orderA.id,
    amount: '300.00',
  });
  expect(p.statusCode, p.body).toBe(201);
  payment = p.json();
});
afterAll(() => env.close());

describe('document links', () => {
  it('a quote shows its opportunity, and the contract and orders made from it', async () => {
    const l = await links(rep1, `/api/quotes/${quote.id}/links`);
    expect(l.sources).toEqual([{ type: 'opportunity', id: opp.id, no: opp.no, name: '产线改造', status: 'open' }]);
    expect(l.followUps).toEqual([
      { type: 'contract', id: contract.id, no: contract.no, name: '测试合同', status: 'signed' },
      // rep1b's order: its number only — no id to follow, no status.
      { type: 'order', id: null, no: orderB.no, name: null, status: null },
    ]);
    // The department head sees rep1b's order in full.
    const m = await links(manager1, `/api/quotes/${quote.id}/links`);
    expect(m.followUps.find((d) => d.type === 'order')).toEqual({
      type: 'order',
      id: orderB.id,
      no: orderB.no,
      name: null,
      status: 'approved',
    });
  });

  it('an opportunity shows its quotes; a contract its quote and its orders, invoices and payments', async () => {
    expect((await links(rep1, `/api/opportunities/${opp.id}/links`)).followUps).toMatchObject([
      { type: 'quote', id: quote.id, no: quote.no },
    ]);
    const c = await links(rep1, `/api/contracts/${contract.id}/links`);
    expect(c.sources).toMatchObject([{ type: 'quote', id: quote.id }]);
    expect(c.followUps).toMatchObject([{ type: 'order', id: orderA.id, no: orderA.no }]);
  });

  it('an order shows its contract, its delivery notes, invoices and payments', async () => {
    const o = await links(rep1, `/api/orders/${orderA.id}/links`);
    expect(o.sources).toMatchObject([{ type: 'contract', id: contract.id, no: contract.no }]);
    expect(o.followUps).toEqual([
      { type: 'delivery', id: delivery.id, no: delivery.no, name: null, status: 'draft' },
      { type: 'invoice', id: invoice.id, no: invoice.no, name: 'L-0001', status: 'issued' },
      { type: 'payment', id: payment.id, no: payment.no, name: null, status: 'reported' },
    ]);
  });

  it('a delivery note shows its order; an invoice its order and payments; a payment its order and invoices', async () => {
    expect((await links(rep1, `/api/deliveries/${delivery.id}/links`)).sources).toMatchObject([
      { type: 'order', id: orderA.id, no: orderA.no },
    ]);
    const i = await links(rep1, `/api/invoices/${invoice.id}/links`);
    expect(i.sources).toMatchObject([{ type: 'order', id: orderA.id }]);
    expect(i.followUps).toMatchObject([{ type: 'payment', id: payment.id, no: payment.no }]);
    const p = await links(rep1, `/api/payments/${payment.id}/links`);
    expect(p.sources).toMatchObject([
      { type: 'order', id: orderA.id },
      { type: 'invoice', id: invoice.id, name: 'L-0001' },
    ]);
    expect(p.followUps).toEqual([]);
  });

  it('shows documents of a kind the viewer may not read at all as numbers only', async () => {
    // A planner reads orders (all of them) but holds no quote, contract, invoice or payment view.
    const planner = await roleUser(env, 'planner_links', 'planner', org.dept.mgmt);
    const o = await links(planner, `/api/orders/${orderB.id}/links`);
    expect(o.sources).toEqual([{ type: 'quote', id: null, no: quote.no, name: null, status: null }]);
  });

  it('answers 404 for a document outside the viewer’s scope, like an unknown id', async () => {
    const hidden = await rep1.get(`/api/orders/${orderB.id}/links`);
    const unknown = await rep1.get('/api/orders/987654321/links');
    expect(hidden.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(hidden.body).not.toContain(orderB.no);
  });
});
