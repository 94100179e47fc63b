import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestEnv } from '../../../test/harness.ts';
import { type ContractFixture, contractFixture } from './contracts.fixture.ts';
import { addDays, line, plan } from './contracts.testkit.ts';

// Drafting and review (合同起草、评审); signing and the ledger are in contracts.signing.test.ts.
let env: TestEnv;
let rep: Client;
let rep2: Client;
let manager1: Client;
let manager2: Client;
let legal: Client;
let commerce: Client;
let gm: Client;
let productId: number;
let today: string;
let draft: ContractFixture['draft'];
let detail: ContractFixture['detail'];
let approvedContract: ContractFixture['approvedContract'];

beforeAll(async () => {
  ({ env, rep, rep2, manager1, manager2, legal, commerce, gm, productId, today, draft, detail, approvedContract } =
    await contractFixture());
});
afterAll(() => env.close());

describe('drafting (合同起草)', () => {
  it('renders a template, prices the lines and takes party A from the company', async () => {
    const t = await legal.post('/api/contract-templates', {
      name: '设备销售合同范本',
      body: '乙方：{{customerName}}\n合同编号：{{contractNo}}\n合同金额：{{amount}}（大写：{{amountInWords}}）\n质量标准：{{qualityStandard}}\n签订日期：{{signedDate}}',
      qualityStandard: 'GB/T 19001 合格',
      afterSalesTerms: '保修一年',
    });
    expect(t.statusCode).toBe(201);
    const off = (await legal.post('/api/contract-templates', { name: '停用范本', body: 'x', active: false })).json();
    expect((await rep.get('/api/contract-templates')).json().items.map((x: { id: number }) => x.id)).toEqual([
      t.json().id,
    ]);
    expect((await rep.get('/api/contract-templates/manage')).statusCode).toBe(403);
    expect(
      (await legal.get('/api/contract-templates/manage'))
        .json()
        .items.map((x: { id: number }) => x.id)
        .sort(),
    ).toEqual([t.json().id, off.id].sort());
    expect((await draft({ templateId: off.id })).json().fields[0]).toMatchObject({
      field: 'templateId',
      code: 'contract.template.unknown',
    });
    // Without quality standard and after-sales terms of its own the contract takes the template's.
    const res = await draft({ templateId: t.json().id, qualityStandard: undefined, afterSalesTerms: undefined });
    expect(res.statusCode).toBe(201);
    const c = await detail(res.json().id);
    expect(c).toMatchObject({
      status: 'draft',
      amount: '100000.00',
      partyA: '总公司',
      partyB: '合同测试客户有限公司',
      qualityStandard: 'GB/T 19001 合格',
      afterSalesTerms: '保修一年',
    });
    expect(c.no).toMatch(/^HT/);
    expect(c.body).toContain(`合同编号：${c.no}`);
    expect(c.body).toContain('合同金额：¥100,000.00（大写：壹拾万元整）');
    expect(c.lines).toEqual([
      expect.objectContaining({ description: '数控机床', qty: '10', grossAmount: '100000.00', unit: '台' }),
    ]);
    expect(c.paymentPlan.map((p: { seq: number; amount: string }) => [p.seq, p.amount])).toEqual([
      [1, '30000.00'],
      [2, '70000.00'],
    ]);
  });

  it('refuses a plan that does not sum to the amount, naming the difference, and stores nothing', async () => {
    const before = (await rep.get('/api/contracts/count')).json().total;
    const res = await draft({ paymentPlan: plan(['deposit', today, '30000.00'], ['final', today, '60000.00']) });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      {
        field: 'paymentPlan',
        code: 'contract.plan.sum',
        message: '回款计划合计 ¥90,000.00 与合同金额 ¥100,000.00 不一致（相差 ¥10,000.00）',
      },
    ]);
    const back = await draft({
      paymentPlan: plan(['deposit', addDays(today, 5), '30000.00'], ['final', today, '70000.00']),
    });
    expect(back.json().fields[0]).toMatchObject({ field: 'paymentPlan.1.dueDate', code: 'contract.plan.date_order' });
    expect((await rep.get('/api/contracts/count')).json().total).toBe(before);
  });

  it('edits a draft with versioning (412 on a stale version); a bad plan changes nothing', async () => {
    const { id } = (await draft()).json();
    const body = {
      title: '改名合同',
      lines: [line(productId, '5', '10000.00')],
      paymentPlan: plan(['final', today, '50000.00']),
      version: 1,
    };
    const ok = await rep.put(`/api/contracts/${id}`, body);
    expect(ok.json()).toMatchObject({ version: 2, amount: '50000.00' });
    expect((await rep.put(`/api/contracts/${id}`, body)).statusCode).toBe(412);
    const bad = await rep.put(`/api/contracts/${id}`, {
      ...body,
      version: 2,
      lines: [line(productId, '6', '10000.00')],
    });
    expect(bad.statusCode).toBe(400);
    expect(await detail(id)).toMatchObject({ title: '改名合同', amount: '50000.00', version: 2 });
  });

  it('hides a contract from other departments (404 like an unknown id), shows it to the manager', async () => {
    const { id } = (await draft()).json();
    for (const who of [rep2, manager2]) {
      const r = await who.get(`/api/contracts/${id}`);
      expect(r.statusCode).toBe(404);
      expect(
        (await who.put(`/api/contracts/${id}`, { title: 'x', lines: [line(productId, '1', '1')], version: 1 }))
          .statusCode,
      ).toBe(404);
    }
    expect((await manager1.get(`/api/contracts/${id}`)).statusCode).toBe(200);
    expect((await manager2.get('/api/contracts?keyword=合同测试客户')).json().total).toBe(0);
  });
});

