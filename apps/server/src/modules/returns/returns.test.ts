import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertWarehouse } from '../../../test/q2c-seed.ts';
import { insertCustomer, insertRoleUser } from '../deliveries/deliveries.test-seed.ts';
import { checkReceivables } from '../finance/index.ts';
import { runReturnOverdueSweep } from './returns.sweep.ts';
import { insertSignedSale, type SignedDelivery } from './returns.test-seed.ts';

/**
 * Sales returns through the HTTP API on a real PostgreSQL (SPEC 4.3, seed 000 医药公司销后退回管理规定,
 * issue 12 item 5). Time is controlled by faking only Date (the app's ctx.now()); clients sign in
 * again after each jump. Company calendar: Mon–Fri 9:00–18:00 Asia/Shanghai with the official
 * 2026 schedule (国庆 1–7 Oct, 调休 Saturday 10 Oct).
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const LOGINS = ['rep1', 'finance', 'kp', 'cg', 'zg', 'yy', 'ys', 'kg'] as const;
let sale: SignedDelivery;
let quarantine: number;
let customerId: number;

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  for (const u of LOGINS) who[u] = await Client.login(env.app, u);
}
const db = () => env.database.pool;
const one = async (text: string, params: unknown[] = []) => (await db().query(text, params)).rows[0];

/** The four reviewers of 第三条 approve in turn (开票组 → 采购 → 质管 → 运营). */
async function reviewSteps(instanceId: number) {
  for (const u of ['kp', 'cg', 'zg', 'yy'] as const) {
    const r = await who[u].post(`/api/approvals/${instanceId}/approve`, { comment: '同意' });
    expect(r.statusCode, `${u}: ${r.body}`).toBe(200);
  }
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await insertRoleUser(env, 'kp', '孙开票', 'invoicing');
  await insertRoleUser(env, 'cg', '钱采购', 'purchasing');
  await insertRoleUser(env, 'zg', '周质管', 'qa');
  await insertRoleUser(env, 'yy', '吴运营', 'operations');
  await insertRoleUser(env, 'ys', '郑验收', 'receiving_clerk');
  await insertRoleUser(env, 'kg', '冯库管', 'warehouse');
  customerId = await insertCustomer(env, '杭州退货测试医药有限公司', org.user.rep1);
  sale = await insertSignedSale(env, {
    customerId,
    ownerId: org.user.rep1,
    qty: '10',
    unitPrice: '100.00',
    signedDate: '2026-09-20',
    batchNo: 'LOT-2609',
  });
  quarantine = await insertWarehouse(env, 'WH-QZ', '退货待验区');
  vi.useFakeTimers({ toFake: ['Date'] });
  await at('2026-09-30T10:00:00+08:00'); // Wednesday, the last working day before 国庆
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

const request = (over: Record<string, unknown> = {}) => ({
  deliveryId: sale.deliveryId,
  reason: 'quality',
  description: '外包装破损、药品受潮',
  lines: [{ deliveryLineId: sale.lineId, qty: '4' }],
  ...over,
});

const ids: Record<string, number> = {};

describe('a quality return through the pharma chain, finished late', () => {
  it('files the 销后退回申请表 and submits it to the five-step chain of 第三条', async () => {
    const lines = (await who.rep1.get(`/api/deliveries/${sale.deliveryId}/returnable-lines`)).json().lines;
    expect(lines).toMatchObject([{ delivered: '10', returned: '0', returnable: '10', unitGross: '113.00' }]);
    const res = await who.rep1.post('/api/sales-returns', request());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      no: expect.stringMatching(/^TH-20260930-\d{4}$/),
      status: 'submitted',
      reason: 'quality',
      totalAmount: '452.00',
      arrivedAt: null,
      dueAt: null,
      approvalStatus: 'pending',
    });
    ids.quality = r.id;
    ids.qualityInstance = r.approvalInstanceId;
    const inst = (await who.kp.get(`/api/approvals/${r.approvalInstanceId}`)).json();
    expect(inst.steps.map((s: { name: string }) => s.name)).toEqual([
      '开票组提取原销售单据',
      '采购部审核',
      '质管部审核',
      '运营部审核',
      '验收员确认记账入库',
    ]);
  });

  it('refuses more than delivered less already returned, changing nothing', async () => {
    const before = await one(`select count(*)::int as n from sales_returns`);
    const res = await who.rep1.post(
      '/api/sales-returns',
      request({ lines: [{ deliveryLineId: sale.lineId, qty: '7' }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'lines.0.qty', message: expect.stringContaining('6') }),
    ]);
    expect((await one(`select count(*)::int as n from sales_returns`)).n).toBe(before.n);
  });

  it('arrival on the last working day before 国庆: due at 18:00 on the 调休 Saturday 10 Oct', async () => {
    await at('2026-09-30T15:30:00+08:00');
    const v = (await who.rep1.get(`/api/sales-returns/${ids.quality}`)).json().version;
    // A rep does not receive goods.
    const denied = await who.rep1.post(`/api/sales-returns/${ids.quality}/arrival`, {
      arrivedAt: '2026-09-30T15:00:00+08:00',
      warehouseId: quarantine,
      version: v,
    });
    expect(denied.statusCode).toBe(403);
    const res = await who.kg.post(`/api/sales-returns/${ids.quality}/arrival`, {
      arrivedAt: '2026-09-30T15:00:00+08:00',
      warehouseId: quarantine,
      version: v,
    });
    expect(res.statusCode, res.body).toBe(200);
    // 30 Sep → (1–7 Oct 国庆) → Thu 8, Fri 9, Sat 10 Oct (调休 working day).
    expect(res.json()).toMatchObject({
      arrivedAt: '2026-09-30T07:00:00.000Z',
      dueAt: '2026-10-10T10:00:00.000Z',
      warehouseName: '退货待验区',
      overdue: false,
      fee: { days: 0, total: '0.00' },
    });
  });

  it('the reviewers approve; the receiving clerk cannot act before his step', async () => {
    const early = await who.ys.post(`/api/approvals/${ids.qualityInstance}/approve`, { comment: '同意' });
    expect(early.statusCode).toBeGreaterThanOrEqual(400);
    await reviewSteps(ids.qualityInstance);
    expect((await who.rep1.get(`/api/sales-returns/${ids.quality}`)).json().status).toBe('submitted');
  });

  it('nothing is owed on the deadline day; from the next day the storage fee accrues per day', async () => {
    await at('2026-10-10T17:00:00+08:00');
    expect((await who.rep1.get(`/api/sales-returns/${ids.quality}`)).json()).toMatchObject({
      overdue: false,
      fee: { days: 0, total: '0.00', clerksShare: '0.00' },
    });
    await at('2026-10-11T09:00:00+08:00');
    expect((await who.rep1.get(`/api/sales-returns/${ids.quality}`)).json()).toMatchObject({
      overdue: true,
      fee: { days: 1, total: '50.00', clerksShare: '25.00' },
    });
    await at('2026-10-13T09:00:00+08:00');
    expect((await who.rep1.get(`/api/sales-returns/${ids.quality}`)).json().fee).toEqual({
      days: 3,
      total: '150.00',
      clerksShare: '75.00',
    });
    const overdueList = (await who.rep1.get('/api/sales-returns?overdue=true')).json();
    expect(overdueList.items.map((i: { id: number }) => i.id)).toEqual([ids.quality]);
  });

  it('the sweep escalates once: a task for the applicant and notifications', async () => {
    const first = await runReturnOverdueSweep(env.database.db, new Date());
    expect(first.changed).toBe(1);
    expect((await runReturnOverdueSweep(env.database.db, new Date())).changed).toBe(0);
    const task = await one(`select user_id, kind, status from tasks where ref_type = 'sales_return' and ref_id = $1`, [
      ids.quality,
    ]);
    expect(task).toMatchObject({ user_id: org.user.rep1, kind: 'return.overdue', status: 'open' });
    const n = await one(`select count(*)::int as n from notifications where kind = 'return.overdue'`);
    expect(n.n).toBe(1);
  });

  it('the receiving clerk confirms: goods back in the quarantine warehouse by batch, fee frozen and charged', async () => {
    await at('2026-10-14T09:30:00+08:00');
    const res = await who.ys.post(`/api/approvals/${ids.qualityInstance}/approve`, { comment: '已验收入待验区' });
    expect(res.statusCode, res.body).toBe(200);
    const r = (await who.rep1.get(`/api/sales-returns/${ids.quality}`)).json();
    expect(r).toMatchObject({
      status: 'completed',
      storageFeeDays: 4,
      storageFee: '200.00',
      storageFeeClerks: '100.00',
      costBearer: 'company',
      chargeAmount: '0.00',
      fee: { days: 4, total: '200.00', clerksShare: '100.00' },
    });
    expect(r.charges).toEqual([
      expect.objectContaining({ kind: 'storage_fee', userId: org.user.rep1, amount: '200.00', clerksShare: '100.00' }),
    ]);
    const lot = await one(`select on_hand::text from stock_lots where warehouse_id = $1 and batch_id = $2`, [
      quarantine,
      sale.batchId,
    ]);
    expect(lot.on_hand).toBe('4.0000');
    const mv = await one(
      `select kind, qty::text, ref_type from stock_movements where ref_id = $1 and ref_type = 'sales_return'`,
      [ids.quality],
    );
    expect(mv).toMatchObject({ kind: 'return', qty: '4.0000' });
    // The batch's quality tracking card (产品质量跟踪卡) lists the return beside its delivery.
    const card = await who.ys.get(`/api/trace/batches/${sale.batchId}/card`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().entries).toContainEqual(
      expect.objectContaining({ kind: 'sales_return', id: ids.quality, status: 'completed' }),
    );
    expect(
      (await one(`select status from tasks where ref_type = 'sales_return' and ref_id = $1`, [ids.quality])).status,
    ).toBe('done');
    // Frozen: a week later the fee is still four days.
    await at('2026-10-21T09:30:00+08:00');
    expect((await who.rep1.get(`/api/sales-returns/${ids.quality}`)).json().fee.total).toBe('200.00');
  });

  it('the money side is a red-letter invoice linked to the original, never an edit of it', async () => {
    const inv = await who.finance.post('/api/invoices', {
      orderId: sale.orderId,
      kind: 'vat_special',
      externalNo: '044001-0001',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    const original = inv.json();
    expect(original.totalGross).toBe('1130.00');
    const r = (await who.finance.get(`/api/sales-returns/${ids.quality}`)).json();
    // A rep cannot issue it.
    expect(
      (
        await who.rep1.post(`/api/sales-returns/${ids.quality}/red-invoice`, {
          invoiceId: original.id,
          externalNo: '044001-0002',
          version: r.version,
        })
      ).statusCode,
    ).toBe(403);
    const res = await who.finance.post(`/api/sales-returns/${ids.quality}/red-invoice`, {
      invoiceId: original.id,
      externalNo: '044001-0002',
      version: r.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const red = res.json().redInvoice;
    expect(red).toMatchObject({ totalGross: '-452.00', creditsInvoiceId: original.id, status: 'issued' });
    const orig = await one(`select total_gross::text, status, version from invoices where id = $1`, [original.id]);
    expect(orig).toEqual({ total_gross: '1130.00', status: 'issued', version: 1 });
    const order = await one(`select invoiced_amount::text from orders where id = $1`, [sale.orderId]);
    expect(order.invoiced_amount).toBe('678.00');
    const rec = await one(`select invoiced::text, outstanding::text from receivable_documents where doc_key = $1`, [
      `o${sale.orderId}`,
    ]);
    expect(rec).toEqual({ invoiced: '678.00', outstanding: '678.00' });
    // The red invoice is no receivable of its own; the maintained figures equal the from-scratch ledger.
    expect((await one(`select count(*)::int as n from receivable_invoices where invoice_id = $1`, [red.id])).n).toBe(0);
    expect((await checkReceivables(env.database.db)).differences).toBe(0);
    // Once only.
    const again = await who.finance.post(`/api/sales-returns/${ids.quality}/red-invoice`, {
      invoiceId: original.id,
      externalNo: '044001-0003',
      version: r.version + 1,
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('cost attribution', () => {
  it('an internal-error return finished in time charges the responsible person ¥10 per piece, no storage fee', async () => {
    await at('2026-10-21T10:00:00+08:00');
    const res = await who.rep1.post(
      '/api/sales-returns',
      request({ reason: 'wrong_sale', description: '开错品规', lines: [{ deliveryLineId: sale.lineId, qty: '3' }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.responsibleUserId).toBe(org.user.rep1);
    await reviewSteps(r.approvalInstanceId);
    // The last step without the goods at the warehouse is refused.
    const blocked = await who.ys.post(`/api/approvals/${r.approvalInstanceId}/approve`, { comment: '同意' });
    expect(blocked.statusCode).toBe(409);
    const v = (await who.kg.get(`/api/sales-returns/${r.id}`)).json().version;
    await who.kg.post(`/api/sales-returns/${r.id}/arrival`, {
      arrivedAt: '2026-10-21T09:00:00+08:00',
      warehouseId: sale.warehouseId,
      version: v,
    });
    const done = await who.ys.post(`/api/approvals/${r.approvalInstanceId}/approve`, { comment: '同意' });
    expect(done.statusCode, done.body).toBe(200);
    const after = (await who.rep1.get(`/api/sales-returns/${r.id}`)).json();
    expect(after).toMatchObject({
      status: 'completed',
      costBearer: 'responsible',
      chargeAmount: '30.00',
      storageFee: '0.00',
      dueAt: '2026-10-26T10:00:00.000Z',
    });
    expect(after.charges).toEqual([
      expect.objectContaining({ kind: 'internal_error', userId: org.user.rep1, qty: '3.0000', amount: '30.00' }),
    ]);
    // Delivered 10, returned 4 + 3: 3 left.
    const lines = (await who.rep1.get(`/api/deliveries/${sale.deliveryId}/returnable-lines`)).json().lines;
    expect(lines[0]).toMatchObject({ returned: '7', returnable: '3' });
  });

  it('a rejected return frees its quantities again', async () => {
    const r = (
      await who.rep1.post(
        '/api/sales-returns',
        request({ reason: 'policy', lines: [{ deliveryLineId: sale.lineId, qty: '3' }] }),
      )
    ).json();
    expect(
      (await who.kp.post(`/api/approvals/${r.approvalInstanceId}/reject`, { comment: '无原始单据' })).statusCode,
    ).toBe(200);
    expect((await who.rep1.get(`/api/sales-returns/${r.id}`)).json().status).toBe('rejected');
    const lines = (await who.rep1.get(`/api/deliveries/${sale.deliveryId}/returnable-lines`)).json().lines;
    expect(lines[0].returnable).toBe('3');
  });

  it('an exchange (换货) ships the goods again on a replacement delivery and takes no red invoice', async () => {
    const res = await who.rep1.post(
      '/api/sales-returns',
      request({ kind: 'exchange', reason: 'quality', lines: [{ deliveryLineId: sale.lineId, qty: '2' }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    const v = (await who.kg.get(`/api/sales-returns/${r.id}`)).json().version;
    await who.kg.post(`/api/sales-returns/${r.id}/arrival`, {
      arrivedAt: '2026-10-21T09:30:00+08:00',
      warehouseId: quarantine,
      version: v,
    });
    await reviewSteps(r.approvalInstanceId);
    expect((await who.ys.post(`/api/approvals/${r.approvalInstanceId}/approve`, { comment: '同意' })).statusCode).toBe(
      200,
    );
    const after = (await who.rep1.get(`/api/sales-returns/${r.id}`)).json();
    expect(after).toMatchObject({ kind: 'exchange', status: 'completed', replacementDeliveryStatus: 'draft' });
    const d = await one(
      `select d.replacement_of, d.replacement_reason, d.source_type, l.qty::text from deliveries d join delivery_lines l on l.delivery_id = d.id where d.id = $1`,
      [after.replacementDeliveryId],
    );
    expect(d).toEqual({
      replacement_of: sale.deliveryId,
      replacement_reason: 'exchange',
      source_type: 'sales_return',
      qty: '2.0000',
    });
    // The replacement note's history names the return by its number, not `sales_return:<id>`.
    const history = (await who.rep1.get(`/api/deliveries/${after.replacementDeliveryId}/timeline`)).json().items;
    const source = history.flatMap((h: { changes: { field: string; new: unknown }[] | null }) => h.changes ?? []);
    expect(source.find((c: { field: string }) => c.field === 'source')?.new).toBe(after.no);
    const credit = await who.finance.post(`/api/sales-returns/${r.id}/red-invoice`, {
      invoiceId: 1,
      externalNo: 'X-EX-1',
      version: after.version,
    });
    expect(credit.statusCode).toBe(409);
  });

  it('the customer’s 360 lists its returns', async () => {
    const related = (await who.rep1.get(`/api/customers/${customerId}/related`)).json().items;
    const kind = related.find((k: { type: string }) => k.type === 'sales_return');
    expect(kind.total).toBe(4); // quality, wrong_sale, the rejected policy return, the exchange
    expect(kind.recent[0]).toMatchObject({ no: expect.stringMatching(/^TH-/), status: expect.any(String) });
    // 采购 sees returns (for the chain) but has no customer.view: the 360 itself is refused.
    expect((await who.cg.get(`/api/customers/${customerId}/related`)).statusCode).toBe(403);
  });

  it('everyone who sees the return sees its approval chain, not only its applicant and approvers', async () => {
    const manager = await Client.login(env.app, 'manager1');
    // The instance itself opens only to its participants…
    expect((await manager.get(`/api/approvals/${ids.qualityInstance}`)).statusCode).toBe(404);
    // …the return's chain to every viewer of the return.
    const res = await manager.get(`/api/sales-returns/${ids.quality}/approvals`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ id: ids.qualityInstance, docType: 'sales_return', status: 'approved' }),
    ]);
  });

  it('a return outside the user’s scope does not exist for them', async () => {
    const rep2 = await Client.login(env.app, 'rep2');
    expect((await rep2.get(`/api/sales-returns/${ids.quality}`)).statusCode).toBe(404);
    expect((await rep2.get(`/api/sales-returns/${ids.quality}/approvals`)).statusCode).toBe(404);
    expect((await rep2.get('/api/sales-returns')).json().items).toEqual([]);
  });
});
