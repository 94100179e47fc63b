import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let rep: Client;
let manager: Client;
let gm: Client;

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  rep = await Client.login(env.app, 'rep1');
  manager = await Client.login(env.app, 'manager1');
  gm = await Client.login(env.app, 'gm');
});
afterAll(() => env.close());

describe('credit (资信) changes through approval', () => {
  it('a credit-limit change waits in the manager inbox and takes effect only after approval', async () => {
    const c = (
      await rep.post('/api/customers', { kind: 'individual', name: '资信客户', mobile: '13500001111' })
    ).json();
    const req = await rep.post(`/api/customers/${c.id}/credit-requests`, {
      rating: 'A',
      creditLimit: '200000',
      paymentTermsDays: 45,
      reason: '年度框架合同',
    });
    expect(req.statusCode).toBe(201);
    expect(req.json().status).toBe('pending');
    expect((await rep.get(`/api/customers/${c.id}`)).json()).toMatchObject({ creditLimit: null, creditRating: null });
    const second = await rep.post(`/api/customers/${c.id}/credit-requests`, {
      rating: 'B',
      creditLimit: '1.00',
      paymentTermsDays: 0,
      reason: '重复',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe('该客户已有审批中的资信调整申请');

    const inbox = (await manager.get('/api/approvals/inbox')).json();
    expect(inbox.items).toEqual([
      expect.objectContaining({ instanceId: req.json().instanceId, docType: 'customer_credit' }),
    ]);
    expect((await manager.post(`/api/approvals/${req.json().instanceId}/approve`, {})).json()).toEqual({
      status: 'approved',
    });
    expect((await rep.get(`/api/customers/${c.id}`)).json()).toMatchObject({
      creditLimit: '200000.00',
      creditRating: 'A',
      paymentTermsDays: 45,
    });
    const list = (await rep.get(`/api/customers/${c.id}/credit-requests`)).json().items;
    expect(list[0]).toMatchObject({ status: 'approved', creditLimit: '200000.00', oldCreditLimit: null });
  });

  it('a limit above 500,000 also needs the general manager; rejection leaves the customer unchanged', async () => {
    const c = (
      await rep.post('/api/customers', { kind: 'individual', name: '大额客户', mobile: '13500002222' })
    ).json();
    const req = (
      await rep.post(`/api/customers/${c.id}/credit-requests`, {
        rating: 'A',
        creditLimit: '800000.50',
        paymentTermsDays: 60,
        reason: '大客户',
      })
    ).json();
    expect((await manager.post(`/api/approvals/${req.instanceId}/approve`, {})).json()).toEqual({
      status: 'pending',
      step: 1,
    });
    expect((await gm.post(`/api/approvals/${req.instanceId}/reject`, { comment: '额度过高' })).json()).toEqual({
      status: 'rejected',
    });
    expect((await rep.get(`/api/customers/${c.id}`)).json()).toMatchObject({ creditLimit: null });
    const bad = await rep.post(`/api/customers/${c.id}/credit-requests`, {
      rating: 'A',
      creditLimit: '12.345',
      paymentTermsDays: 60,
      reason: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({
      field: 'creditLimit',
      message: '金额格式不正确（非负数，最多两位小数）',
    });
  });
});
