import { ContractListQuery } from '@sales/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse } from '../../../test/q2c-seed.ts';
import { companyDate } from '../../platform/time.ts';
import { setPolicy } from '../quotes/quotes.test-helpers.ts';
import { listContracts } from './contracts.list.ts';
import { getContract } from './contracts.queries.ts';
import { acceptedProposal, addDays, line, plan, scan, TERMS, userWithRole } from './contracts.testkit.ts';

/**
 * Rules of 合同评审 and signing that regulations state (issue 9): the terms a review needs, the
 * accepted proposal or quote a contract is signed on, and the 交付延迟 risk flag.
 */
let env: TestEnv;
let org: Org;
let rep: Client;
let rep2: Client;
let manager1: Client;
let legal: Client;
let commerce: Client;
let admin: Client;
let customerId: number;
let otherCustomerId: number;
let productId: number;
let warehouseId: number;
const today = companyDate(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep, rep2, manager1, commerce, admin] = await Promise.all(
    ['rep1', 'rep2', 'manager1', 'commerce', 'admin'].map((u) => Client.login(env.app, u)),
  );
  legal = await userWithRole(env, 'legal1', '陈法务', org.dept.mgmt, 'legal');
  productId = await insertProduct(env, { code: 'HT-R1', name: '激光切割机', standardPrice: '10000.00' });
  warehouseId = await insertWarehouse(env);
  customerId = (
    await rep.post('/api/customers', { kind: 'company', name: '规则测试客户有限公司', phone: '02166669999' })
  ).json().id;
  otherCustomerId = (await rep.post('/api/customers', { kind: 'company', name: '另一客户有限公司' })).json().id;
});
afterAll(() => env.close());

