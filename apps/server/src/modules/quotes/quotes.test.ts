import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { companyDate } from '../../platform/time.ts';
import { addDays } from './quotes.service.ts';
import { quoteBody, quoteFixtures, setPolicy } from './quotes.test-helpers.ts';

let env: TestEnv;
let org: Org;
let rep: Client;
let rep2: Client;
let manager: Client;
let director: Client;
let admin: Client;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep, rep2, manager, director, admin] = await Promise.all(
    ['rep1', 'rep2', 'manager1', 'director', 'admin'].map((u) => Client.login(env.app, u)),
  );
});
afterAll(() => env.close());

const today = () => companyDate(new Date());

describe('creating and editing a quote', () => {
  it('prices lines from the product, totals exactly, defaults the validity date and numbers it', async () => {
    const f = await quoteFixtures(env, rep);
    const res = await rep.post('/api/quotes', quoteBody(f));
    expect(res.statusCode).toBe(201);
    const { id, no } = res.json();
    expect(no).toMatch(/^BJ-\d{8}-\d{4}$/);
    const q = (await rep.get(`/api/quotes/${id}`)).json();
    expect(q).toMatchObject({
      no,
      revision: 1,
      status: 'draft',
      customerName: f.customerName,
      ownerId: org.user.rep1,
      validUntil: addDays(today(), 30),
      // 300.00 + 13 % = 339.00; 2.5 × 50 × 0.98 = 122.50 + 9 % (11.025 → 11.03) = 133.53
      totalNet: '422.50',
      totalTax: '50.03',
      totalGross: '472.53',
      discountTotal: '2.50',
      amountInWords: '肆佰柒拾贰元伍角叁分',
      approvalReasons: ['policy_all'],
      actions: ['edit', 'submit'],
      approvalInstanceId: null,
    });
    expect(q.lines[0]).toMatchObject({
      lineNo: 1,
      productCode: f.code1,
      productId: f.p1,
      unit: '台',
      taxRate: '13.00',
      listPrice: '100.00',
      floorPrice: '80.00',
      netAmount: '300.00',
      taxAmount: '39.00',
      grossAmount: '339.00',
    });
    expect(q.lines[1]).toMatchObject({
      unit: '把',
      taxRate: '9.00',
      qty: '2.5000',
      discountPercent: '2.00',
      netAmount: '122.50',
      taxAmount: '11.03',
      grossAmount: '133.53',
    });
    const tl = (await rep.get(`/api/quotes/${id}/timeline`)).json().items;
    expect(tl[0]).toMatchObject({ action: 'create', actorName: '张三' });
    expect(tl[0].changes.map((c: { field: string }) => c.field)).toEqual(
      expect.arrayContaining(['no', 'customerId', 'totalGross', 'lines']),
    );
    // Ids show as names in the history.
    expect(tl[0].changes).toEqual(expect.arrayContaining([{ field: 'customerId', old: null, new: f.customerName }]));
  });

  it('refuses bad input with field-level zh-CN errors and changes nothing', async () => {
    const f = await quoteFixtures(env, rep);
    const bad = await rep.post(
      '/api/quotes',
      quoteBody(f, { lines: [{ productId: 999999, qty: '1', unitPrice: '1' }] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      expect.objectContaining({ field: 'lines.0.productId', message: '产品不存在或已停用' }),
    ]);
    const qty = await rep.post(
      '/api/quotes',
      quoteBody(f, { lines: [{ productId: f.p1, qty: '1.23456', unitPrice: '1' }] }),
    );
    expect(qty.statusCode).toBe(400);
    expect(qty.json().fields[0].field).toBe('lines.0.qty');
    const disc = await rep.post(
      '/api/quotes',
      quoteBody(f, { lines: [{ productId: f.p1, qty: '1', unitPrice: '1', discountPercent: '100.01' }] }),
    );
    expect(disc.json().fields[0].field).toBe('lines.0.discountPercent');
    const past = await rep.post('/api/quotes', quoteBody(f, { validUntil: addDays(today(), -1) }));
    expect(past.json().fields).toEqual([
      expect.objectContaining({ field: 'validUntil', message: '有效期不能早于今天' }),
    ]);
    expect((await rep.get(`/api/quotes?customerId=${f.customerId}`)).json().total).toBe(0);
  });

  it("a customer outside the user's scope cannot be quoted (404)", async () => {
    const f = await quoteFixtures(env, rep);
    expect((await rep2.post('/api/quotes', quoteBody(f))).statusCode).toBe(404);
  });

  it('updates are versioned (412 on a stale version) and audited field by field', async () => {
    const f = await quoteFixtures(env, rep);
    const { id } = (await rep.post('/api/quotes', quoteBody(f))).json();
    const body = { ...quoteBody(f), customerId: undefined, title: '改后的报价', version: 1 };
    const ok = await rep.put(`/api/quotes/${id}`, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await rep.put(`/api/quotes/${id}`, { ...body, title: '旧版本覆盖' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().message).toBe('数据已被他人修改，请刷新后重试');
    expect((await rep.get(`/api/quotes/${id}`)).json().title).toBe('改后的报价');
    const tl = (await rep.get(`/api/quotes/${id}/timeline`)).json().items;
    expect(tl[0].changes).toEqual([{ field: 'title', old: '年度设备报价', new: '改后的报价' }]);
  });
});

describe('internal approval (SPEC 3.2, seed 004)', () => {
  async function submit(c: Client, id: number, version: number) {
    return c.post(`/api/quotes/${id}/submit`, { version });
  }

  it("mode 'all': every quote goes to the department head; locked while pending; reject → draft", async () => {
    const f = await quoteFixtures(env, rep);
    const { id } = (await rep.post('/api/quotes', quoteBody(f))).json();
    const s = await submit(rep, id, 1);
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ status: 'pending_approval' });
    const inst = s.json().instanceId;
    const q = (await rep.get(`/api/quotes/${id}`)).json();
    expect(q).toMatchObject({ status: 'pending_approval', approvalInstanceId: inst, actions: [] });
    const edit = await rep.put(`/api/quotes/${id}`, { ...quoteBody(f), customerId: undefined, version: q.version });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe('报价单当前为“审批中”状态，不能修改');
    const inbox = (await manager.get('/api/approvals/inbox')).json().items;
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ instanceId: inst, docType: 'quote' })]));
    expect((await manager.post(`/api/approvals/${inst}/reject`, { comment: '价格再议' })).json()).toEqual({
      status: 'rejected',
    });
    const back = (await rep.get(`/api/quotes/${id}`)).json();
    expect(back).toMatchObject({ status: 'draft', actions: ['edit', 'submit'] });
    // Editable again, and the second submission is approved by the head alone.
    const again = (await submit(rep, id, back.version)).json();
    expect((await manager.post(`/api/approvals/${again.instanceId}/approve`, {})).json()).toEqual({
      status: 'approved',
    });
    expect((await rep.get(`/api/quotes/${id}`)).json()).toMatchObject({
      status: 'approved',
      actions: ['send', 'revise'],
    });
  });

  it('below the floor: department head then 销售总监; withdraw returns it to draft', async () => {
    const f = await quoteFixtures(env, rep);
    const body = quoteBody(f, { lines: [{ productId: f.p1, qty: '1', unitPrice: '79.99' }] });
    const { id } = (await rep.post('/api/quotes', body)).json();
    expect((await rep.get(`/api/quotes/${id}`)).json().approvalReasons).toEqual(['below_floor', 'policy_all']);
    const s = (await submit(rep, id, 1)).json();
    const inst = (await rep.get(`/api/approvals/${s.instanceId}`)).json();
    expect(inst).toMatchObject({
      ruleName: '低于底价报价',
      facts: expect.objectContaining({ belowFloor: true, totalGross: '90.39' }),
    });
    expect((await rep.post(`/api/approvals/${s.instanceId}/withdraw`, { comment: '改价' })).statusCode).toBe(200);
    const d = (await rep.get(`/api/quotes/${id}`)).json();
    expect(d.status).toBe('draft');
    const s2 = (await submit(rep, id, d.version)).json();
    expect((await manager.post(`/api/approvals/${s2.instanceId}/approve`, {})).json()).toEqual({
      status: 'pending',
      step: 1,
    });
    expect((await rep.get(`/api/quotes/${id}`)).json().status).toBe('pending_approval');
    expect((await director.post(`/api/approvals/${s2.instanceId}/approve`, {})).json()).toEqual({ status: 'approved' });
    expect((await rep.get(`/api/quotes/${id}`)).json().status).toBe('approved');
  });

  it("mode 'exceptions': a normal quote is approved at once; a discount over the limit needs the head", async () => {
    await setPolicy(admin, 'quotes.approvalMode', 'exceptions');
    try {
      const f = await quoteFixtures(env, rep);
      const plain = (await rep.post('/api/quotes', quoteBody(f))).json();
      expect((await rep.get(`/api/quotes/${plain.id}`)).json().approvalReasons).toEqual([]);
      expect((await submit(rep, plain.id, 1)).json()).toMatchObject({ status: 'approved', instanceId: null });
      const tl = (await rep.get(`/api/quotes/${plain.id}/timeline`)).json().items;
      expect(tl[0]).toMatchObject({
        action: 'auto_approve',
        changes: [{ field: 'status', old: 'draft', new: 'approved' }],
      });

      const over = (
        await rep.post(
          '/api/quotes',
          quoteBody(f, { lines: [{ productId: f.p1, qty: '1', unitPrice: '100', discountPercent: '5.5' }] }),
        )
      ).json();
      const s = (await submit(rep, over.id, 1)).json();
      expect(s.status).toBe('pending_approval');
      const inst = (await rep.get(`/api/approvals/${s.instanceId}`)).json();
      expect(inst).toMatchObject({
        ruleName: '折扣超出权限',
        facts: expect.objectContaining({ discountOverLimit: true, maxDiscountPercent: '5.50', belowFloor: false }),
      });
      expect((await manager.post(`/api/approvals/${s.instanceId}/approve`, {})).json()).toEqual({ status: 'approved' });
      expect((await rep.get(`/api/quotes/${over.id}`)).json().status).toBe('approved');
    } finally {
      await setPolicy(admin, 'quotes.approvalMode', 'all');
    }
  });
});
