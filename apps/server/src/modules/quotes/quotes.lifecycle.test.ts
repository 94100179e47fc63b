import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertWarehouse } from '../../../test/q2c-seed.ts';
import { pdfText } from '../../platform/printing/pdf-text.ts';
import { companyDate } from '../../platform/time.ts';
import { addDays } from './quotes.service.ts';
import { runQuoteExpirySweep } from './quotes.sweep.ts';
import { quoteBody, quoteFixtures } from './quotes.test-helpers.ts';

let env: TestEnv;
let rep: Client;
let rep1b: Client;
let rep2: Client;
let manager: Client;
let manager2: Client;
let director: Client;

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  [rep, rep1b, rep2, manager, manager2, director] = await Promise.all(
    ['rep1', 'rep1b', 'rep2', 'manager1', 'manager2', 'director'].map((u) => Client.login(env.app, u)),
  );
  await insertWarehouse(env);
});
afterAll(() => env.close());

const today = () => companyDate(new Date());

/** The cell values of the first sheet, row by row. */
async function xlsxRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Creates a quote and takes it through approval (mode 'all': the department head approves). */
async function approvedQuote(body: Record<string, unknown>) {
  const { id } = (await rep.post('/api/quotes', body)).json();
  const s = (await rep.post(`/api/quotes/${id}/submit`, { version: 1 })).json();
  const r = (await manager.post(`/api/approvals/${s.instanceId}/approve`, {})).json();
  if (r.status === 'pending') await director.post(`/api/approvals/${s.instanceId}/approve`, {});
  const q = (await rep.get(`/api/quotes/${id}`)).json();
  expect(q.status).toBe('approved');
  return q;
}

describe('the approval tab (issue 11: a 404 page in the tab)', () => {
  it("shows the quote's approvals to everyone who sees the quote, not only its applicant and approvers", async () => {
    const f = await quoteFixtures(env, rep);
    const q = await approvedQuote(quoteBody(f));
    const gm = await Client.login(env.app, 'gm');
    // The instance opens only to its applicant and approvers …
    expect((await gm.get(`/api/approvals/${q.approvalInstanceId}`)).statusCode).toBe(404);
    // … the quote's approval history to whoever sees the quote (the general manager sees all quotes).
    const history = await gm.get(`/api/quotes/${q.id}/approvals`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items).toEqual([
      expect.objectContaining({ id: q.approvalInstanceId, docType: 'quote', status: 'approved', myPendingTask: false }),
    ]);
    // Out of scope: the same 404 as an unknown quote.
    expect((await rep2.get(`/api/quotes/${q.id}/approvals`)).statusCode).toBe(404);
  });
});

