import { addDays } from '@sales/core';
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
let extNo = 0;
const ext = () => `0440${Date.now().toString().slice(-6)}${String(++extNo).padStart(3, '0')}`;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  fin = await Client.login(env.app, 'finance');
  customerId = (
    await rep1.post('/api/customers', {
      kind: 'company',
      name: '宁波开票测试有限公司',
      creditCode: '91350100M000100Y43',
    })
  ).json().id;
});
afterAll(() => env.close());

const order = (lines?: { qty: string; unitPrice: string }[], status?: string) =>
  insertOrder(env, { customerId, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1, lines, status });
const issue = (body: Record<string, unknown>) =>
  fin.post('/api/invoices', { kind: 'vat_special', externalNo: ext(), ...body });

describe('invoices (发票)', () => {
  it('issues an invoice from the order lines with figures and capitals that agree (PDF text)', async () => {
    const o = await order([{ qty: '1', unitPrice: '1092.48' }]); // net 1092.48, tax 142.02, gross 1234.50
    const res = await issue({ orderId: o.id });
    expect(res.statusCode).toBe(201);
    const inv = res.json();
    expect(inv).toMatchObject({
      status: 'issued',
      totalNet: '1092.48',
      totalTax: '142.02',
      totalGross: '1234.50',
      amountInWords: '壹仟贰佰叁拾肆元伍角整',
      buyerName: '宁波开票测试有限公司',
      buyerTaxNo: '91350100M000100Y43',
      sellerName: '总公司',
      issuerName: '吴会计',
      payeeName: '吴会计',
      issueDate: today(),
      dueDate: addDays(today(), 30),
      isLate: false,
      ownerId: org.user.rep1,
    });
    expect((await orderMoney(env, o.id)).invoiced).toBe('1234.50');
    const pdf = await rep1.get(`/api/invoices/${inv.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('壹仟贰佰叁拾肆元伍角整');
    expect(text).toContain('¥1,234.50');
    expect(text).toContain(inv.externalNo);
    const full = (await rep1.get(`/api/invoices/${inv.id}`)).json();
    expect(full.lines).toHaveLength(1);
    expect(full.lines[0]).toMatchObject({ grossAmount: '1234.50' });
  });

  it('prints 财务联 / 底联 / 用户联 with the customer phone, the variant attributes and the customer signature line', async () => {
    const buyer = (
      await rep1.post('/api/customers', { kind: 'company', name: '宁波门市开票客户有限公司', phone: '0574-87654321' })
    ).json().id;
    const o = await insertOrder(env, {
      customerId: buyer,
      ownerId: org.user.rep1,
      ownerDeptId: org.dept.sales1,
      lines: [{ qty: '2', unitPrice: '100.00', description: '空气净化器' }],
    });
    await env.database.pool.query(
      `update order_lines set spec = 'KJ-500', attributes = '{"品牌":"华东智造","颜色":"白"}' where order_id = $1`,
      [o.id],
    );
    const inv = (await issue({ orderId: o.id })).json();
    expect(inv.buyerPhone).toBe('0574-87654321');
    expect((await rep1.get(`/api/invoices/${inv.id}`)).json().lines[0].attributes).toEqual({
      品牌: '华东智造',
      颜色: '白',
    });
    const text = (await pdfText((await rep1.get(`/api/invoices/${inv.id}/pdf`)).rawPayload)).replace(/\s+/g, '');
    for (const copy of ['财务联', '底联', '用户联']) expect(text.split(copy).length - 1).toBeGreaterThanOrEqual(1);
    // Every copy carries the buyer's phone, the brand and colour, and the line the customer signs.
    expect(text.split('0574-87654321').length - 1).toBe(3);
    expect(text.split('KJ-500品牌:华东智造颜色:白').length - 1).toBe(3);
    expect(text.split('顾客签名').length - 1).toBe(3);
    // A phone given at issue wins over the customer's.
    const o2 = await insertOrder(env, { customerId: buyer, ownerId: org.user.rep1, ownerDeptId: org.dept.sales1 });
    expect((await issue({ orderId: o2.id, buyerPhone: '13805740000' })).json().buyerPhone).toBe('13805740000');
  });

  it('given lines are priced with lineAmounts; a typed capitals line must agree; due date follows the payment terms', async () => {
    await env.database.pool.query('update customers set payment_terms_days = 45 where id = $1', [customerId]);
    const o = await order([{ qty: '10', unitPrice: '100.00' }]);
    const lines = [
      { description: '离心泵', unit: '台', qty: '3', unitPrice: '100.00', discountPercent: '10', taxRate: '13.00' },
    ];
    const bad = await issue({ orderId: o.id, lines, amountInWords: '叁佰元整' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'amountInWords' });
    const ok = (await issue({ orderId: o.id, lines, amountInWords: '叁佰零伍元壹角整' })).json();
    expect(ok).toMatchObject({
      totalNet: '270.00',
      totalTax: '35.10',
      totalGross: '305.10',
      dueDate: addDays(today(), 45),
    });
    await env.database.pool.query('update customers set payment_terms_days = null where id = $1', [customerId]);
  });

  it('refuses a duplicate external invoice number with a field error and changes nothing', async () => {
    const o = await order();
    const no = ext();
    expect(
      (
        await issue({
          orderId: o.id,
          externalNo: no,
          lines: [{ description: 'a', unit: '台', qty: '1', unitPrice: '10.00', taxRate: '13.00' }],
        })
      ).statusCode,
    ).toBe(201);
    const before = await orderMoney(env, o.id);
    const dup = await issue({
      orderId: o.id,
      externalNo: no,
      lines: [{ description: 'a', unit: '台', qty: '1', unitPrice: '10.00', taxRate: '13.00' }],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0]).toMatchObject({ field: 'externalNo' });
    expect(dup.json().fields[0].message).toContain(no);
    expect(await orderMoney(env, o.id)).toEqual(before);
  });

  it('refuses invoicing beyond the order total, draft orders and unsigned contracts', async () => {
    const o = await order(); // 1130.00
    expect((await issue({ orderId: o.id })).statusCode).toBe(201);
    const over = await issue({
      orderId: o.id,
      lines: [{ description: 'x', unit: '台', qty: '1', unitPrice: '0.01', taxRate: '0.00' }],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toContain('超额开票');
    const draft = await order(undefined, 'draft');
    expect((await issue({ orderId: draft.id })).statusCode).toBe(409);
    const c = await insertContract(env, {
      customerId,
      ownerId: org.user.rep1,
      ownerDeptId: org.dept.sales1,
      amount: '100.00',
      plan: [{ kind: 'final', dueDate: today(), amount: '100.00' }],
      status: 'approved',
    });
    expect(
      (
        await issue({
          contractId: c.id,
          lines: [{ description: 'x', unit: '台', qty: '1', unitPrice: '10.00', taxRate: '13.00' }],
        })
      ).statusCode,
    ).toBe(409);
    expect((await issue({ orderId: o.id, issueDate: addDays(today(), 1) })).statusCode).toBe(400);
  });

  it('marks 补开 automatically when dated in an earlier month, or when ticked', async () => {
    const o = await order();
    const lines = [{ description: 'a', unit: '台', qty: '1', unitPrice: '10.00', taxRate: '13.00' }];
    const past = `${addDays(`${today().slice(0, 7)}-01`, -1)}`;
    expect((await issue({ orderId: o.id, lines, issueDate: past })).json()).toMatchObject({
      isLate: true,
      dueDate: addDays(past, 30),
    });
    expect((await issue({ orderId: o.id, lines, isLate: true })).json().isLate).toBe(true);
    expect((await issue({ orderId: o.id, lines })).json().isLate).toBe(false);
  });

  it('void (作废) with reason restores the order amount; reissue (重开) replaces a void invoice only, once', async () => {
    const o = await order(); // 1130.00
    const inv = (await issue({ orderId: o.id })).json();
    expect(
      (await fin.post(`/api/invoices/${inv.id}/reissue`, { kind: 'vat_special', externalNo: ext() })).statusCode,
    ).toBe(409);
    expect((await fin.post(`/api/invoices/${inv.id}/void`, { version: 1 })).statusCode).toBe(400);
    expect((await fin.post(`/api/invoices/${inv.id}/void`, { version: 7, reason: '税号错误' })).statusCode).toBe(412);
    expect((await rep1.post(`/api/invoices/${inv.id}/void`, { version: 1, reason: '税号错误' })).statusCode).toBe(403);
    const v = (await fin.post(`/api/invoices/${inv.id}/void`, { version: 1, reason: '税号错误' })).json();
    expect(v).toMatchObject({ status: 'void', voidReason: '税号错误', totalGross: '1130.00' });
    expect((await orderMoney(env, o.id)).invoiced).toBe('0.00');
    expect((await fin.post(`/api/invoices/${inv.id}/void`, { version: 2, reason: '再次' })).statusCode).toBe(409);
    const re = await fin.post(`/api/invoices/${inv.id}/reissue`, {
      kind: 'vat_special',
      externalNo: ext(),
      buyerTaxNo: '91110000600037341L',
    });
    expect(re.statusCode).toBe(201);
    expect(re.json()).toMatchObject({
      replacesInvoiceId: inv.id,
      orderId: o.id,
      status: 'issued',
      totalGross: '1130.00',
      buyerTaxNo: '91110000600037341L',
    });
    expect((await orderMoney(env, o.id)).invoiced).toBe('1130.00');
    expect(
      (await fin.post(`/api/invoices/${inv.id}/reissue`, { kind: 'vat_special', externalNo: ext() })).statusCode,
    ).toBe(409);
    expect((await rep1.get(`/api/invoices/${inv.id}`)).json().replacedBy).toMatchObject({ id: re.json().id });
    const voidPdf = (await pdfText((await rep1.get(`/api/invoices/${inv.id}/pdf`)).rawPayload)).replace(/\s+/g, '');
    expect(voidPdf).toContain('作废');
  });

  it('no route changes an issued invoice: no update route exists, and every mutating :id route leaves its amounts alone', async () => {
    const o = await order();
    const inv = (await issue({ orderId: o.id })).json();
    const routes = env.app.routeTable.filter((r) => r.url.startsWith('/api/invoices'));
    expect(routes.filter((r) => ['PUT', 'PATCH', 'DELETE'].includes(r.method))).toEqual([]);
    const mutating = routes
      .filter((r) => r.method === 'POST' && r.url.includes(':id'))
      .map((r) => r.url)
      .sort();
    expect(mutating).toEqual(['/api/invoices/:id/reissue', '/api/invoices/:id/void']);
    const tamper = {
      version: 1,
      totalGross: '1.00',
      totalNet: '1.00',
      lines: [{ description: 'x', unit: '台', qty: '1', unitPrice: '1.00', taxRate: '0.00' }],
      kind: 'vat_normal',
      externalNo: ext(),
    };
    for (const m of ['PUT', 'PATCH'])
      expect((await fin.request(m, `/api/invoices/${inv.id}`, tamper)).statusCode).toBe(404);
    // Reissue of an issued one is refused; nothing about the original changed.
    expect((await fin.post(`/api/invoices/${inv.id}/reissue`, tamper)).statusCode).toBe(409);
    const after = (await fin.get(`/api/invoices/${inv.id}`)).json();
    expect(after).toMatchObject({
      status: 'issued',
      totalGross: inv.totalGross,
      totalNet: inv.totalNet,
      kind: 'vat_special',
      externalNo: inv.externalNo,
      version: 1,
    });
  });

  it('lists and counts by status and customer; rep2 gets 404 on by-id, timeline and pdf and sees none', async () => {
    const o = await order();
    const inv = (await issue({ orderId: o.id })).json();
    for (const u of [`/api/invoices/${inv.id}`, `/api/invoices/${inv.id}/timeline`, `/api/invoices/${inv.id}/pdf`])
      expect((await rep2.get(u)).statusCode).toBe(404);
    expect((await rep2.get(`/api/invoices?orderId=${o.id}`)).json().items).toEqual([]);
    expect((await rep2.get(`/api/invoices/count?orderId=${o.id}`)).json().total).toBe(0);
    const mine = (
      await rep1.get(
        `/api/invoices?orderId=${o.id}&status=issued&customerId=${customerId}&from=${today()}&to=${today()}`,
      )
    ).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([inv.id]);
    expect(mine.items[0]).toMatchObject({ customerName: '宁波开票测试有限公司', orderNo: o.no });
    expect((await rep1.get(`/api/invoices/count?orderId=${o.id}&status=void`)).json().total).toBe(0);
    const tl = (await rep1.get(`/api/invoices/${inv.id}/timeline`)).json().items;
    expect(tl[0]).toMatchObject({ action: 'issue', actorName: '吴会计' });
  });
});
