import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { notifications } from '../../platform/notifications/notifications.schema.ts';
import { pdfText } from '../../platform/printing/pdf-text.ts';
import { tasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { contractAmendments } from './contracts.schema.ts';
import { runContractReminderSweep } from './contracts.sweep.ts';
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
const today = companyDate(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep, rep2, manager1, commerce] = await Promise.all(
    ['rep1', 'rep2', 'manager1', 'commerce'].map((u) => Client.login(env.app, u)),
  );
  legal = await userWithRole(env, 'legal1', '陈法务', org.dept.mgmt, 'legal');
  productId = await insertProduct(env, { code: 'HT-P2', name: '工业机器人', standardPrice: '10000.00' });
  customerId = (
    await rep.post('/api/customers', { kind: 'company', name: '变更测试客户有限公司', phone: '02166667777' })
  ).json().id;
  // The proposal the customer accepted: the source these contracts are signed on.
  proposalId = await acceptedProposal(rep, customerId);
});
afterAll(() => env.close());

const review = async (instanceId: number, outcome: 'approve' | 'reject' = 'approve') => {
  const r = await legal.post(`/api/approvals/${instanceId}/${outcome}`, { comment: '评审意见' });
  expect(r.statusCode).toBe(200);
  if (outcome === 'approve') await commerce.post(`/api/approvals/${instanceId}/approve`, {});
};
const detail = async (id: number) => (await rep.get(`/api/contracts/${id}`)).json();

/** A signed contract of 100 000 (deposit 30 000 + final 70 000). */
async function signedContract(over: Record<string, unknown> = {}) {
  const { id } = (
    await rep.post('/api/contracts', {
      customerId,
      title: '机器人采购合同',
      lines: [line(productId, '10', '10000.00')],
      paymentPlan: plan(['deposit', addDays(today, 10), '30000.00'], ['final', addDays(today, 60), '70000.00']),
      startDate: today,
      endDate: addDays(today, 365),
      proposalId,
      ...TERMS,
      ...over,
    })
  ).json();
  await review((await rep.post(`/api/contracts/${id}/submit`, { version: 1 })).json().instanceId);
  const c = await detail(id);
  await manager1.post(`/api/contracts/${id}/sign`, {
    version: c.version,
    signedDate: today,
    ourSignatory: '李经理',
    customerSignatory: '赵采购',
    scan,
  });
  return detail(id);
}

const amendBody = (c: { version: number; endDate: string }, over: Record<string, unknown> = {}) => ({
  version: c.version,
  reason: '客户追加两台',
  lines: [line(productId, '12', '10000.00')],
  paymentPlan: plan(['deposit', addDays(today, 10), '30000.00'], ['final', addDays(today, 60), '90000.00']),
  startDate: today,
  endDate: c.endDate,
  ...TERMS,
  ...over,
});

