import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { companyDate } from '../../platform/time.ts';
import { acceptedProposal, addDays, line, plan, scan, TERMS, userWithRole } from './contracts.testkit.ts';

let env: TestEnv;
let org: Org;
let rep: Client;
let rep2: Client;
let manager1: Client;
let legal: Client;
let commerce: Client;
let customerId: number;
let proposalId: number;
let productId: number;
let otherProductId: number;
const today = companyDate(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep, rep2, manager1, commerce] = await Promise.all(
    ['rep1', 'rep2', 'manager1', 'commerce'].map((u) => Client.login(env.app, u)),
  );
  legal = await userWithRole(env, 'legal1', '陈法务', org.dept.mgmt, 'legal');
  productId = await insertProduct(env, {
    code: 'HT-O1',
    name: '数控机床',
    standardPrice: '10000.00',
    floorPrice: '9000.00',
    taxRate: '13.00',
  });
  otherProductId = await insertProduct(env, {
    code: 'HT-O2',
    name: '刀具套装',
    standardPrice: '500.00',
    floorPrice: '400.00',
    taxRate: '13.00',
  });
  customerId = (
    await rep.post('/api/customers', { kind: 'company', name: '下单测试客户有限公司', phone: '02166668888' })
  ).json().id;
  // The proposal the customer accepted: the source these contracts are signed on.
  proposalId = await acceptedProposal(rep, customerId);
});
afterAll(() => env.close());

const detail = async (id: number) => (await rep.get(`/api/contracts/${id}`)).json();

/** A signed contract whose machine price (8 500) is below the floor: its review approved the price. */
async function signedContract() {
  const lines = [
    { ...line(productId, '10', '8500.00'), taxRate: '13.00' as const },
    { ...line(otherProductId, '4', '450.00'), taxRate: '13.00' as const },
  ];
  const { id } = (
    await rep.post('/api/contracts', {
      customerId,
      title: '机床采购合同',
      lines,
      paymentPlan: plan(['deposit', addDays(today, 10), '30000.00'], ['final', addDays(today, 60), '68084.00']),
      startDate: today,
      endDate: addDays(today, 365),
      proposalId,
      ...TERMS,
    })
  ).json();
  const instanceId = (await rep.post(`/api/contracts/${id}/submit`, { version: 1 })).json().instanceId;
  expect((await legal.post(`/api/approvals/${instanceId}/approve`, {})).statusCode).toBe(200);
  expect((await commerce.post(`/api/approvals/${instanceId}/approve`, {})).statusCode).toBe(200);
  const c = await detail(id);
  const signed = await manager1.post(`/api/contracts/${id}/sign`, {
    version: c.version,
    signedDate: today,
    ourSignatory: '李经理',
    customerSignatory: '赵采购',
    scan,
  });
  expect(signed.statusCode).toBe(200);
  return detail(id);
}

describe('order from a signed contract (合同 → 订单)', () => {
  it('copies the lines at the contract prices, links the order, and orders in batches up to the contract quantities', async () => {
    const c = await signedContract();
    expect(c.amount).toBe('98084.00');
    const first = await rep.post(`/api/contracts/${c.id}/orders`, {
      version: c.version,
      requestedDate: addDays(today, 7),
      lines: [{ lineNo: 1, qty: '6' }],
    });
    expect(first.statusCode).toBe(201);
    const o = (await rep.get(`/api/orders/${first.json().orderId}`)).json();
    expect(o).toMatchObject({
      status: 'draft',
      contractId: c.id,
      customerId,
      totalNet: '51000.00',
      totalGross: '57630.00',
    });
    expect(o.lines).toHaveLength(1);
    expect(o.lines[0]).toMatchObject({ productId, qty: '6.0000', unitPrice: '8500.00' });

    // Asking for more than is left refuses on the line; nothing is created.
    const before = (await env.database.pool.query('select count(*)::int n from orders where contract_id = $1', [c.id]))
      .rows[0].n;
    const tooMuch = await rep.post(`/api/contracts/${c.id}/orders`, {
      version: c.version + 1,
      requestedDate: addDays(today, 7),
      lines: [{ lineNo: 1, qty: '5' }],
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().fields).toEqual([
      expect.objectContaining({ field: 'lines.0.qty', message: '超过合同尚未下单的数量（剩余 4）' }),
    ]);
    expect(
      (await env.database.pool.query('select count(*)::int n from orders where contract_id = $1', [c.id])).rows[0].n,
    ).toBe(before);

    // By default the rest: 4 machines and the 4 tool sets.
    const rest = await rep.post(`/api/contracts/${c.id}/orders`, {
      version: c.version + 1,
      requestedDate: addDays(today, 14),
    });
    expect(rest.statusCode).toBe(201);
    const o2 = (await rep.get(`/api/orders/${rest.json().orderId}`)).json();
    expect(o2.lines.map((l: { productId: number; qty: string }) => [l.productId, l.qty])).toEqual([
      [productId, '4.0000'],
      [otherProductId, '4.0000'],
    ]);
    const none = await rep.post(`/api/contracts/${c.id}/orders`, {
      version: c.version + 2,
      requestedDate: addDays(today, 14),
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toBe('合同的产品已全部下单');

    // A cancelled order gives its quantities back.
    const v = (await rep.get(`/api/orders/${o2.id}`)).json().version;
    expect((await rep.post(`/api/orders/${o2.id}/cancel`, { reason: '客户改期', version: v })).statusCode).toBe(200);
    const again = await rep.post(`/api/contracts/${c.id}/orders`, {
      version: c.version + 2,
      requestedDate: addDays(today, 21),
      lines: [{ lineNo: 2, qty: '4' }],
    });
    expect(again.statusCode).toBe(201);
    const audit = await env.database.pool.query(
      `select changes from audit_log where entity_type = 'contract' and entity_id = $1 and action = 'order' order by id`,
      [c.id],
    );
    expect(audit.rows).toHaveLength(3);
  });

  it('refuses contracts that are not signed, other users’ contracts, and stale versions', async () => {
    const draft = (
      await rep.post('/api/contracts', { customerId, title: '草稿合同', lines: [line(productId, '1', '9500.00')] })
    ).json();
    const d = await rep.post(`/api/contracts/${draft.id}/orders`, {
      version: 1,
      requestedDate: addDays(today, 7),
    });
    expect(d.statusCode, d.body).toBe(409);
    expect(d.json().message).toContain('不允许此操作');
    expect(d.json().message).toBe('合同当前状态（草稿）不允许此操作（生成订单）');
    const c = await signedContract();
    expect(
      (await rep2.post(`/api/contracts/${c.id}/orders`, { version: c.version, requestedDate: addDays(today, 7) }))
        .statusCode,
    ).toBe(404);
    expect(
      (await rep.post(`/api/contracts/${c.id}/orders`, { version: c.version - 1, requestedDate: addDays(today, 7) }))
        .statusCode,
    ).toBe(412);
  });
});
