import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertWarehouse } from '../../../test/q2c-seed.ts';
import { ConflictError } from '../../platform/errors/errors.ts';
import { convertQuote } from './quotes.convert.ts';
import { quoteBody, quoteFixtures } from './quotes.test-helpers.ts';

let env: TestEnv;
let rep: Client;
let manager: Client;
let director: Client;

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  [rep, manager, director] = await Promise.all(['rep1', 'manager1', 'director'].map((u) => Client.login(env.app, u)));
  await insertWarehouse(env);
});
afterAll(() => env.close());

/** A quote below the floor, approved by the head and 销售总监, sent and accepted by the customer. */
async function acceptedBelowFloor() {
  const f = await quoteFixtures(env, rep);
  const body = quoteBody(f, {
    deliveryTerms: '合同签订后15日内交货',
    lines: [
      { productId: f.p1, qty: '2', unitPrice: '100.00', discountPercent: '25' }, // 75 < floor 80
      { productId: f.p2, qty: '1.5', unitPrice: '50.00', discountPercent: '0', taxRate: '6.00' },
    ],
  });
  const { id } = (await rep.post('/api/quotes', body)).json();
  const s = (await rep.post(`/api/quotes/${id}/submit`, { version: 1 })).json();
  expect((await manager.post(`/api/approvals/${s.instanceId}/approve`, {})).json()).toEqual({
    status: 'pending',
    step: 1,
  });
  expect((await director.post(`/api/approvals/${s.instanceId}/approve`, {})).json()).toEqual({ status: 'approved' });
  let q = (await rep.get(`/api/quotes/${id}`)).json();
  expect(q).toMatchObject({
    status: 'approved',
    approvalReasons: ['below_floor', 'discount_over_limit', 'policy_all'],
  });
  const sent = (await rep.post(`/api/quotes/${id}/send`, { version: q.version })).json();
  await rep.post(`/api/quotes/${id}/respond`, { version: sent.version, response: 'accepted', note: '同意' });
  q = (await rep.get(`/api/quotes/${id}`)).json();
  expect(q.status).toBe('accepted');
  return { f, q };
}

type Line = {
  productId: number;
  qty: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
  netAmount: string;
  grossAmount: string;
};
const pick = (l: Line) => [
  Number(l.productId),
  Number(l.qty),
  l.unitPrice,
  l.discountPercent,
  l.taxRate,
  l.netAmount,
  l.grossAmount,
];

/** The created document straight from its tables (not through the other module's routes). */
async function docFromDb(table: 'orders' | 'contracts', id: number) {
  const pool = env.database.pool;
  const [head] = (
    await pool.query(
      `select *, ${table === 'orders' ? 'requested_date::text as requested_on' : 'null as requested_on'} from ${table} where id = $1`,
      [id],
    )
  ).rows;
  const fk = table === 'orders' ? 'order_id' : 'contract_id';
  const lines = (
    await pool.query(
      `select product_id as "productId", qty::text as qty, unit_price::text as "unitPrice", discount_percent::text as "discountPercent",
        tax_rate::text as "taxRate", net_amount::text as "netAmount", gross_amount::text as "grossAmount"
       from ${table === 'orders' ? 'order_lines' : 'contract_lines'} where ${fk} = $1 order by line_no`,
      [id],
    )
  ).rows as Line[];
  return { head, lines };
}