describe('amendments (变更)', () => {
  it('stores the field diff, goes through review and applies the new revision when approved', async () => {
    const c = await signedContract();
    const res = await rep.post(`/api/contracts/${c.id}/amendments`, amendBody(c, { deliveryTerms: '分两批交货' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ revision: 2, status: 'pending' });
    const fields = res.json().changes.map((ch: { field: string }) => ch.field);
    expect(fields).toEqual(['amount', 'deliveryTerms', 'lines', 'paymentPlan']);
    expect(res.json().changes[0]).toEqual({ field: 'amount', old: '100000.00', new: '120000.00' });
    expect((await rep.post(`/api/contracts/${c.id}/amendments`, amendBody(c))).statusCode).toBe(409);
    expect((await detail(c.id)).amount).toBe('100000.00');

    await review(res.json().instanceId);
    const after = await detail(c.id);
    expect(after).toMatchObject({ status: 'signed', revision: 2, amount: '120000.00', deliveryTerms: '分两批交货' });
    expect(after.paymentPlan.map((p: { amount: string }) => p.amount)).toEqual(['30000.00', '90000.00']);
    const list = (await rep.get(`/api/contracts/${c.id}/amendments`)).json().items;
    expect(list).toEqual([
      expect.objectContaining({ revision: 2, status: 'approved', reason: '客户追加两台', changes: res.json().changes }),
    ]);
    expect((await rep2.get(`/api/contracts/${c.id}/amendments`)).statusCode).toBe(404);
    const history = (await rep.get(`/api/contracts/${c.id}/timeline`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(history.slice(0, 3)).toEqual(['amendment_applied', 'amendment_proposed', 'sign']);
    expect(history.at(-1)).toBe('create');
  });

  it('refuses a plan that does not sum to the new amount, and a draft; a rejection changes nothing', async () => {
    const c = await signedContract();
    const bad = await rep.post(
      `/api/contracts/${c.id}/amendments`,
      amendBody(c, { paymentPlan: plan(['final', today, '100000.00']) }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].message).toBe(
      '回款计划合计 ¥100,000.00 与合同金额 ¥120,000.00 不一致（相差 ¥20,000.00）',
    );
    expect(
      await env.database.db.select().from(contractAmendments).where(eq(contractAmendments.contractId, c.id)),
    ).toEqual([]);
    const rejected = (await rep.post(`/api/contracts/${c.id}/amendments`, amendBody(c))).json();
    await review(rejected.instanceId, 'reject');
    expect(await detail(c.id)).toMatchObject({ amount: '100000.00', revision: 1 });
    expect((await rep.get(`/api/contracts/${c.id}/amendments`)).json().items[0]).toMatchObject({ status: 'rejected' });
    const d = (
      await rep.post('/api/contracts', { customerId, title: '草稿', lines: [line(productId, '1', '1.00')] })
    ).json();
    expect(
      (await rep.post(`/api/contracts/${d.id}/amendments`, amendBody({ version: 1, endDate: today }))).statusCode,
    ).toBe(409);
  });

  it('may not drop a term 合同评审 requires', async () => {
    const c = await signedContract();
    const res = await rep.post(
      `/api/contracts/${c.id}/amendments`,
      amendBody(c, { qualityStandard: null, afterSalesTerms: '  ' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      {
        field: 'qualityStandard',
        code: 'contract.terms.qualityStandard_required',
        message: '提交评审前须填写质量标准',
      },
      {
        field: 'afterSalesTerms',
        code: 'contract.terms.afterSalesTerms_required',
        message: '提交评审前须填写售后服务条款',
      },
    ]);
    expect(
      await env.database.db.select().from(contractAmendments).where(eq(contractAmendments.contractId, c.id)),
    ).toEqual([]);
  });
});

describe('disputes (纠纷)', () => {
  it('records a dispute with its handler, lists it while open, resolves it', async () => {
    const c = await signedContract();
    const r = await rep.post(`/api/contracts/${c.id}/disputes`, {
      title: '交货延迟',
      description: '客户称第二批晚到一周',
      handlerId: org.user.manager1,
    });
    expect(r.statusCode).toBe(201);
    const open = (await rep.get('/api/contract-disputes')).json();
    expect(open.items).toEqual([
      expect.objectContaining({
        id: r.json().id,
        title: '交货延迟',
        handlerName: '李经理',
        status: 'open',
        contractNo: c.no,
      }),
    ]);
    expect((await rep2.get('/api/contract-disputes')).json().items).toEqual([]);
    expect((await detail(c.id)).openDisputes).toBe(1);
    expect(
      (await rep2.post(`/api/contract-disputes/${r.json().id}/resolve`, { version: 1, resolution: 'x' })).statusCode,
    ).toBe(404);
    const done = await rep.post(`/api/contract-disputes/${r.json().id}/resolve`, {
      version: 1,
      resolution: '补偿运费后客户认可',
    });
    expect(done.json()).toMatchObject({ status: 'resolved', version: 2 });
    expect((await rep.get('/api/contract-disputes')).json().items).toEqual([]);
    expect((await rep.get(`/api/contracts/${c.id}/disputes`)).json().items[0]).toMatchObject({
      status: 'resolved',
      resolution: '补偿运费后客户认可',
    });
    expect(
      (await rep.post(`/api/contract-disputes/${r.json().id}/resolve`, { version: 1, resolution: 'again' })).statusCode,
    ).toBe(412);
  });
});

describe('reminders sweep', () => {
  it('creates expiry and instalment tasks once; a re-run changes nothing', async () => {
    const c = await signedContract({
      title: '到期提醒合同',
      endDate: addDays(today, 10),
      paymentPlan: plan(['deposit', addDays(today, -3), '30000.00'], ['final', addDays(today, 2), '70000.00']),
    });
    const now = new Date();
    const first = await runContractReminderSweep(env.database.db, now);
    expect(first.changed).toBeGreaterThanOrEqual(4);
    const mine = await env.database.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.refType, 'contract'), eq(tasks.refId, c.id)));
    expect(mine.map((t) => t.kind).sort()).toEqual([
      'contract.expiry',
      'contract.instalment',
      'contract.instalment',
      'contract.instalment_overdue',
    ]);
    expect(mine.every((t) => t.userId === org.user.rep1)).toBe(true);
    const notes = await env.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'contract.instalment_overdue'));
    expect(notes).toHaveLength(1);
    expect((await runContractReminderSweep(env.database.db, now)).changed).toBe(0);
    expect(
      await env.database.db.select().from(notifications).where(eq(notifications.kind, 'contract.instalment_overdue')),
    ).toHaveLength(1);
    // Terminating the contract cancels its open reminders.
    const cur = await detail(c.id);
    await rep.post(`/api/contracts/${c.id}/terminate`, { version: cur.version, reason: '客户破产' });
    const left = await env.database.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.refType, 'contract'), eq(tasks.refId, c.id), eq(tasks.status, 'open')));
    expect(left).toEqual([]);
    expect((await detail(c.id)).status).toBe('terminated');
  });
});

describe('PDF', () => {
  it('prints parties, lines, the amount in capitals and the payment plan', async () => {
    const c = await signedContract();
    const res = await rep.get(`/api/contracts/${c.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    for (const s of [
      '销售合同',
      c.no,
      '变更测试客户有限公司',
      '工业机器人',
      '壹拾万元整',
      '¥30,000.00',
      '¥70,000.00',
      '李经理',
      '赵采购',
      // The terms 合同评审 requires are printed with their labels.
      `付款方式：${TERMS.paymentTerms}`,
      `质量标准：${TERMS.qualityStandard}`,
      `交货条款：${TERMS.deliveryTerms}`,
      `售后服务条款：${TERMS.afterSalesTerms}`,
    ])
      expect(text).toContain(s.replace(/\s+/g, ''));
    expect((await rep2.get(`/api/contracts/${c.id}/pdf`)).statusCode).toBe(404);
  });
});
