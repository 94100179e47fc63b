import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertOrder } from './finance.fixtures.ts';

// Issue 11 item 3: a collection task opens the invoice with its open balance — the maintained
// receivable row (ADR 0003) of an issued invoice: applied credits, outstanding, days past due.
let env: TestEnv;
let org: Org;
let rep1: Client;
let fin: Client;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, fin] = await Promise.all(['rep1', 'finance'].map((u) => Client.login(env.app, u)));
});
afterAll(() => env.close());

describe('GET /api/invoices/:id balance', () => {
  it('gives an issued invoice its applied credits, outstanding amount and days past due; a void one none', async () => {
    const c = (await rep1.post('/api/customers', { kind: 'company', name: '催收测试公司' })).json().id as number;
    const order = await insertOrder(env, { customerId: c, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1 });
    const inv = await fin.post('/api/invoices', { kind: 'vat_normal', externalNo: 'B-0001', orderId: order.id });
    expect(inv.statusCode, inv.body).toBe(201);
    const id = inv.json().id as number;
    expect((await rep1.get(`/api/invoices/${id}`)).json().balance).toEqual({
      applied: '0.00',
      outstanding: '1130.00',
      daysOverdue: 0,
    });
    const p = await rep1.post('/api/payments', {
      kind: 'instalment',
      method: 'transfer',
      receivedDate: today(),
      payerName: '催收测试公司',
      orderId: order.id,
      amount: '300.00',
    });
    expect((await fin.post(`/api/payments/${p.json().id}/confirm`, { version: 1 })).statusCode).toBe(200);
    // Ten days past due: the receivable row carries the invoice's due date.
    await env.database.pool.query(`update receivable_invoices set due_date = current_date - 10 where invoice_id = $1`, [
      id,
    ]);
    expect((await rep1.get(`/api/invoices/${id}`)).json().balance).toMatchObject({
      applied: '300.00',
      outstanding: '830.00',
    });
    expect((await rep1.get(`/api/invoices/${id}`)).json().balance.daysOverdue).toBeGreaterThanOrEqual(9);
    const v = await fin.post(`/api/invoices/${id}/void`, { version: inv.json().version, reason: '开错抬头' });
    expect(v.statusCode, v.body).toBe(200);
    expect((await rep1.get(`/api/invoices/${id}`)).json().balance).toBeNull();
  });
});
