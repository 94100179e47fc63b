import { amountInWords, PRICE_MASK } from '@sales/core';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import { notifications } from '../../platform/notifications/notifications.schema.ts';
import { pdfText } from '../../platform/printing/pdf-text.ts';
import { companyDate } from '../../platform/time.ts';
import { contractLines, contracts } from './contracts.schema.ts';
import { acceptedProposal, addDays, line, plan, scan, TERMS, userWithRole } from './contracts.testkit.ts';
import { applyContractMoney } from './index.ts';

/*
 * SPEC 1.2 / issue 9: contract price terms are masked for roles without contract.prices — 法务
 * reads, reviews and approves the contract text and terms, never its prices, unless granted.
 */

let env: TestEnv;
let org: Org;
let rep: Client;
let manager1: Client;
let commerce: Client;
let legal: Client;
let admin: Client;
let customerId: number;
let productId: number;
const today = companyDate(new Date());

// One contract of 10 × ¥12,345.67 = ¥123,456.70: deposit ¥23,456.70 (past due, ¥20,000.00 received),
// final ¥100,000.00; ¥50,000.00 invoiced; then an amendment to 10 × ¥11,111.11 = ¥111,111.10.
const AMOUNTS = [
  ['123456.70', '123,456.70', '123456.7'],
  ['12345.67', '12,345.67'],
  ['13000.00', '13,000.00'],
  ['23456.70', '23,456.70', '23456.7'],
  ['100000.00', '100,000.00'],
  ['20000.00', '20,000.00'],
  ['50000.00', '50,000.00'],
  ['103456.70', '103,456.70', '103456.7'],
  ['3456.70', '3,456.70'],
  ['11111.11', '11,111.11'],
  ['111111.10', '111,111.10', '111111.1'],
  [amountInWords('123456.70'), amountInWords('111111.10'), amountInWords('12345.67')],
].flat();

/** Fails naming the first amount of the contract found in `text`. */
function expectNoAmount(text: string, where: string) {
  for (const a of AMOUNTS) expect(text.includes(a), `${where} shows ${a}`).toBe(false);
}
const json = (v: unknown) => JSON.stringify(v);

let contractId: number;
let draftId: number;
let reviewInstance: number;
let amendmentInstance: number;
let scanId: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep, manager1, commerce, admin] = await Promise.all(
    ['rep1', 'manager1', 'commerce', 'admin'].map((u) => Client.login(env.app, u)),
  );
  legal = await userWithRole(env, 'legal1', '陈法务', org.dept.mgmt, 'legal');
  // For the export and the edit below, this company also lets 法务 export and edit contracts.
  await grantToRole('legal', ['contract.export', 'contract.edit']);
  productId = await insertProduct(env, { code: 'JG-P1', name: '激光切割机', standardPrice: '13000.00' });
  customerId = (
    await rep.post('/api/customers', { kind: 'company', name: '价格保密测试有限公司', phone: '02166665555' })
  ).json().id;
  await env.database.db.execute(sql`update customers set credit_limit = '1000.00' where id = ${customerId}`);
  const proposalId = await acceptedProposal(rep, customerId);
  const tpl = await legal.post('/api/contract-templates', {
    name: '保密范本',
    body: '乙方：{{customerName}}\n合同编号：{{contractNo}}\n合同金额：{{amount}}（大写：{{amountInWords}}）\n付款方式：{{paymentTerms}}',
  });
  const body = {
    customerId,
    title: '激光切割机采购合同',
    templateId: tpl.json().id,
    proposalId,
    lines: [line(productId, '10', '12345.67')],
    paymentPlan: plan(['deposit', addDays(today, -5), '23456.70'], ['final', addDays(today, 60), '100000.00']),
    startDate: addDays(today, -10),
    endDate: addDays(today, 365),
    ...TERMS,
  };
  contractId = (await rep.post('/api/contracts', body)).json().id;
  draftId = (await rep.post('/api/contracts', { ...body, templateId: undefined })).json().id;
  reviewInstance = (await rep.post(`/api/contracts/${contractId}/submit`, { version: 1 })).json().instanceId;
});
afterAll(() => env.close());

async function grantToRole(code: string, permissions: string[]) {
  const role = (await admin.get('/api/roles')).json().items.find((r: { code: string }) => r.code === code);
  const res = await admin.put(`/api/roles/${role.id}`, {
    name: role.name,
    version: role.version,
    grants: [...role.grants, ...permissions.map((permission) => ({ permission, scope: 'ALL' }))],
  });
  expect(res.statusCode).toBe(200);
}

