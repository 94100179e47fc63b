import { addDays } from '@sales/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { pdfText } from '../../platform/printing/pdf-text.ts';
import { insertOrder, orderMoney } from './finance.fixtures.ts';
import { runOverdueReminderSweep } from './overdue.sweep.ts';

let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let fin: Client;
let manager1: Client;
let gm: Client;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
let extNo = 0;
const ext = () => `0330${Date.now().toString().slice(-6)}${String(++extNo).padStart(3, '0')}`;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  fin = await Client.login(env.app, 'finance');
  manager1 = await Client.login(env.app, 'manager1');
  gm = await Client.login(env.app, 'gm');
});
afterAll(() => env.close());

const newCustomer = async (name: string) =>
  (await rep1.post('/api/customers', { kind: 'company', name })).json().id as number;
const order = (customerId: number, unitPrice = '100.00') =>
  insertOrder(env, {
    customerId,
    ownerId: org.user.rep1,
    ownerDeptId: org.dept.sales1,
    lines: [{ qty: '1', unitPrice }],
  });
const line = (unitPrice: string) => [{ description: '服务', unit: '项', qty: '1', unitPrice, taxRate: '0.00' }];
const invoice = async (orderId: number, issueDate: string, unitPrice?: string) => {
  const res = await fin.post('/api/invoices', {
    orderId,
    kind: 'vat_normal',
    externalNo: ext(),
    issueDate,
    ...(unitPrice ? { lines: line(unitPrice) } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const pay = async (orderId: number, amount: string, receivedDate = today()) => {
  const res = await fin.post('/api/payments', {
    orderId,
    amount,
    kind: 'instalment',
    method: 'transfer',
    receivedDate,
    payerName: '客户',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('receivables (应收)', () => {
  it('ages outstanding amounts into exact buckets as of a controlled date, payments applied FIFO', async () => {
    const c = await newCustomer('温州账龄测试有限公司');
    const asOf = today();
    // Terms 30 days: due = issue + 30. Days past due: −20, 15, 50, 80, 170.
    const ages = [10, 45, 80, 110, 200];
    const orders = [];
    for (const a of ages) {
      const o = await order(c); // 113.00
      await invoice(o.id, addDays(asOf, -a));
      orders.push(o);
    }
    await pay(orders[4].id, '50.00');
    const r = (await rep1.get(`/api/receivables?asOf=${asOf}&customerId=${c}`)).json();
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({
      customerName: '温州账龄测试有限公司',
      invoiced: '565.00',
      received: '50.00',
      writtenOff: '0.00',
      outstanding: '515.00',
      buckets: { notDue: '113.00', d1_30: '113.00', d31_60: '113.00', d61_90: '113.00', over90: '63.00' },
    });
    // As of 100 days ago only the two oldest invoices exist (due −70 → d61_90… and 0 → not due), and no payment yet.
    const past = (await rep1.get(`/api/receivables?asOf=${addDays(asOf, -100)}&customerId=${c}`)).json();
    expect(past.items[0]).toMatchObject({
      invoiced: '226.00',
      received: '0.00',
      buckets: { notDue: '113.00', d1_30: '0.00', d61_90: '113.00' },
    });
    // Arrears list: one row per invoice with outstanding, days overdue.
    const arrears = (await rep1.get(`/api/receivables/arrears?asOf=${asOf}&customerId=${c}`)).json().items;
    expect(
      arrears
        .map((a: { daysOverdue: number; outstanding: string }) => [a.daysOverdue, a.outstanding])
        .sort((x: number[], y: number[]) => x[0] - y[0]),
    ).toEqual([
      [0, '113.00'],
      [15, '113.00'],
      [50, '113.00'],
      [80, '113.00'],
      [170, '63.00'],
    ]);
    const xlsx = await rep1.get(`/api/receivables/arrears/export?asOf=${asOf}&customerId=${c}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push(row.values as unknown[]));
    expect(rows).toHaveLength(1 + 5 + 1);
    expect(rows.some((row) => row.includes('温州账龄测试有限公司') && row.includes('63.00'))).toBe(true);
    // Out of scope: rep2 sees none of it.
    expect((await rep2.get(`/api/receivables?customerId=${c}`)).json().items).toEqual([]);
    expect((await rep2.get(`/api/receivables/arrears?customerId=${c}`)).json().items).toEqual([]);
    const other = await rep2.get(`/api/receivables/arrears/export?customerId=${c}`);
    expect(other.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0].rowCount).toBe(2);
    const otherRows: unknown[][] = [];
    wb2.worksheets[0].eachRow((row) => otherRows.push(row.values as unknown[]));
    expect(JSON.stringify(otherRows)).not.toContain('温州账龄测试有限公司');
  });

  it('statement (对账单): opening balance, debits, credits, running and closing balance; pdf and xlsx; 404 for rep2', async () => {
    const c = await newCustomer('台州对账测试有限公司');
    const t = today();
    const o = await order(c, '1000.00'); // 1130.00
    await invoice(o.id, addDays(t, -40), '600.00');
    await pay(o.id, '100.00', addDays(t, -35));
    await invoice(o.id, addDays(t, -5), '300.00');
    await pay(o.id, '250.00', addDays(t, -2));
    const s = (await rep1.get(`/api/customers/${c}/statement?from=${addDays(t, -10)}&to=${t}`)).json();
    expect(s).toMatchObject({
      openingBalance: '500.00',
      totalDebit: '300.00',
      totalCredit: '250.00',
      closingBalance: '550.00',
    });
    expect(
      s.entries.map((e: { kind: string; debit: string; credit: string; balance: string }) => [
        e.kind,
        e.debit,
        e.credit,
        e.balance,
      ]),
    ).toEqual([
      ['invoice', '300.00', '0.00', '800.00'],
      ['payment', '0.00', '250.00', '550.00'],
    ]);
    const pdf = await rep1.get(`/api/customers/${c}/statement.pdf?from=${addDays(t, -10)}&to=${t}`);
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('伍佰伍拾元整');
    expect(text).toContain('¥500.00');
    const x = await rep1.get(`/api/customers/${c}/statement.xlsx?from=${addDays(t, -10)}&to=${t}`);
    expect(x.statusCode).toBe(200);
    const xb = new ExcelJS.Workbook();
    await xb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const xr: unknown[][] = [];
    xb.worksheets[0].eachRow((row) => xr.push((row.values as unknown[]).slice(1)));
    // Header, opening, the two entries of the period, closing — nothing from before `from` listed.
    expect(xr.map((r) => r.at(-1))).toEqual(['余额', '500.00', '800.00', '550.00', '550.00']);
    expect(xr[4].slice(4)).toEqual(['300.00', '250.00', '550.00']);
    // The whole history: opening 0, all four entries.
    const all = (await rep1.get(`/api/customers/${c}/statement?from=${addDays(t, -60)}&to=${t}`)).json();
    expect(all).toMatchObject({ openingBalance: '0.00', totalDebit: '900.00', totalCredit: '350.00' });
    expect(all.entries.map((e: { balance: string }) => e.balance)).toEqual(['600.00', '500.00', '800.00', '550.00']);
    // A period before any activity: nothing listed, and `to` caps what counts.
    const before = (
      await rep1.get(`/api/customers/${c}/statement?from=${addDays(t, -60)}&to=${addDays(t, -38)}`)
    ).json();
    expect(before).toMatchObject({ openingBalance: '0.00', closingBalance: '600.00', totalCredit: '0.00' });
    for (const u of ['statement', 'statement.pdf', 'statement.xlsx'])
      expect((await rep2.get(`/api/customers/${c}/${u}`)).statusCode).toBe(404);
    // rep2's own invoice and payment on this customer stay out of rep1's statement and receivables.
    const theirs = await insertOrder(env, {
      customerId: c,
      ownerId: org.user.rep2,
      ownerDeptId: org.dept.sales2,
      lines: [{ qty: '1', unitPrice: '7777.00' }],
    });
    await invoice(theirs.id, addDays(t, -3));
    await pay(theirs.id, '77.00', addDays(t, -1));
    const again = (await rep1.get(`/api/customers/${c}/statement?from=${addDays(t, -10)}&to=${t}`)).json();
    expect(again).toEqual(s);
    const x2 = await rep1.get(`/api/customers/${c}/statement.xlsx?from=${addDays(t, -10)}&to=${t}`);
    const x2b = new ExcelJS.Workbook();
    await x2b.xlsx.load(x2.rawPayload as unknown as ArrayBuffer);
    expect(x2b.worksheets[0].rowCount).toBe(5);
    const pdf2 = (
      await pdfText((await rep1.get(`/api/customers/${c}/statement.pdf?from=${addDays(t, -10)}&to=${t}`)).rawPayload)
    ).replace(/\s+/g, '');
    expect(pdf2).not.toContain('8,788.01');
    expect((await rep1.get(`/api/receivables?customerId=${c}`)).json().items[0]).toMatchObject({ invoiced: '900.00' });
    expect((await rep1.get(`/api/receivables/arrears?customerId=${c}`)).json().items).toHaveLength(2);
    // Finance (all scope) sees both reps' documents.
    const all2 = (await fin.get(`/api/customers/${c}/statement?from=${addDays(t, -10)}&to=${t}`)).json();
    expect(all2).toMatchObject({ openingBalance: '500.00', totalDebit: '9088.01', totalCredit: '327.00' });
    expect((await rep1.get(`/api/customers/${c}/statement?from=${t}&to=${addDays(t, -1)}`)).statusCode).toBe(400);
  });

  it('overdue sweep: one task and notice per overdue invoice with outstanding, idempotent; paid and voided ones get none', async () => {
    const c = await newCustomer('嘉兴逾期测试有限公司');
    const t = today();
    const o1 = await order(c);
    const overdue = await invoice(o1.id, addDays(t, -40)); // due 10 days ago
    const o2 = await order(c);
    await invoice(o2.id, addDays(t, -40));
    await pay(o2.id, '113.00');
    const o3 = await order(c);
    const voided = await invoice(o3.id, addDays(t, -40));
    await fin.post(`/api/invoices/${voided.id}/void`, { version: 1, reason: '作废' });
    const o4 = await order(c);
    await invoice(o4.id, addDays(t, -20)); // not yet due
    const now = new Date();
    const first = await runOverdueReminderSweep(env.database.db, now);
    const tasks = await env.database.pool.query(
      `select user_id, ref_id from tasks where kind = 'receivable.overdue' and ref_type = 'invoice' and ref_id = any($1)`,
      [[overdue.id, voided.id]],
    );
    expect(tasks.rows).toEqual([{ user_id: org.user.rep1, ref_id: overdue.id }]);
    expect(first.changed).toBeGreaterThanOrEqual(1);
    expect((await runOverdueReminderSweep(env.database.db, now)).changed).toBe(0);
    // Paying the invoice in full closes its collection task.
    await pay(o1.id, '113.00');
    const done = await env.database.pool.query(`select status from tasks where ref_type = 'invoice' and ref_id = $1`, [
      overdue.id,
    ]);
    expect(done.rows).toEqual([{ status: 'done' }]);
    const n = await env.database.pool.query(
      `select count(*)::int as n from notifications where user_id = $1 and kind = 'receivable.overdue'`,
      [org.user.rep1],
    );
    expect(n.rows[0].n).toBe(first.changed);
    // With a 15-day grace (receivables.overdueReminderDays) an invoice 10 days overdue is not reminded yet.
    await env.database.pool.query(
      `insert into policies (key, value) values ('receivables.overdueReminderDays', '{"v": 15}'::jsonb) on conflict (key) do update set value = excluded.value`,
    );
    const o5 = await order(c);
    const late = await invoice(o5.id, addDays(t, -40));
    await runOverdueReminderSweep(env.database.db, now);
    const none = await env.database.pool.query(`select 1 from tasks where ref_type = 'invoice' and ref_id = $1`, [
      late.id,
    ]);
    expect(none.rows).toHaveLength(0);
    await env.database.pool.query(`delete from policies where key = 'receivables.overdueReminderDays'`);
  });

  it('bad-debt write-off: amount ≤ outstanding; books only after 部门负责人 → 财务 → 总经理 approve; a rejected one changes nothing', async () => {
    const c = await newCustomer('湖州坏账测试有限公司');
    const o = await order(c, '1000.00'); // 1130.00
    await invoice(o.id, addDays(today(), -100));
    await pay(o.id, '130.00');
    const tooMuch = await rep1.post('/api/write-offs', { orderId: o.id, amount: '1000.01', reason: '客户破产' });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().fields[0]).toMatchObject({ field: 'amount' });
    expect((await rep2.post('/api/write-offs', { orderId: o.id, amount: '1.00', reason: 'x' })).statusCode).toBe(404);
    const w = (await rep1.post('/api/write-offs', { orderId: o.id, amount: '600.00', reason: '客户破产清算' })).json();
    expect(w).toMatchObject({ status: 'pending', amount: '600.00' });
    expect(w.no).toMatch(/^HX-\d{4}-\d{5}$/);
    // Pending requests count against what may still be requested.
    expect((await rep1.post('/api/write-offs', { orderId: o.id, amount: '400.01', reason: '再申请' })).statusCode).toBe(
      400,
    );
    const act = async (who: Client) =>
      expect((await who.post(`/api/approvals/${w.instanceId}/approve`, { comment: '同意' })).statusCode).toBe(200);
    await act(manager1);
    expect((await orderMoney(env, o.id)).writtenOff).toBe('0.00');
    await act(fin);
    await act(gm);
    expect((await rep1.get(`/api/write-offs/${w.id}`)).json()).toMatchObject({ status: 'approved' });
    expect((await orderMoney(env, o.id)).writtenOff).toBe('600.00');
    const r = (await rep1.get(`/api/receivables?customerId=${c}`)).json().items[0];
    expect(r).toMatchObject({ invoiced: '1130.00', received: '130.00', writtenOff: '600.00', outstanding: '400.00' });
    // The statement credits the approved write-off on its approval date, and carries it into a later opening balance.
    const from = addDays(today(), -120);
    const st = (await rep1.get(`/api/customers/${c}/statement?from=${from}&to=${today()}`)).json();
    expect(st.entries.map((e: { kind: string; credit: string }) => [e.kind, e.credit])).toEqual([
      ['invoice', '0.00'],
      ['payment', '130.00'],
      ['writeoff', '600.00'],
    ]);
    expect(st.closingBalance).toBe('400.00');
    const later = addDays(today(), 1);
    const next = (await rep1.get(`/api/customers/${c}/statement?from=${later}&to=${later}`)).json();
    expect(next).toMatchObject({ openingBalance: '400.00', closingBalance: '400.00', entries: [] });
    // A rejected request books nothing.
    const w2 = (await rep1.post('/api/write-offs', { orderId: o.id, amount: '100.00', reason: '部分' })).json();
    expect((await manager1.post(`/api/approvals/${w2.instanceId}/reject`, { comment: '继续催收' })).statusCode).toBe(
      200,
    );
    expect((await rep1.get(`/api/write-offs/${w2.id}`)).json().status).toBe('rejected');
    expect((await orderMoney(env, o.id)).writtenOff).toBe('600.00');
    expect((await rep1.get(`/api/write-offs/${w.id}/approvals`)).json().items).toHaveLength(1);
    expect((await rep2.get(`/api/write-offs/${w.id}`)).statusCode).toBe(404);
    const list = (await rep1.get(`/api/write-offs?customerId=${c}`)).json();
    expect(list.total).toBe(2);
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([w2.id, w.id]);
    // Keyword: the customer's name or the request number.
    expect((await rep1.get(`/api/write-offs?keyword=${encodeURIComponent('湖州坏账')}`)).json().total).toBe(2);
    const byNo = (await rep1.get(`/api/write-offs?keyword=${w.no}`)).json();
    expect(byNo.items.map((i: { id: number }) => i.id)).toEqual([w.id]);
    expect((await rep1.get(`/api/write-offs?customerId=${c}&status=rejected`)).json().items).toMatchObject([
      { id: w2.id, customerName: '湖州坏账测试有限公司', orderNo: o.no },
    ]);
    expect((await rep2.get(`/api/write-offs?customerId=${c}`)).json().total).toBe(0);
  });
});