describe('accepted quote → order or contract in one step (SPEC 3.2)', () => {
  it('approved below floor, accepted, converted to an order with the quoted lines and prices', async () => {
    const { f, q } = await acceptedBelowFloor();
    // 2 × 75 = 150.00 + 19.50; 1.5 × 50 = 75.00 + 4.50 → 249.00
    expect(q).toMatchObject({ totalNet: '225.00', totalTax: '24.00', totalGross: '249.00' });
    const res = await rep.post(`/api/quotes/${q.id}/convert`, {
      version: q.version,
      target: 'order',
      requestedDate: '2030-01-15',
    });
    expect(res.statusCode).toBe(200);
    const { orderId, orderNo } = res.json();
    expect(orderNo).toMatch(/^SO-/);
    const after = (await rep.get(`/api/quotes/${q.id}`)).json();
    expect(after).toMatchObject({ status: 'converted', convertedOrderId: orderId, actions: [] });
    const order = await docFromDb('orders', orderId);
    expect(order.head).toMatchObject({
      customer_id: f.customerId,
      quote_id: q.id,
      status: 'draft',
      requested_on: '2030-01-15',
      total_gross: '249.00',
      no: orderNo,
    });
    expect(order.lines.map(pick)).toEqual(q.lines.map(pick));
    const tl = (await rep.get(`/api/quotes/${q.id}/timeline`)).json().items;
    expect(tl[0]).toMatchObject({
      action: 'convert',
      comment: orderNo,
      changes: expect.arrayContaining([{ field: 'status', old: 'accepted', new: 'converted' }]),
    });
    // Converted once only.
    const again = await rep.post(`/api/quotes/${q.id}/convert`, { version: after.version, target: 'order' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('报价单当前为“已转订单/合同”状态，不能转为订单或合同');
  });

  it('converted to a draft contract with the lines and terms copied', async () => {
    const { f, q } = await acceptedBelowFloor();
    const res = await rep.post(`/api/quotes/${q.id}/convert`, { version: q.version, target: 'contract' });
    expect(res.statusCode).toBe(200);
    const { contractId, contractNo } = res.json();
    expect(contractNo).toMatch(/^HT-/);
    expect((await rep.get(`/api/quotes/${q.id}`)).json()).toMatchObject({
      status: 'converted',
      convertedContractId: contractId,
    });
    const c = await docFromDb('contracts', contractId);
    expect(c.head).toMatchObject({
      customer_id: f.customerId,
      quote_id: q.id,
      amount: '249.00',
      delivery_terms: '合同签订后15日内交货',
      payment_terms: '预付30%，货到付清',
      no: contractNo,
    });
    expect(c.lines.map(pick)).toEqual(q.lines.map(pick));
  });

  it('a quote not yet accepted is refused and nothing is created', async () => {
    const f = await quoteFixtures(env, rep);
    const { id } = (await rep.post('/api/quotes', quoteBody(f))).json();
    const r = await rep.post(`/api/quotes/${id}/convert`, { version: 1, target: 'order' });
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toBe('报价单当前为“草稿”状态，不能转为订单或合同');
    const n = await env.database.pool.query('select count(*)::int as n from orders where quote_id = $1', [id]);
    expect(n.rows[0].n).toBe(0);
  });
});

describe('an accepted quote past its validity (SPEC 3.2 有效期)', () => {
  const convertedCount = async (id: number) =>
    (
      await env.database.pool.query(
        `select (select count(*)::int from orders where quote_id = $1) + (select count(*)::int from contracts where quote_id = $1) as n`,
        [id],
      )
    ).rows[0].n as number;

  it('converts on its last valid day and is refused the day after (controlled clock)', async () => {
    const { q } = await acceptedBelowFloor();
    const ctx = await ctxFor(env, rep);
    const at = (day: string) => ({ ...ctx, now: () => new Date(`${day}T10:00:00+08:00`) });
    const dayAfter = new Date(Date.parse(`${q.validUntil}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const refused = convertQuote(at(dayAfter), q.id, { version: q.version, target: 'contract' });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({
      code: 'quote.convert_expired',
      params: { validUntil: q.validUntil },
    });
    expect(await convertedCount(q.id)).toBe(0);
    expect((await rep.get(`/api/quotes/${q.id}`)).json()).toMatchObject({ status: 'accepted', version: q.version });
    const ok = await convertQuote(at(q.validUntil), q.id, { version: q.version, target: 'contract' });
    expect(ok).toMatchObject({ status: 'converted', target: 'contract' });
    expect(await convertedCount(q.id)).toBe(1);
  });

  it('answers 409 with a localised message, changes nothing, and a new version renews it', async () => {
    const { q } = await acceptedBelowFloor();
    // The quote was accepted; its validity date has since passed.
    await env.database.pool.query(`update quotes set valid_until = current_date - 3 where id = $1`, [q.id]);
    const { validUntil } = (await rep.get(`/api/quotes/${q.id}`)).json();
    for (const target of ['order', 'contract']) {
      const r = await rep.post(`/api/quotes/${q.id}/convert`, {
        version: q.version,
        target,
        requestedDate: '2030-01-15',
      });
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({
        code: 'quote.convert_expired',
        message: `报价单已于 ${validUntil} 过期，不能再转为订单或合同；请生成新版本报价并经客户重新确认`,
      });
    }
    const en = await Client.login(env.app, 'rep1', undefined, 'en-US');
    const r = await en.post(`/api/quotes/${q.id}/convert`, { version: q.version, target: 'order' });
    expect(r.json().message).toBe(
      `The quote expired on ${validUntil} and can no longer be converted; create a new version and have the customer confirm it again`,
    );
    expect(await convertedCount(q.id)).toBe(0);
    expect((await rep.get(`/api/quotes/${q.id}`)).json()).toMatchObject({ status: 'accepted', version: q.version });
    const v2 = await rep.post(`/api/quotes/${q.id}/revise`, { version: q.version });
    expect(v2.statusCode).toBe(201);
    const renewed = (await rep.get(`/api/quotes/${v2.json().id}`)).json();
    expect(renewed).toMatchObject({ status: 'draft', revision: 2 });
    expect(renewed.validUntil > validUntil).toBe(true);
  });
});