/** The cell values of the first sheet, row by row. */
async function xlsxRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Every surface that shows the contract, as `who` gets it. */
async function surfaces(who: Client) {
  const get = async (url: string) => {
    const res = await who.get(url);
    expect(res.statusCode, url).toBe(200);
    return res;
  };
  const c = (await get(`/api/contracts/${contractId}`)).json();
  const list = (await get(`/api/contracts?keyword=${encodeURIComponent(c.no)}`)).json().items;
  const xlsx = await xlsxRows((await get(`/api/contracts/export?keyword=${encodeURIComponent(c.no)}`)).rawPayload);
  const pdf = (await pdfText((await get(`/api/contracts/${contractId}/pdf`)).rawPayload)).replace(/\s+/g, '');
  const timeline = (await get(`/api/contracts/${contractId}/timeline`)).json().items;
  const amendments = (await get(`/api/contracts/${contractId}/amendments`)).json().items;
  const disputes = (await get(`/api/contracts/${contractId}/disputes`)).json().items;
  return { c, list, xlsx, pdf, timeline, amendments, disputes };
}

describe('contract prices for 法务 (no contract.prices)', () => {
  it('legal reviews the contract with its text, terms and parties, and the approval shows no amount', async () => {
    const c = (await legal.get(`/api/contracts/${contractId}`)).json();
    expect(c).toMatchObject({
      status: 'in_review',
      pricesMasked: true,
      partyB: '价格保密测试有限公司',
      ...TERMS,
      amount: null,
    });
    // Approvers see the facts captured at submission: the amount is withheld and says so.
    const inbox = (await legal.get('/api/approvals/inbox')).json().items;
    const item = inbox.find((i: { instanceId: number }) => i.instanceId === reviewInstance);
    expect(item).toMatchObject({ docType: 'contract', maskedFacts: ['amount'] });
    expect(item.facts).toMatchObject({ amount: null, customerName: '价格保密测试有限公司', specialQuality: false });
    expectNoAmount(json(inbox), 'legal inbox');
    const inst = (await legal.get(`/api/approvals/${reviewInstance}`)).json();
    expect(inst).toMatchObject({ myPendingTask: true, maskedFacts: ['amount'], facts: { amount: null } });
    expect(inst.summary).toBe(`合同评审 ${c.no} 价格保密测试有限公司`);
    expectNoAmount(json(inst), 'legal approval instance');
    // The task notification names no amount either (it is sent to every approver).
    const notes = await env.database.db.select().from(notifications).where(eq(notifications.userId, legal.userId));
    expect(notes.length).toBeGreaterThan(0);
    expectNoAmount(json(notes), 'legal notifications');

    expect((await legal.post(`/api/approvals/${reviewInstance}/approve`, { comment: '条款无异议' })).statusCode).toBe(
      200,
    );
    expect((await commerce.post(`/api/approvals/${reviewInstance}/approve`, {})).statusCode).toBe(200);
    // Commerce sees the amount in the facts of the same instance.
    const seen = (await commerce.get(`/api/approvals/${reviewInstance}`)).json();
    expect(seen).toMatchObject({ status: 'approved', maskedFacts: [], facts: { amount: '123456.70' } });

    // Sign, book receipts and an invoice, and propose an amendment: every money path has data.
    const signed = await manager1.post(`/api/contracts/${contractId}/sign`, {
      version: (await rep.get(`/api/contracts/${contractId}`)).json().version,
      signedDate: today,
      ourSignatory: '李经理',
      customerSignatory: '赵采购',
      scan,
    });
    expect(signed.statusCode).toBe(200);
    scanId = signed.json().scan.id;
    const deposit = (await rep.get(`/api/contracts/${contractId}`)).json().paymentPlan[0];
    const fin = await ctxFor(env, commerce);
    await env.database.db.transaction(async (tx) => {
      await applyContractMoney(tx, fin, contractId, { received: '20000.00', planItemId: deposit.id });
      await applyContractMoney(tx, fin, contractId, { invoiced: '50000.00' });
    });
    const now = (await rep.get(`/api/contracts/${contractId}`)).json();
    const amend = await rep.post(`/api/contracts/${contractId}/amendments`, {
      version: now.version,
      reason: '客户要求调价',
      lines: [line(productId, '10', '11111.11')],
      paymentPlan: plan(['deposit', addDays(today, -5), '23456.70'], ['final', addDays(today, 60), '87654.40']),
      startDate: now.startDate,
      endDate: now.endDate,
      ...TERMS,
    });
    expect(amend.statusCode).toBe(201);
    amendmentInstance = amend.json().instanceId;
  });

  it('hides every amount on the detail, list, export, PDF, timeline, amendments and disputes', async () => {
    const s = await surfaces(legal);
    expect(s.c).toMatchObject({
      pricesMasked: true,
      amount: null,
      invoicedAmount: null,
      receivedAmount: null,
      remainingAmount: null,
      status: 'signed',
      ourSignatory: '李经理',
      ...TERMS,
    });
    expect(s.c.lines[0]).toMatchObject({
      description: '激光切割机',
      qty: '10',
      taxRate: '0.00',
      listPrice: null,
      unitPrice: null,
      discountPercent: null,
      netAmount: null,
      taxAmount: null,
      grossAmount: null,
    });
    expect(s.c.paymentPlan).toEqual([
      expect.objectContaining({ kind: 'deposit', amount: null, receivedAmount: null, overdue: true }),
      expect.objectContaining({ kind: 'final', amount: null, receivedAmount: null, overdue: false }),
    ]);
    // The warnings stay, without their figures.
    expect(s.c.risks).toEqual(
      expect.arrayContaining([
        { code: 'instalment_overdue', params: { count: 1, amount: null } },
        { code: 'over_credit_limit', params: { creditLimit: '1000.00', amount: null } },
      ]),
    );
    // The body keeps its text; only the rendered amounts are masked.
    expect(s.c.body).toBe(
      `乙方：价格保密测试有限公司\n合同编号：${s.c.no}\n合同金额：${PRICE_MASK}（大写：${PRICE_MASK}）\n付款方式：${TERMS.paymentTerms}`,
    );
    expectNoAmount(json(s.c), 'detail');

    expect(s.list).toEqual([
      expect.objectContaining({
        id: contractId,
        pricesMasked: true,
        amount: null,
        invoicedAmount: null,
        receivedAmount: null,
        remainingAmount: null,
        overdue: true,
      }),
    ]);
    expectNoAmount(json(s.list), 'list');

    expect(s.xlsx[1].slice(5, 9)).toEqual([PRICE_MASK, PRICE_MASK, PRICE_MASK, PRICE_MASK]);
    expect(s.xlsx[1][0]).toBe(s.c.no);
    expectNoAmount(json(s.xlsx), 'xlsx');

    for (const text of ['价格保密测试有限公司', `付款方式：${TERMS.paymentTerms}`, `合同金额：${PRICE_MASK}`])
      expect(s.pdf).toContain(text.replace(/\s+/g, ''));
    expectNoAmount(s.pdf, 'PDF');

    const changes = s.timeline.flatMap((e: { changes: { field: string }[] }) => e.changes);
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'amount', old: null, new: null, masked: true },
        { field: 'receivedAmount', old: null, new: null, masked: true },
        { field: 'paymentPlan.1.receivedAmount', old: null, new: null, masked: true },
        expect.objectContaining({ field: 'lines', new: ['激光切割机 × 10'], masked: true }),
      ]),
    );
    expectNoAmount(json(s.timeline), 'timeline');

    expect(s.amendments[0].changes).toEqual(
      expect.arrayContaining([{ field: 'amount', old: null, new: null, masked: true }]),
    );
    const lines = s.amendments[0].changes.find((ch: { field: string }) => ch.field === 'lines');
    expect(lines.new[0]).toMatchObject({ description: '激光切割机', qty: '10', unitPrice: null, grossAmount: null });
    expectNoAmount(json(s.amendments), 'amendments');
    expectNoAmount(json(s.disputes), 'disputes');
  });

  it('hides the amount of the amendment under review, the signed scan and sorting by amount', async () => {
    const inst = (await legal.get(`/api/approvals/${amendmentInstance}`)).json();
    expect(inst).toMatchObject({ docType: 'contract_amendment', maskedFacts: ['amount'], facts: { amount: null } });
    expectNoAmount(json(inst), 'amendment approval');
    expectNoAmount(json((await legal.get('/api/approvals/inbox?status=done')).json()), 'done inbox');
    // Instances submitted when summaries carried the amount (stored text, no message key) are masked when shown.
    await env.database.db
      .update(approvalInstances)
      .set({ summary: '合同评审 HT-OLD 价格保密测试有限公司：¥123,456.70', summaryKey: null, summaryParams: null })
      .where(eq(approvalInstances.id, reviewInstance));
    expect((await legal.get(`/api/approvals/${reviewInstance}`)).json().summary).toBe(
      `合同评审 HT-OLD 价格保密测试有限公司：${PRICE_MASK}`,
    );
    expect((await commerce.get(`/api/approvals/${reviewInstance}`)).json().summary).toContain('¥123,456.70');
    // The scanned signed copy shows the prices and cannot be masked.
    expect((await legal.get(`/api/attachments/${scanId}`)).statusCode).toBe(404);
    expect((await commerce.get(`/api/attachments/${scanId}`)).statusCode).toBe(200);
    const sorted = await legal.get('/api/contracts?sort=amount&order=desc');
    expect(sorted.statusCode).toBe(400);
    expect(sorted.json().fields[0]).toMatchObject({ field: 'sort', code: 'contract.prices.sort' });
  });

  it('a user who sees prices masked cannot set them: create, edit and amendment are refused, nothing changes', async () => {
    const before = await env.database.db.select().from(contractLines).where(eq(contractLines.contractId, draftId));
    const d = (await legal.get(`/api/contracts/${draftId}`)).json();
    const edit = await legal.put(`/api/contracts/${draftId}`, {
      version: d.version,
      title: '改名',
      lines: [line(productId, '10', '1.00')],
      paymentPlan: plan(['final', addDays(today, 60), '10.00']),
      ...TERMS,
      startDate: d.startDate,
      endDate: d.endDate,
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json()).toMatchObject({ code: 'contract.prices.required' });
    expect(edit.json().message).toContain('无权查看合同价格');
    const [stored] = await env.database.db.select().from(contracts).where(eq(contracts.id, draftId));
    expect(stored).toMatchObject({ amount: '123456.70', title: '激光切割机采购合同', version: d.version });
    expect(await env.database.db.select().from(contractLines).where(eq(contractLines.contractId, draftId))).toEqual(
      before,
    );
    const c = (await legal.get(`/api/contracts/${contractId}`)).json();
    const amend = await legal.post(`/api/contracts/${contractId}/amendments`, {
      version: c.version,
      reason: '调价',
      lines: [line(productId, '10', '1.00')],
      paymentPlan: plan(['final', addDays(today, 60), '10.00']),
      ...TERMS,
    });
    expect(amend.statusCode).toBe(403);
    // Still the rep's edit works as before.
    expect((await rep.get(`/api/contracts/${draftId}`)).json().amount).toBe('123456.70');
  });
});

