import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { companyDate } from '../../platform/time.ts';
import { contracts } from './contracts.schema.ts';
import { acceptedProposal, addDays, line, plan, scan, TERMS, userWithRole } from './contracts.testkit.ts';
import { applyContractMoney } from './index.ts';

let env: TestEnv;
let org: Org;
let rep: Client;
let rep2: Client;
let manager1: Client;
let manager2: Client;
let legal: Client;
let commerce: Client;
let gm: Client;
let admin: Client;
let customerId: number;
let productId: number;
let proposalId: number;
const today = companyDate(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep, rep2, manager1, manager2, commerce, gm, admin] = await Promise.all(
    ['rep1', 'rep2', 'manager1', 'manager2', 'commerce', 'gm', 'admin'].map((u) => Client.login(env.app, u)),
  );
  legal = await userWithRole(env, 'legal1', '陈法务', org.dept.mgmt, 'legal');
  productId = await insertProduct(env, { code: 'HT-P1', name: '数控机床', standardPrice: '10000.00' });
  customerId = (
    await rep.post('/api/customers', { kind: 'company', name: '合同测试客户有限公司', phone: '02166668888' })
  ).json().id;
  // The proposal the customer accepted: the source these contracts are signed on.
  proposalId = await acceptedProposal(rep, customerId);
});
afterAll(() => env.close());

const draft = (over: Record<string, unknown> = {}) =>
  rep.post('/api/contracts', {
    customerId,
    title: '数控机床采购合同',
    lines: [line(productId, '10', '10000.00')],
    paymentPlan: plan(['deposit', addDays(today, 10), '30000.00'], ['final', addDays(today, 60), '70000.00']),
    startDate: today,
    endDate: addDays(today, 365),
    proposalId,
    ...TERMS,
    ...over,
  });
const detail = async (id: number, who = rep) => (await who.get(`/api/contracts/${id}`)).json();

/** The cell values of the first sheet, row by row. */
async function xlsxRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Drafts, submits and passes review (法务 → 商务); returns the approved contract. */
async function approvedContract(over: Record<string, unknown> = {}) {
  const { id } = (await draft(over)).json();
  const sub = (await rep.post(`/api/contracts/${id}/submit`, { version: 1 })).json();
  await legal.post(`/api/approvals/${sub.instanceId}/approve`, {});
  await commerce.post(`/api/approvals/${sub.instanceId}/approve`, {});
  return detail(id);
}

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