const detail = async (id: number) => (await rep.get(`/api/contracts/${id}`)).json();
const draft = async (over: Record<string, unknown> = {}) => {
  const res = await rep.post('/api/contracts', {
    customerId,
    title: '激光切割机采购合同',
    lines: [line(productId, '2', '10000.00')],
    paymentPlan: plan(['final', addDays(today, 30), '20000.00']),
    ...TERMS,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};
async function review(id: number) {
  const sub = await rep.post(`/api/contracts/${id}/submit`, { version: (await detail(id)).version });
  expect(sub.statusCode, sub.body).toBe(200);
  await legal.post(`/api/approvals/${sub.json().instanceId}/approve`, {});
  await commerce.post(`/api/approvals/${sub.json().instanceId}/approve`, {});
  const c = await detail(id);
  expect(c.status).toBe('approved');
  return c;
}
const sign = async (id: number) =>
  manager1.post(`/api/contracts/${id}/sign`, {
    version: (await detail(id)).version,
    signedDate: today,
    ourSignatory: '李经理',
    customerSignatory: '客户代表',
    scan,
  });

describe('submission for 合同评审 needs payment method, quality standard, delivery and after-sales terms', () => {
  it('names each missing term as a field error and changes nothing', async () => {
    const id = await draft({ paymentTerms: null, qualityStandard: '', deliveryTerms: '   ', afterSalesTerms: null });
    const res = await rep.post(`/api/contracts/${id}/submit`, { version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { field: 'paymentTerms', code: 'contract.terms.paymentTerms_required', message: '提交评审前须填写付款方式' },
      {
        field: 'qualityStandard',
        code: 'contract.terms.qualityStandard_required',
        message: '提交评审前须填写质量标准',
      },
      { field: 'deliveryTerms', code: 'contract.terms.deliveryTerms_required', message: '提交评审前须填写交货条款' },
      {
        field: 'afterSalesTerms',
        code: 'contract.terms.afterSalesTerms_required',
        message: '提交评审前须填写售后服务条款',
      },
    ]);
    expect(await detail(id)).toMatchObject({ status: 'draft', version: 1, reviewInstanceId: null });
    const en = await Client.login(env.app, 'rep1', undefined, 'en-US');
    expect((await en.post(`/api/contracts/${id}/submit`, { version: 1 })).json().fields[0].message).toBe(
      'Enter the payment terms before submitting for review',
    );
  });

  it('names only what is still missing, and submits once all four are there', async () => {
    const id = await draft({ qualityStandard: null });
    const res = await rep.post(`/api/contracts/${id}/submit`, { version: 1 });
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['qualityStandard']);
    const c = await detail(id);
    const put = await rep.put(`/api/contracts/${id}`, {
      title: c.title,
      lines: [line(productId, '2', '10000.00')],
      paymentPlan: plan(['final', addDays(today, 30), '20000.00']),
      ...TERMS,
      version: c.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await rep.post(`/api/contracts/${id}/submit`, { version: put.json().version })).statusCode).toBe(200);
    expect((await detail(id)).status).toBe('in_review');
  });
});

describe('the review chain with a stated quality standard', () => {
  it('goes to the general manager only when the standard departs from the template text', async () => {
    const tpl = (
      await legal.post('/api/contract-templates', {
        name: '切割机合同范本',
        body: '乙方：{{customerName}}',
        qualityStandard: 'GB/T 19001 合格',
        afterSalesTerms: '保修一年',
      })
    ).json().id;
    const steps = async (over: Record<string, unknown>) => {
      const id = await draft(over);
      const sub = (await rep.post(`/api/contracts/${id}/submit`, { version: 1 })).json();
      return (await legal.get(`/api/approvals/${sub.instanceId}`)).json().steps.map((x: { name: string }) => x.name);
    };
    expect(await steps({ templateId: tpl, qualityStandard: 'GB/T 19001 合格' })).toEqual(['法务评审', '商务评审']);
    expect(await steps({ templateId: tpl, qualityStandard: '加工精度 ±0.001mm，逐台出具检测报告' })).toEqual([
      '法务评审',
      '商务评审',
      '总经理审批',
    ]);
    expect(await steps({})).toEqual(['法务评审', '商务评审']);
  });
});

describe('signing needs an accepted proposal or quote (seed 000 3.1.3) unless contracts.allowDirect', () => {
  it('refuses a direct contract by default, nothing stored; the policy lets it be signed', async () => {
    const id = await draft();
    const c = await review(id);
    expect(c.source).toMatchObject({ kind: 'direct', accepted: false });
    const refused = await sign(id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'contract.sign.no_source',
      message: '合同须以客户已接受的销售提案或报价为依据才能签订；确需直接签订的，须由管理员开启“允许直接签订合同”',
    });
    expect(await detail(id)).toMatchObject({ status: 'approved', version: c.version, attachments: [] });
    await setPolicy(admin, 'contracts.allowDirect', true);
    try {
      expect((await sign(id)).statusCode).toBe(200);
      expect((await detail(id)).status).toBe('signed');
    } finally {
      await setPolicy(admin, 'contracts.allowDirect', false);
    }
  });

  it('refuses while the customer has not accepted the proposal; signs once they have', async () => {
    const opp = await acceptedProposal(rep, customerId, '待答复提案');
    // The customer changed their mind: the answer is pending again.
    const p = (await env.database.pool.query('select version from opportunity_proposals where id = $1', [opp])).rows[0];
    await rep.post(`/api/opportunity-proposals/${opp}/response`, { response: 'pending', version: p.version });
    const id = await draft({ proposalId: opp });
    const c = await review(id);
    expect(c.source).toMatchObject({ kind: 'proposal', accepted: false, proposalId: opp, proposalTitle: '待答复提案' });
    const refused = await sign(id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('客户尚未接受作为依据的销售提案「待答复提案」，不能签订合同');
    expect((await detail(id)).status).toBe('approved');
    const v = (await env.database.pool.query('select version from opportunity_proposals where id = $1', [opp])).rows[0];
    await rep.post(`/api/opportunity-proposals/${opp}/response`, { response: 'accepted', version: v.version });
    expect((await sign(id)).statusCode).toBe(200);
    expect((await detail(id)).source).toMatchObject({ kind: 'proposal', accepted: true });
  });

  it('links only a proposal of the same customer that the user may see', async () => {
    const theirs = await acceptedProposal(rep, otherCustomerId, '别家提案');
    const wrong = await rep.post('/api/contracts', {
      customerId,
      title: 'x',
      lines: [line(productId, '1', '10000.00')],
      proposalId: theirs,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([
      { field: 'proposalId', code: 'contract.proposal.customer', message: '销售提案不属于该合同的客户' },
    ]);
    const rep2Customer = (await rep2.post('/api/customers', { kind: 'company', name: '二部客户有限公司' })).json().id;
    const hidden = await acceptedProposal(rep2, rep2Customer, '二部提案');
    const unseen = await rep.post('/api/contracts', {
      customerId,
      title: 'x',
      lines: [line(productId, '1', '10000.00')],
      proposalId: hidden,
    });
    expect(unseen.json().fields[0]).toMatchObject({ field: 'proposalId', code: 'contract.proposal.unknown' });
  });

  it('signs a contract converted from an accepted quote', async () => {
    const q = (
      await rep.post('/api/quotes', {
        customerId,
        title: '切割机报价',
        lines: [{ productId, qty: '2', unitPrice: '10000.00', discountPercent: '0', taxRate: '0.00' }],
      })
    ).json();
    const sub = (await rep.post(`/api/quotes/${q.id}/submit`, { version: 1 })).json();
    expect((await manager1.post(`/api/approvals/${sub.instanceId}/approve`, {})).json()).toEqual({
      status: 'approved',
    });
    let cur = (await rep.get(`/api/quotes/${q.id}`)).json();
    cur = (await rep.post(`/api/quotes/${q.id}/send`, { version: cur.version })).json();
    await rep.post(`/api/quotes/${q.id}/respond`, { version: cur.version, response: 'accepted' });
    cur = (await rep.get(`/api/quotes/${q.id}`)).json();
    const { contractId } = (
      await rep.post(`/api/quotes/${q.id}/convert`, { version: cur.version, target: 'contract' })
    ).json();
    const c = await detail(contractId);
    const put = await rep.put(`/api/contracts/${contractId}`, {
      title: c.title,
      lines: [line(productId, '2', '10000.00')],
      paymentPlan: plan(['final', addDays(today, 30), '20000.00']),
      ...TERMS,
      version: c.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await review(contractId)).source).toMatchObject({ kind: 'quote', accepted: true, quoteId: q.id });
    expect((await sign(contractId)).statusCode).toBe(200);
  });
});

describe('交付延迟: a contract whose order slips past its delivery date is flagged (SPEC 3.3 risk warnings)', () => {
  it('flags it on the detail and the ledger from the day after the date, until the order is closed', async () => {
    const proposalId = await acceptedProposal(rep, customerId, '延迟提案');
    const id = await draft({ proposalId, title: '交付延迟测试合同' });
    await review(id);
    expect((await sign(id)).statusCode).toBe(200);
    const due = addDays(today, 3);
    const o = await rep.post(`/api/contracts/${id}/orders`, {
      version: (await detail(id)).version,
      requestedDate: due,
      warehouseId,
    });
    expect(o.statusCode, o.body).toBe(201);
    const ctx = await ctxFor(env, rep);
    const at = (day: string) => ({ ...ctx, now: () => new Date(`${day}T09:00:00+08:00`) });
    const ledger = async (day: string) =>
      (
        await listContracts(at(day), ContractListQuery.parse({ keyword: '交付延迟测试合同', deliveryLate: 'true' }))
      ).items.map((r) => r.id);

    expect((await getContract(at(due), id)).risks).toEqual([]);
    expect(await ledger(due)).toEqual([]);

    const late = await getContract(at(addDays(due, 1)), id);
    expect(late.risks).toEqual([{ code: 'delivery_late', params: { orders: o.json().orderNo, dueDate: due } }]);
    expect(await ledger(addDays(due, 1))).toEqual([id]);
    const row = (await listContracts(at(addDays(due, 1)), ContractListQuery.parse({ keyword: '交付延迟测试合同' })))
      .items[0];
    expect(row).toMatchObject({ id, deliveryLate: true });

    // The order is cancelled: nothing is late any more.
    const order = (await rep.get(`/api/orders/${o.json().orderId}`)).json();
    const cancel = await rep.post(`/api/orders/${order.id}/cancel`, { version: order.version, reason: '客户改期' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await getContract(at(addDays(due, 1)), id)).risks).toEqual([]);
    expect(await ledger(addDays(due, 1))).toEqual([]);
  });
});