describe('contract prices for those who hold contract.prices', () => {
  it('commerce and the owning rep see every amount on the same surfaces', async () => {
    for (const who of [commerce, rep]) {
      const s = await surfaces(who);
      expect(s.c).toMatchObject({
        pricesMasked: false,
        amount: '123456.70',
        invoicedAmount: '50000.00',
        receivedAmount: '20000.00',
        remainingAmount: '103456.70',
      });
      expect(s.c.lines[0]).toMatchObject({ unitPrice: '12345.67', grossAmount: '123456.70', listPrice: '13000.00' });
      expect(s.c.paymentPlan.map((p: { amount: string }) => p.amount)).toEqual(['23456.70', '100000.00']);
      expect(s.c.body).toContain('合同金额：¥123,456.70（大写：壹拾贰万叁仟肆佰伍拾陆元柒角整）');
      expect(s.list[0]).toMatchObject({ pricesMasked: false, amount: '123456.70', remainingAmount: '103456.70' });
      expect(s.xlsx[1].slice(5, 9)).toEqual([123456.7, 50000, 20000, 103456.7]);
      for (const text of ['¥123,456.70', '壹拾贰万叁仟肆佰伍拾陆元柒角整', '¥12,345.67', '¥23,456.70'])
        expect(s.pdf).toContain(text);
      expect(json(s.timeline)).toContain('¥123,456.70');
      expect(s.amendments[0].changes[0]).toEqual({ field: 'amount', old: '123456.70', new: '111111.10' });
    }
    // The applicant sees the amount of the amendment under review.
    expect((await rep.get(`/api/approvals/${amendmentInstance}`)).json()).toMatchObject({
      maskedFacts: [],
      facts: { amount: '111111.10' },
    });
  });

  it('once the company grants contract.prices to 法务, legal sees them too', async () => {
    await grantToRole('legal', ['contract.prices']);
    const s = await surfaces(legal);
    expect(s.c).toMatchObject({ pricesMasked: false, amount: '123456.70', receivedAmount: '20000.00' });
    expect(s.c.body).toContain('¥123,456.70');
    expect(s.list[0].amount).toBe('123456.70');
    expect(s.xlsx[1][5]).toBe(123456.7);
    expect(s.pdf).toContain('¥123,456.70');
    const inst = (await legal.get(`/api/approvals/${amendmentInstance}`)).json();
    expect(inst).toMatchObject({ maskedFacts: [], facts: { amount: '111111.10' } });
    expect((await legal.get(`/api/attachments/${scanId}`)).statusCode).toBe(200);
  });
});