describe('contract review (合同评审)', () => {
  it('goes 法务 → 商务, locks the contract while in review and ends approved', async () => {
    const { id } = (await draft()).json();
    const sub = await rep.post(`/api/contracts/${id}/submit`, { version: 1 });
    expect(sub.json()).toMatchObject({ status: 'pending' });
    const inst = (await legal.get(`/api/approvals/${sub.json().instanceId}`)).json();
    expect(inst.steps.map((s: { name: string }) => s.name)).toEqual(['法务评审', '商务评审']);
    const locked = await rep.put(`/api/contracts/${id}`, {
      title: 'x',
      lines: [line(productId, '1', '1.00')],
      version: 2,
    });
    expect(locked.statusCode).toBe(409);
    // The refusal names the status and the action as the user sees them, not their codes.
    expect(locked.json()).toMatchObject({
      message: '合同当前状态（评审中）不允许此操作（编辑）',
      status: 'in_review',
      action: 'edit',
    });
    expect((await detail(id)).title).toBe('数控机床采购合同');
    expect((await legal.post(`/api/approvals/${sub.json().instanceId}/approve`, {})).json()).toEqual({
      status: 'pending',
      step: 1,
    });
    expect((await detail(id)).status).toBe('in_review');
    expect((await commerce.post(`/api/approvals/${sub.json().instanceId}/approve`, {})).json()).toEqual({
      status: 'approved',
    });
    expect(await detail(id)).toMatchObject({ status: 'approved', reviewInstanceId: sub.json().instanceId });
  });

  it('a rejection returns the contract to draft; a large amount also needs the general manager', async () => {
    const { id } = (await draft()).json();
    const sub = (await rep.post(`/api/contracts/${id}/submit`, { version: 1 })).json();
    expect((await legal.post(`/api/approvals/${sub.instanceId}/reject`, { comment: '违约条款不清' })).json()).toEqual({
      status: 'rejected',
    });
    expect((await detail(id)).status).toBe('draft');
    const big = (
      await draft({ lines: [line(productId, '60', '10000.00')], paymentPlan: plan(['final', today, '600000.00']) })
    ).json();
    const s2 = (await rep.post(`/api/contracts/${big.id}/submit`, { version: 1 })).json();
    const steps = (await legal.get(`/api/approvals/${s2.instanceId}`))
      .json()
      .steps.map((s: { name: string }) => s.name);
    expect(steps).toEqual(['法务评审', '商务评审', '总经理审批']);
    await legal.post(`/api/approvals/${s2.instanceId}/approve`, {});
    await commerce.post(`/api/approvals/${s2.instanceId}/approve`, {});
    expect((await detail(big.id)).status).toBe('in_review');
    expect((await gm.post(`/api/approvals/${s2.instanceId}/approve`, {})).json()).toEqual({ status: 'approved' });
    expect((await detail(big.id)).status).toBe('approved');
  });

  it('refuses to submit without a payment plan', async () => {
    const { id } = (await draft({ paymentPlan: [] })).json();
    const r = await rep.post(`/api/contracts/${id}/submit`, { version: 1 });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields[0]).toMatchObject({ field: 'paymentPlan', code: 'contract.plan.required' });
  });
});

describe('the review tab (issue 11: a 404 page in the tab)', () => {
  it("shows the contract's reviews to everyone who sees the contract, not only its applicant and approvers", async () => {
    const c = await approvedContract();
    expect((await gm.get(`/api/approvals/${c.reviewInstanceId}`)).statusCode).toBe(404);
    const history = await gm.get(`/api/contracts/${c.id}/approvals`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items).toEqual([
      expect.objectContaining({ id: c.reviewInstanceId, docType: 'contract', status: 'approved' }),
    ]);
    expect((await rep2.get(`/api/contracts/${c.id}/approvals`)).statusCode).toBe(404);
  });
});