describe('send, customer response, versions', () => {
  it('approved → sent → accepted (with note); a second answer is refused', async () => {
    const f = await quoteFixtures(env, rep);
    const q = await approvedQuote(quoteBody(f));
    const sent = await rep.post(`/api/quotes/${q.id}/send`, { version: q.version });
    expect(sent.json()).toMatchObject({ status: 'sent' });
    const acc = await rep.post(`/api/quotes/${q.id}/respond`, {
      version: sent.json().version,
      response: 'accepted',
      note: '客户邮件确认',
    });
    expect(acc.json()).toMatchObject({ status: 'accepted' });
    const d = (await rep.get(`/api/quotes/${q.id}`)).json();
    expect(d).toMatchObject({
      status: 'accepted',
      customerResponseNote: '客户邮件确认',
      actions: ['revise', 'convert'],
    });
    expect(d.customerResponseAt).toBeTruthy();
    const again = await rep.post(`/api/quotes/${q.id}/respond`, { version: d.version, response: 'rejected' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('报价单当前为“客户已接受”状态，不能登记客户拒绝');
  });

  it('a draft cannot be sent; sending needs the current version', async () => {
    const f = await quoteFixtures(env, rep);
    const { id } = (await rep.post('/api/quotes', quoteBody(f))).json();
    const r = await rep.post(`/api/quotes/${id}/send`, { version: 1 });
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toBe('报价单当前为“草稿”状态，不能发送给客户');
    const q = await approvedQuote(quoteBody(f));
    expect((await rep.post(`/api/quotes/${q.id}/send`, { version: q.version - 1 })).statusCode).toBe(412);
  });

  it('revise: same number, revision + 1, lines copied, old superseded; list shows the latest only', async () => {
    const f = await quoteFixtures(env, rep);
    const q = await approvedQuote(quoteBody(f));
    const sent = (await rep.post(`/api/quotes/${q.id}/send`, { version: q.version })).json();
    const rej = (
      await rep.post(`/api/quotes/${q.id}/respond`, { version: sent.version, response: 'rejected', note: '价格高' })
    ).json();
    const rev = await rep.post(`/api/quotes/${q.id}/revise`, { version: rej.version });
    expect(rev.statusCode).toBe(201);
    expect(rev.json()).toMatchObject({ no: q.no, revision: 2 });
    const v2 = (await rep.get(`/api/quotes/${rev.json().id}`)).json();
    expect(v2).toMatchObject({
      no: q.no,
      revision: 2,
      status: 'draft',
      isLatest: true,
      totalGross: q.totalGross,
      customerResponseNote: null,
      actions: ['edit', 'submit'],
    });
    expect(
      v2.lines.map((l: { productId: number; qty: string; unitPrice: string }) => [l.productId, l.qty, l.unitPrice]),
    ).toEqual(
      q.lines.map((l: { productId: number; qty: string; unitPrice: string }) => [l.productId, l.qty, l.unitPrice]),
    );
    const old = (await rep.get(`/api/quotes/${q.id}`)).json();
    expect(old).toMatchObject({ status: 'superseded', isLatest: false, actions: [] });
    // An old version cannot be revised again.
    expect((await rep.post(`/api/quotes/${q.id}/revise`, { version: old.version })).statusCode).toBe(409);
    const versions = (await rep.get(`/api/quotes/${v2.id}/versions`)).json().items;
    expect(versions.map((v: { revision: number; status: string }) => [v.revision, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'draft'],
    ]);
    const list = (await rep.get(`/api/quotes?customerId=${f.customerId}`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([v2.id]);
    expect((await rep.get(`/api/quotes?customerId=${f.customerId}&allVersions=true`)).json().total).toBe(2);
    expect((await rep.get(`/api/quotes/count?customerId=${f.customerId}`)).json()).toEqual({ total: 1, capped: false });
    const kw = (await rep.get(`/api/quotes?keyword=${encodeURIComponent(f.customerName)}`)).json();
    expect(kw.items.map((i: { id: number }) => i.id)).toEqual([v2.id]);
    expect((await rep.get(`/api/quotes?keyword=${encodeURIComponent(q.no)}`)).json().total).toBe(1);
  });
});

describe('PDF', () => {
  it('shows number, customer, lines, totals and the amount in capitals', async () => {
    const f = await quoteFixtures(env, rep);
    const q = await approvedQuote(quoteBody(f));
    const res = await rep.get(`/api/quotes/${q.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    for (const s of [
      '报价单',
      q.no,
      f.customerName,
      '序号',
      '产品编码',
      '价税合计',
      f.code1,
      '¥472.53',
      '¥422.50',
      '¥50.03',
      '肆佰柒拾贰元伍角叁分',
      '预付30%，货到付清',
      `有效期至`,
    ]) {
      expect(text).toContain(s.replace(/\s+/g, ''));
    }
    expect((await rep2.get(`/api/quotes/${q.id}/pdf`)).statusCode).toBe(404);
    expect(text).not.toContain('尚未批准');
    // A draft prints with a warning that it is not approved.
    const draft = (await rep.post('/api/quotes', quoteBody(f))).json();
    const draftText = (await pdfText((await rep.get(`/api/quotes/${draft.id}/pdf`)).rawPayload)).replace(/\s+/g, '');
    expect(draftText).toContain('本报价单尚未批准（草稿），仅供内部核对，不得发给客户。');
  });
});

describe('expiry sweep', () => {
  it('marks approved and sent quotes past validUntil expired, once; drafts and valid ones stay', async () => {
    const f = await quoteFixtures(env, rep);
    const soon = addDays(today(), 1);
    const a = await approvedQuote(quoteBody(f, { validUntil: soon }));
    const s = await approvedQuote(quoteBody(f, { validUntil: soon }));
    await rep.post(`/api/quotes/${s.id}/send`, { version: s.version });
    const later = await approvedQuote(quoteBody(f, { validUntil: addDays(today(), 20) }));
    const draft = (await rep.post('/api/quotes', quoteBody(f, { validUntil: soon }))).json();
    // On the last valid day nothing happens.
    const onDay = new Date(`${soon}T12:00:00+08:00`);
    expect((await runQuoteExpirySweep(env.database.db, onDay)).changed).toBe(0);
    const after = new Date(`${addDays(soon, 1)}T00:10:00+08:00`);
    expect((await runQuoteExpirySweep(env.database.db, after)).changed).toBe(2);
    expect((await runQuoteExpirySweep(env.database.db, after)).changed).toBe(0);
    const st = async (id: number) => (await rep.get(`/api/quotes/${id}`)).json();
    expect((await st(a.id)).status).toBe('expired');
    expect((await st(s.id)).status).toBe('expired');
    expect((await st(later.id)).status).toBe('approved');
    expect((await st(draft.id)).status).toBe('draft');
    expect((await st(a.id)).actions).toEqual(['revise']);
    const tl = (await rep.get(`/api/quotes/${s.id}/timeline`)).json().items;
    expect(tl[0]).toMatchObject({
      action: 'expire',
      actorName: null,
      changes: [{ field: 'status', old: 'sent', new: 'expired' }],
    });
    const notes = (await rep.get('/api/notifications')).json().items as {
      titleKey: string;
      params: { no: string };
      link: string;
    }[];
    expect(notes.filter((n) => n.titleKey === 'notify.quote.expired').map((n) => n.link)).toEqual(
      expect.arrayContaining([`/quotes/${a.id}`, `/quotes/${s.id}`]),
    );
  });
});

describe('data scope', () => {
  it("rep2 and manager2 get 404; manager1 and rep1b's department view follow the role scope", async () => {
    const f = await quoteFixtures(env, rep);
    const { id } = (await rep.post('/api/quotes', quoteBody(f, { title: '范围测试报价' }))).json();
    for (const c of [rep2, manager2]) {
      for (const url of [
        `/api/quotes/${id}`,
        `/api/quotes/${id}/versions`,
        `/api/quotes/${id}/timeline`,
        `/api/quotes/${id}/pdf`,
      ]) {
        expect((await c.get(url)).statusCode).toBe(404);
      }
      expect(
        (await c.put(`/api/quotes/${id}`, { ...quoteBody(f), customerId: undefined, version: 1 })).statusCode,
      ).toBe(404);
      expect((await c.post(`/api/quotes/${id}/submit`, { version: 1 })).statusCode).toBe(404);
      expect((await c.get(`/api/quotes?keyword=${encodeURIComponent('范围测试报价')}`)).json().total).toBe(0);
    }
    expect((await manager.get(`/api/quotes/${id}`)).statusCode).toBe(200);
    expect((await manager.get(`/api/quotes?keyword=${encodeURIComponent('范围测试报价')}`)).json().total).toBe(1);
    // A rep's own scope: rep1b (same department, sales_rep) does not see rep1's quote.
    expect((await rep1b.get(`/api/quotes/${id}`)).statusCode).toBe(404);
    const xlsx = await manager.get('/api/quotes/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // The export follows the same scope: the manager's holds the quote (status as its label), manager2's does not.
    const mine = (await xlsxRows(xlsx.rawPayload)).find((r) => r[2] === '范围测试报价');
    expect(mine).toEqual(expect.arrayContaining([f.customerName, '草稿']));
    const other = await manager2.get('/api/quotes/export');
    expect(other.statusCode).toBe(200);
    expect((await xlsxRows(other.rawPayload)).flat()).not.toContain('范围测试报价');
  });
});
