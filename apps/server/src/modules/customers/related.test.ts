import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertContract, insertOrder } from '../finance/finance.fixtures.ts';
import { roleUser } from '../orders/orders.testkit.ts';
import { quoteBody, quoteFixtures } from '../quotes/quotes.test-helpers.ts';

// Issue 11 item 3: the customer 360 — per kind of related record the viewer may read, its count
// and newest records, each through its own module's scope, in one statement served by indexes.
let env: TestEnv;
let org: Org;
let rep1: Client;
let manager1: Client;
let customerId: number;
let mine: { id: number; no: string }[];
let theirs: { id: number; no: string };
let quoteNo: string;
let oppNo: string;
let contractNo: string;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface Kind {
  type: string;
  total: number;
  totalCapped: boolean;
  recent: {
    id: number;
    no: string | null;
    name: string | null;
    status: string | null;
    amount: string | null;
    date: string | null;
  }[];
}
const related = async (c: Client, id = customerId) => {
  const res = await c.get(`/api/customers/${id}/related`);
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().items as Kind[]).map((k) => [k.type, k]));
};

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, manager1] = await Promise.all(['rep1', 'manager1'].map((u) => Client.login(env.app, u)));
  const f = await quoteFixtures(env, rep1, '三六零客户');
  customerId = f.customerId;
  expect(
    (await rep1.post(`/api/customers/${customerId}/contacts`, { name: '王采购', title: '采购经理' })).statusCode,
  ).toBe(201);
  const pipes = (await rep1.get('/api/pipelines')).json().items as { id: number; code: string }[];
  const opp = await rep1.post('/api/opportunities', {
    name: '产线改造',
    customerId,
    pipelineId: pipes.find((p) => p.code === 'default')?.id,
    amount: '88000.00',
  });
  expect(opp.statusCode, opp.body).toBe(201);
  oppNo = opp.json().no;
  const q = await rep1.post('/api/quotes', quoteBody(f, { opportunityId: opp.json().id }));
  expect(q.statusCode, q.body).toBe(201);
  quoteNo = q.json().no;
  contractNo = (
    await insertContract(env, {
      customerId,
      ownerId: org.user.rep1,
      ownerDeptId: org.dept.sales1,
      amount: '5000.00',
      plan: [{ kind: 'final', dueDate: today(), amount: '5000.00' }],
    })
  ).no;
  // Two orders of rep1, one of rep1b (same department, another rep) for the same customer.
  mine = [];
  for (let i = 0; i < 2; i++)
    mine.push(await insertOrder(env, { customerId, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1 }));
  theirs = await insertOrder(env, { customerId, ownerId: org.user.rep1b, ownerDeptId: org.dept.sales1 });
  const p = await rep1.post('/api/payments', {
    kind: 'instalment',
    method: 'transfer',
    receivedDate: today(),
    payerName: '三六零客户',
    orderId: mine[0].id,
    amount: '300.00',
  });
  expect(p.statusCode, p.body).toBe(201);
});
afterAll(() => env.close());

describe('GET /api/customers/:id/related', () => {
  it('gives a rep the customer’s records within his own scope of each kind: not another rep’s orders', async () => {
    const k = await related(rep1);
    const order = k.get('order') as Kind;
    expect(order.total).toBe(2);
    expect(order.recent.map((o) => o.no)).toEqual([mine[1].no, mine[0].no]);
    expect(order.recent.map((o) => o.no)).not.toContain(theirs.no);
    expect(order.recent[0]).toMatchObject({ status: 'approved', amount: '1130.00', date: today() });
    expect(k.get('contact')).toMatchObject({ total: 1, recent: [{ name: '王采购 · 采购经理', no: null }] });
    expect(k.get('opportunity')).toMatchObject({
      total: 1,
      recent: [{ no: oppNo, name: '产线改造', amount: '88000.00' }],
    });
    expect(k.get('quote')).toMatchObject({ total: 1, recent: [{ no: quoteNo, status: 'draft' }] });
    expect(k.get('contract')).toMatchObject({ total: 1, recent: [{ no: contractNo, status: 'signed' }] });
    expect(k.get('payment')).toMatchObject({ total: 1, recent: [{ amount: '300.00', status: 'reported' }] });
    expect(k.get('delivery')).toMatchObject({ total: 0, totalCapped: false, recent: [] });
  });

  it('gives the department head every order of the customer', async () => {
    const order = (await related(manager1)).get('order') as Kind;
    expect(order.total).toBe(3);
    expect(order.recent.map((o) => o.no)).toContain(theirs.no);
  });

  it('leaves out the kinds the viewer may not read at all, instead of failing', async () => {
    // A planner sees customers and orders but holds no quote, contract, payment or invoice view.
    const planner = await roleUser(env, 'planner_360', 'planner', org.dept.mgmt);
    const k = await related(planner);
    expect(k.has('order')).toBe(true);
    for (const t of ['quote', 'payment', 'invoice']) expect(k.has(t), t).toBe(false);
  });

  it('answers 404 for a customer outside the viewer’s scope, like an unknown id', async () => {
    const rep2 = await Client.login(env.app, 'rep2');
    const hidden = await rep2.get(`/api/customers/${customerId}/related`);
    const unknown = await rep2.get('/api/customers/987654321/related');
    expect(hidden.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
  });

  it('caps counts like a list does (10000+)', async () => {
    const c = (await rep1.post('/api/customers', { kind: 'company', name: '联系人很多的公司' })).json().id as number;
    await env.database.pool.query(
      `insert into customer_contacts (customer_id, name) select $1, '联系人' || g from generate_series(1, 10003) g`,
      [c],
    );
    const contacts = (await related(rep1, c)).get('contact') as Kind;
    expect(contacts).toMatchObject({ total: 10000, totalCapped: true });
    expect(contacts.recent.map((r) => r.name)).toEqual([
      '联系人10003',
      '联系人10002',
      '联系人10001',
      '联系人10000',
      '联系人9999',
    ]);
  });

  it('reads every kind in one statement, each through its (customer_id, id desc) index, without a sort', async () => {
    await env.database.pool.query('analyze');
    const pool = env.database.pool as unknown as { query: (...a: unknown[]) => unknown };
    const orig = pool.query;
    const seen: { text: string; values: unknown[] }[] = [];
    pool.query = function (this: unknown, ...args: unknown[]) {
      const q = args[0] as string | { text: string; values?: unknown[] };
      if (typeof q === 'object' && /union all/.test(q.text))
        seen.push({ text: q.text, values: q.values ?? (args[1] as unknown[]) ?? [] });
      return orig.apply(this, args);
    };
    try {
      await related(manager1);
    } finally {
      pool.query = orig;
    }
    expect(seen).toHaveLength(1);
    const client = await env.database.pool.connect();
    try {
      await client.query('begin');
      // Sorts and sequential scans priced out: a Sort or Seq Scan left in the plan means no index serves it.
      await client.query('set local enable_sort = off');
      await client.query('set local enable_seqscan = off');
      const { rows } = await client.query(`explain (costs off) ${seen[0].text}`, seen[0].values);
      const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      expect(plan).not.toMatch(/\bSort\b|Seq Scan/);
      for (const idx of [
        'customer_contacts_customer_idx',
        'opportunities_customer_recent_idx',
        'quotes_customer_idx',
        'contracts_customer_idx',
        'orders_customer_idx',
        'deliveries_customer_idx',
        'invoices_customer_recent_idx',
        'payments_customer_recent_idx',
      ])
        expect(plan, idx).toContain(idx);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});