describe('signing (签订)', () => {
  it('records date, signatories and the scan; the scan downloads for the owner, 404 for rep2', async () => {
    const c = await approvedContract();
    expect(
      (
        await rep.post(`/api/contracts/${c.id}/sign`, {
          version: c.version,
          signedDate: today,
          ourSignatory: '李经理',
          customerSignatory: '客户代表',
          scan,
        })
      ).statusCode,
    ).toBe(403);
    const res = await manager1.post(`/api/contracts/${c.id}/sign`, {
      version: c.version,
      signedDate: today,
      ourSignatory: '李经理',
      customerSignatory: '客户代表',
      scan,
    });
    expect(res.statusCode).toBe(200);
    const signed = await detail(c.id);
    expect(signed).toMatchObject({
      status: 'signed',
      signedDate: today,
      ourSignatory: '李经理',
      customerSignatory: '客户代表',
    });
    expect(signed.attachments).toEqual([
      expect.objectContaining({ id: res.json().scan.id, purpose: 'contract_scan', fileName: '合同扫描件.png' }),
    ]);
    // The history names the scan by its file (issue 11: "扫描件 → 4" showed its id).
    const history = (await rep.get(`/api/contracts/${c.id}/timeline`)).json().items;
    const scanChange = history
      .flatMap((e: { changes: { field: string; new: unknown }[] }) => e.changes)
      .find((ch: { field: string }) => ch.field === 'scanAttachmentId');
    expect(scanChange.new).toBe('合同扫描件.png');
    const file = await rep.get(`/api/attachments/${res.json().scan.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(Buffer.from(scan.contentBase64, 'base64'))).toBe(true);
    expect((await rep2.get(`/api/attachments/${res.json().scan.id}`)).statusCode).toBe(404);
    const again = await manager1.post(`/api/contracts/${c.id}/sign`, {
      version: signed.version,
      signedDate: today,
      ourSignatory: 'x',
      customerSignatory: 'y',
      scan,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('合同当前状态（已签订）不允许此操作（签订）');
    expect((await detail(c.id)).ourSignatory).toBe('李经理');
  });

  it('under contracts.signAfterDownPayment refuses signing until the deposit is received', async () => {
    const pol = (await admin.get('/api/policies'))
      .json()
      .items.find((p: { key: string }) => p.key === 'contracts.signAfterDownPayment');
    expect(
      (await admin.put('/api/policies/contracts.signAfterDownPayment', { value: true, version: pol.version }))
        .statusCode,
    ).toBe(200);
    try {
      const c = await approvedContract();
      const body = {
        version: c.version,
        signedDate: today,
        ourSignatory: '李经理',
        customerSignatory: '客户代表',
        scan,
      };
      const refused = await manager1.post(`/api/contracts/${c.id}/sign`, body);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().message).toBe('须先收到定金/首期款 ¥30,000.00 才能签订合同（已收 ¥0.00）');
      expect((await detail(c.id)).attachments).toEqual([]);
      const ctx = await ctxFor(env, await Client.login(env.app, 'finance'));
      await env.database.db.transaction((tx) =>
        applyContractMoney(tx, ctx, c.id, { received: '30000.00', planItemId: c.paymentPlan[0].id }),
      );
      expect((await manager1.post(`/api/contracts/${c.id}/sign`, body)).statusCode).toBe(200);
    } finally {
      const now = (await admin.get('/api/policies'))
        .json()
        .items.find((p: { key: string }) => p.key === 'contracts.signAfterDownPayment');
      await admin.put('/api/policies/contracts.signAfterDownPayment', { value: false, version: now.version });
    }
  });
});

describe('ledger (合同台账)', () => {
  it('keeps invoiced/received through applyContractMoney; remaining and overdue follow', async () => {
    const c = await approvedContract({
      paymentPlan: plan(['deposit', addDays(today, -5), '30000.00'], ['final', addDays(today, 30), '70000.00']),
      title: '台账测试合同',
    });
    const ctx = await ctxFor(env, await Client.login(env.app, 'finance'));
    const apply = (d: Parameters<typeof applyContractMoney>[3]) =>
      env.database.db.transaction((tx) => applyContractMoney(tx, ctx, c.id, d));
    await apply({ invoiced: '50000.00' });
    await apply({ received: '20000.00', planItemId: c.paymentPlan[0].id });
    const row = (await rep.get('/api/contracts?keyword=台账测试合同')).json().items[0];
    expect(row).toMatchObject({
      amount: '100000.00',
      invoicedAmount: '50000.00',
      receivedAmount: '20000.00',
      remainingAmount: '80000.00',
      overdue: true,
    });
    const d = await detail(c.id);
    expect(d.paymentPlan[0]).toMatchObject({ receivedAmount: '20000.00', overdue: true });
    expect(d.risks).toEqual([{ code: 'instalment_overdue', params: { count: 1, amount: '10000.00' } }]);
    expect((await rep.get('/api/contracts/count?overdue=true&keyword=台账测试合同')).json().total).toBe(1);

    const other = await approvedContract();
    await expect(apply({ received: '1.00', planItemId: other.paymentPlan[0].id })).rejects.toMatchObject({
      status: 400,
    });
    await expect(apply({ invoiced: '-50000.01' })).rejects.toMatchObject({ status: 409 });
    await apply({ received: '10000.00', planItemId: c.paymentPlan[0].id });
    expect((await rep.get('/api/contracts?keyword=台账测试合同')).json().items[0]).toMatchObject({
      receivedAmount: '30000.00',
      overdue: false,
    });
    const [db] = await env.database.db.select().from(contracts).where(eq(contracts.id, c.id));
    expect(db.version).toBe(c.version);
  });

  it('filters by status and expiring within N days, and exports xlsx', async () => {
    const soon = await approvedContract({ title: '即将到期合同', endDate: addDays(today, 20) });
    await manager1.post(`/api/contracts/${soon.id}/sign`, {
      version: soon.version,
      signedDate: today,
      ourSignatory: 'a',
      customerSignatory: 'b',
      scan,
    });
    const list = (await rep.get('/api/contracts?expiringWithinDays=30&status=signed')).json();
    expect(list.items.map((i: { title: string }) => i.title)).toContain('即将到期合同');
    expect(list.items.every((i: { endDate: string }) => i.endDate <= addDays(today, 30))).toBe(true);
    const x = await rep.get('/api/contracts/export?keyword=即将到期');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxRows(x.rawPayload);
    expect(rows[0].slice(0, 4)).toEqual(['合同编号', '合同名称', '客户', '状态']);
    // The filter applies, the status is its label, the amount a number cell.
    expect(rows.slice(1)).toEqual([
      expect.arrayContaining([soon.no, '即将到期合同', '合同测试客户有限公司', '已签订', 100000]),
    ]);
    const other = await rep2.get('/api/contracts/export');
    expect(other.statusCode).toBe(200);
    expect((await xlsxRows(other.rawPayload)).flat()).not.toContain(soon.no);
  });
});
