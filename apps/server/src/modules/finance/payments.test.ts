import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { pdfText } from '../../platform/printing/pdf-text.ts';
import { insertContract, insertOrder, orderMoney } from './finance.fixtures.ts';

let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let fin: Client;
let customerId: number;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  fin = await Client.login(env.app, 'finance');
  customerId = (await rep1.post('/api/customers', { kind: 'company', name: '杭州收款测试有限公司' })).json().id;
});
afterAll(() => env.close());

const order = (lines?: { qty: string; unitPrice: string }[]) =>
  insertOrder(env, { customerId, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1, lines });
const pay = (who: Client, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  who.request(
    'POST',
    '/api/payments',
    { kind: 'instalment', method: 'transfer', receivedDate: today(), payerName: '杭州收款测试有限公司', ...body },
    headers,
  );

describe('payments (收款)', () => {
  it('a rep-reported payment is not counted until finance confirms it (核准); confirmation issues the receipt', async () => {
    const o = await order(); // 10 × 100 + 13% = 1130.00
    const res = await pay(rep1, { orderId: o.id, amount: '300.00' });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: 'reported', amount: '300.00', receiptNo: null, ownerId: org.user.rep1 });
    expect((await orderMoney(env, o.id)).received).toBe('0.00');
    expect((await rep1.get(`/api/payments/${p.id}/receipt`)).statusCode).toBe(409);
    // Only finance confirms (payment.confirm).
    expect((await rep1.post(`/api/payments/${p.id}/confirm`, { version: 1 })).statusCode).toBe(403);
    expect((await fin.post(`/api/payments/${p.id}/confirm`, { version: 9 })).statusCode).toBe(412);
    const ok = await fin.post(`/api/payments/${p.id}/confirm`, { version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', version: 2, confirmedBy: org.user.finance });
    expect(ok.json().receiptNo).toMatch(/^SJ-\d{8}-\d{4}$/);
    expect((await orderMoney(env, o.id)).received).toBe('300.00');
    // Confirmed is final.
    const again = await fin.post(`/api/payments/${p.id}/confirm`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect((await orderMoney(env, o.id)).received).toBe('300.00');
    const tl = (await rep1.get(`/api/payments/${p.id}/timeline`)).json().items;
    expect(tl.map((t: { action: string }) => t.action)).toEqual(['confirm', 'create']);
  });

  it('finance records a payment directly as confirmed; the receipt PDF shows figures and capitals', async () => {
    const o = await order([{ qty: '1', unitPrice: '1092.48' }]); // gross 1234.50
    const p = (await pay(fin, { orderId: o.id, amount: '1234.50', kind: 'full' })).json();
    expect(p.status).toBe('confirmed');
    expect((await orderMoney(env, o.id)).received).toBe('1234.50');
    const pdf = await rep1.get(`/api/payments/${p.id}/receipt`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('壹仟贰佰叁拾肆元伍角整');
    expect(text).toContain('¥1,234.50');
    expect(text).toContain(p.receiptNo);
    expect(text).toContain('吴会计'); // 收款人: the finance user who confirmed it
  });

  it('a cheque stays pending until cleared (then counted); bounced only from pending, never after clearing', async () => {
    const o = await order();
    const c1 = (await pay(fin, { orderId: o.id, amount: '500.00', method: 'cheque', chequeNo: 'ZP0001' })).json();
    expect(c1).toMatchObject({ status: 'pending_clearance', receiptNo: null });
    expect((await orderMoney(env, o.id)).received).toBe('0.00');
    const cleared = (await fin.post(`/api/payments/${c1.id}/clear`, { version: 1 })).json();
    expect(cleared).toMatchObject({ status: 'cleared' });
    expect(cleared.receiptNo).toBeTruthy();
    expect((await orderMoney(env, o.id)).received).toBe('500.00');
    expect((await fin.post(`/api/payments/${c1.id}/bounce`, { version: 2 })).statusCode).toBe(409);
    // A rep's cheque report: confirmed → pending clearance → bounced; nothing counted.
    const c2 = (await pay(rep1, { orderId: o.id, amount: '200.00', method: 'cheque', chequeNo: 'ZP0002' })).json();
    expect((await fin.post(`/api/payments/${c2.id}/confirm`, { version: 1 })).json().status).toBe('pending_clearance');
    expect((await fin.post(`/api/payments/${c2.id}/bounce`, { version: 2 })).json().status).toBe('bounced');
    expect((await orderMoney(env, o.id)).received).toBe('500.00');
    // A cheque without its number is a field error.
    const bad = await pay(fin, { orderId: o.id, amount: '1.00', method: 'cheque' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('chequeNo');
  });

  it('finance rejects a reported payment with a reason; nothing is counted', async () => {
    const o = await order();
    const p = (await pay(rep1, { orderId: o.id, amount: '100.00' })).json();
    expect((await fin.post(`/api/payments/${p.id}/reject`, { version: 1 })).statusCode).toBe(400);
    const r = await fin.post(`/api/payments/${p.id}/reject`, { version: 1, reason: '银行流水未见此笔' });
    expect(r.json()).toMatchObject({ status: 'rejected', remark: '银行流水未见此笔' });
    expect((await orderMoney(env, o.id)).received).toBe('0.00');
    expect((await fin.post(`/api/payments/${p.id}/confirm`, { version: 2 })).statusCode).toBe(409);
  });

  it('refuses over-collection beyond the order total, at report and again at confirmation', async () => {
    const o = await order(); // 1130.00
    expect((await pay(fin, { orderId: o.id, amount: '1000.00' })).statusCode).toBe(201);
    const over = await pay(rep1, { orderId: o.id, amount: '130.01' });
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toContain('超额收款');
    expect(over.json().message).toContain('130.00');
    const a = (await pay(rep1, { orderId: o.id, amount: '100.00' })).json();
    const b = (await pay(rep1, { orderId: o.id, amount: '100.00' })).json();
    expect((await fin.post(`/api/payments/${a.id}/confirm`, { version: 1 })).statusCode).toBe(200);
    expect((await fin.post(`/api/payments/${b.id}/confirm`, { version: 1 })).statusCode).toBe(409);
    expect((await orderMoney(env, o.id)).received).toBe('1100.00');
    // Zero, negative and badly formatted amounts are field errors.
    for (const amount of ['0', '0.00', '-5', '1.234'])
      expect((await pay(fin, { orderId: o.id, amount })).statusCode).toBe(400);
  });

  it('a contract payment may name a plan item of that contract only; it updates the contract and the item', async () => {
    const c = await insertContract(env, {
      customerId,
      ownerId: org.user.rep1,
      ownerDeptId: org.dept.sales1,
      amount: '10000.00',
      plan: [
        { kind: 'deposit', dueDate: today(), amount: '3000.00' },
        { kind: 'final', dueDate: today(), amount: '7000.00' },
      ],
    });
    const other = await insertContract(env, {
      customerId,
      ownerId: org.user.rep1,
      ownerDeptId: org.dept.sales1,
      amount: '500.00',
      plan: [{ kind: 'final', dueDate: today(), amount: '500.00' }],
    });
    const wrong = await pay(fin, { contractId: c.id, planItemId: other.planIds[0], amount: '100.00', kind: 'deposit' });
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json())).toContain('planItemId');
    expect((await pay(fin, { orderId: 1, contractId: c.id, amount: '1.00' })).statusCode).toBe(400);
    const ok = await pay(fin, { contractId: c.id, planItemId: c.planIds[0], amount: '3000.00', kind: 'deposit' });
    expect(ok.json()).toMatchObject({ status: 'confirmed', contractId: c.id, planItemId: c.planIds[0] });
    const r = await env.database.pool.query(
      `select c.received_amount::text as c, p.received_amount::text as p from contracts c join contract_payment_plan p on p.contract_id = c.id where p.id = $1`,
      [c.planIds[0]],
    );
    expect(r.rows[0]).toEqual({ c: '3000.00', p: '3000.00' });
    expect((await pay(fin, { contractId: c.id, amount: '7000.01' })).statusCode).toBe(409);
  });

  it('same Idempotency-Key: 50 concurrent creates make one payment and 50 identical answers', async () => {
    const o = await order();
    const key = `pay-idem-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => pay(rep1, { orderId: o.id, amount: '10.00' }, { 'idempotency-key': key })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    // One payment, and every answer byte for byte the same (replays are read back from the stored response).
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    expect(results[0].json()).toMatchObject({ orderId: o.id, amount: '10.00', status: 'reported' });
    const n = await env.database.pool.query(`select count(*)::int as n from payments where order_id = $1`, [o.id]);
    expect(n.rows[0].n).toBe(1);
    // The same key with another body is refused.
    expect((await pay(rep1, { orderId: o.id, amount: '11.00' }, { 'idempotency-key': key })).statusCode).toBe(409);
  });

  it('lists, counts and by-id reads are scoped: rep2 gets 404 and sees nothing', async () => {
    const o = await order();
    const p = (await pay(rep1, { orderId: o.id, amount: '1.00', kind: 'deposit' })).json();
    expect((await rep2.get(`/api/payments/${p.id}`)).statusCode).toBe(404);
    expect((await rep2.get(`/api/payments/${p.id}/timeline`)).statusCode).toBe(404);
    expect((await rep2.get(`/api/payments?orderId=${o.id}`)).json().items).toEqual([]);
    expect((await rep2.get(`/api/payments/count?orderId=${o.id}`)).json().total).toBe(0);
    expect(
      (
        await rep2.post('/api/payments', {
          orderId: o.id,
          kind: 'full',
          method: 'cash',
          amount: '1.00',
          receivedDate: today(),
          payerName: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const mine = (await rep1.get(`/api/payments?orderId=${o.id}&status=reported&kind=deposit`)).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([p.id]);
    expect(mine.items[0]).toMatchObject({ customerName: '杭州收款测试有限公司', orderNo: o.no });
    expect((await rep1.get(`/api/payments/count?orderId=${o.id}&status=confirmed`)).json().total).toBe(0);
  });
});
