import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';

/**
 * List views 我负责的 / 下属的 / 全部 (issue 11 item 4) on the customer, opportunity, quote,
 * contract and order lists: a view only narrows the data scope (a rep asking for 全部 still gets
 * his own alone), 下属的 is the departments the user heads and his reports, and /views counts each
 * view the user has. Records of five owners in three departments are seeded through the API.
 */
let env: TestEnv;
let org: Org;
const c: Record<string, Client> = {};
const OWNERS = ['rep1', 'rep1b', 'teamrep', 'manager1', 'rep2', 'manager2'] as const;
type Owner = (typeof OWNERS)[number];
const LISTS = ['customers', 'opportunities', 'quotes', 'contracts', 'orders'] as const;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  for (const u of [...OWNERS, 'supervisor1', 'director', 'gm', 'admin']) c[u] = await Client.login(env.app, u);
  const productId = await insertProduct(env, { code: 'VIEW-1', name: '视图测试产品' });
  const warehouseId = await insertWarehouse(env, 'WH-VIEW', '视图测试仓');
  await stockIn(env, warehouseId, productId, '100');
  const pipelines = (await c.rep1.get('/api/pipelines')).json().items;
  const pipelineId = pipelines.find((p: { code: string | null }) => p.code === 'default').id;
  // One record of each list per owner, each on the owner's own customer.
  for (const who of OWNERS) {
    const owner = c[who];
    const post = async (url: string, body: unknown) => {
      const res = await owner.post(url, body);
      if (res.statusCode !== 201) throw new Error(`${who} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const customerId = (await post('/api/customers', { kind: 'company', name: `视图测试${who}有限公司` })).id;
    await post('/api/opportunities', { name: `视图商机${who}`, customerId, pipelineId, amount: '1000.00' });
    const lines = [{ productId, qty: '1', unitPrice: '100.00' }];
    await post('/api/quotes', { customerId, title: `视图报价${who}`, lines });
    await post('/api/contracts', {
      customerId,
      title: `视图合同${who}`,
      lines: [{ productId, qty: '1', unitPrice: '100.00', taxRate: '0.00' }],
      paymentPlan: [{ kind: 'final', dueDate: '2099-01-01', amount: '100.00' }],
    });
    await post('/api/orders', {
      customerId,
      channel: 'rep',
      requestedDate: '2099-01-01',
      warehouseId,
      lines: [{ productId, qty: '1', unitPrice: '100.00', discountPercent: '0' }],
    });
  }
});
afterAll(() => env.close());

// The harness names the team rep teamRep; his login is teamrep.
const ids = (...who: Owner[]) =>
  who.map((w) => org.user[(w === 'teamrep' ? 'teamRep' : w) as keyof Org['user']]).sort((a, b) => a - b);

/** The owners of every row a user's list shows in a view (the lists hold one record per owner). */
async function ownersIn(who: string, list: string, view?: string) {
  const res = await c[who].get(`/api/${list}?pageSize=100${view ? `&view=${view}` : ''}`);
  expect(res.statusCode, `${who} ${list} ${view}: ${res.body}`).toBe(200);
  return (res.json().items as { ownerId: number }[]).map((r) => r.ownerId).sort((a, b) => a - b);
}

async function viewCounts(who: string, list: string) {
  const res = await c[who].get(`/api/${list}/views`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; views: { view: string; total: number; capped: boolean }[] };
}

describe('a view never widens the data scope', () => {
  it('a rep (SELF) gets his own records whatever view he asks for, and has only 我负责的', async () => {
    for (const list of LISTS) {
      expect(await ownersIn('rep1', list), list).toEqual(ids('rep1'));
      expect(await ownersIn('rep1', list, 'all'), list).toEqual(ids('rep1'));
      expect(await ownersIn('rep1', list, 'mine'), list).toEqual(ids('rep1'));
      expect(await ownersIn('rep1', list, 'subordinates'), list).toEqual([]);
      expect(await viewCounts('rep1', list), list).toEqual({
        total: 1,
        capped: false,
        views: [{ view: 'mine', total: 1, capped: false }],
      });
    }
  });

  it('a manager: 我负责的 his own, 下属的 his departments without him, 全部 his whole scope', async () => {
    const dept1 = ids('rep1', 'rep1b', 'teamrep');
    for (const list of LISTS) {
      expect(await ownersIn('manager1', list, 'mine'), list).toEqual(ids('manager1'));
      expect(await ownersIn('manager1', list, 'subordinates'), list).toEqual(dept1);
      expect(await ownersIn('manager1', list, 'all'), list).toEqual(ids('rep1', 'rep1b', 'teamrep', 'manager1'));
      expect(await ownersIn('manager1', list), list).toEqual(ids('rep1', 'rep1b', 'teamrep', 'manager1'));
      expect((await viewCounts('manager1', list)).views, list).toEqual([
        { view: 'mine', total: 1, capped: false },
        { view: 'subordinates', total: 3, capped: false },
        { view: 'all', total: 4, capped: false },
      ]);
      // The other department's manager: his one rep.
      expect(await ownersIn('manager2', list, 'subordinates'), list).toEqual(ids('rep2'));
    }
  });

  it('a supervisor who heads no department: 下属的 are his reports down the manager chain', async () => {
    for (const list of LISTS) {
      expect(await ownersIn('supervisor1', list, 'subordinates'), list).toEqual(ids('rep1', 'rep1b', 'teamrep'));
      expect(
        (await viewCounts('supervisor1', list)).views.map((v) => v.view),
        list,
      ).toEqual(['mine', 'subordinates', 'all']);
    }
  });

  it('the director (scope ALL): 下属的 are the managers and their people, 全部 everyone', async () => {
    const sales = ids('rep1', 'rep1b', 'teamrep', 'manager1', 'rep2', 'manager2');
    for (const list of LISTS) {
      expect(await ownersIn('director', list, 'subordinates'), list).toEqual(sales);
      expect(await ownersIn('director', list, 'mine'), list).toEqual([]);
      expect(await ownersIn('gm', list, 'subordinates'), list).toEqual(sales);
    }
  });

  it('counts the views under the other filters, and refuses an unknown view', async () => {
    const kw = encodeURIComponent('视图测试rep1b');
    const res = (await c.manager1.get(`/api/customers/views?keyword=${kw}`)).json();
    expect(res.views).toEqual([
      { view: 'mine', total: 0, capped: false },
      { view: 'subordinates', total: 1, capped: false },
      { view: 'all', total: 1, capped: false },
    ]);
    expect(res.total).toBe(1);
    expect((await c.manager1.get('/api/customers?view=everyone')).statusCode).toBe(400);
    // The plain count route takes the view too.
    expect((await c.manager1.get('/api/orders/count?view=subordinates')).json().total).toBe(3);
  });
});
