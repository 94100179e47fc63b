import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { seedMarchSales } from '../analytics/analytics.test-seed.ts';
import { bookFact } from '../analytics/index.ts';

/**
 * Distributors (经销商, SPEC 5.5; seed 000 设立经销点的经销制 … 每月对所有经销商的业绩审评, 对销售业绩突出者予以
 * 奖励, 定期走访各经销点): dealers on customer accounts, the monthly figures against a hand-computed
 * fixture (seedMarchSales: gross 113 per unit), the review with its reward and audit trail, visits,
 * and the data scope.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;
let custA: number;
let custB: number;
let dealerA: number;
let dealerB: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  // The sales are made before the clock is fixed (their customers' mobiles come from the clock).
  const sales = await seedMarchSales(env, org, '经销', 'JXS');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-15T10:00:00+08:00'));
  for (const u of ['admin', 'manager1', 'manager2', 'rep1', 'rep1b', 'rep2']) who[u] = await Client.login(env.app, u);
  custA = sales.custA;
  custB = Number((await q(`select id from customers where name = '经销客户乙'`))[0].id);
  // Payments of customer 甲: one counted in March, one counted in April, one only reported in March.
  const o1 = Number((await q('select id from orders where no = $1', [sales.o1]))[0].id);
  const pay = async (no: string, amount: string, date: string, status: string) => {
    const r = await q(
      `insert into payments (no, customer_id, order_id, owner_id, owner_dept_id, kind, method, amount, received_date, status)
       select $1, o.customer_id, o.id, o.owner_id, o.owner_dept_id, 'full', 'transfer', $2, $3, $4
       from orders o where o.id = $5 returning id`,
      [no, amount, date, status, o1],
    );
    await env.database.db.transaction((tx) => bookFact.paymentCounted(tx, Number(r[0].id)));
  };
  await pay('SK-JXS-1', '500.00', '2026-03-18', 'confirmed');
  await pay('SK-JXS-2', '80.00', '2026-04-03', 'confirmed');
  await pay('SK-JXS-3', '70.00', '2026-03-19', 'reported');
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

const dealerBody = (customerId: number, ownerId: number, name: string) => ({
  name,
  customerId,
  territories: ['江苏省/南京市', '江苏省/镇江市'],
  contacts: [{ name: '周店长', phone: '025-8888 6666', role: '店长' }],
  ownerId,
});

describe('dealers', () => {
  it('refuses bad input field by field, in Chinese, writing nothing', async () => {
    const m = who.manager1;
    const r = await m.post('/api/dealers', {
      name: ' ',
      customerId: custA,
      territories: [],
      contacts: [{ name: '周店长', phone: '12' }],
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'territories', 'contacts.0.phone']));
    for (const f of r.json().fields) expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    // A customer outside the recorder's scope (销售二部's) is refused like an unknown one.
    const rep2Cust = Number((await q(`select id from customers where name = '经销客户丙'`))[0].id);
    const out = await m.post('/api/dealers', dealerBody(rep2Cust, org.user.rep1, '越权经销商'));
    expect(out.statusCode).toBe(400);
    expect(out.json().fields[0]).toMatchObject({ field: 'customerId' });
    // An owner outside the scope too.
    const owner = await m.post('/api/dealers', dealerBody(custA, org.user.rep2, '越权经销商'));
    expect(owner.json().fields[0]).toMatchObject({ field: 'ownerId' });
    expect((await q('select count(*)::int as n from dealers'))[0].n).toBe(0);
  });

  it('records dealers on customer accounts, one dealer per customer, audited', async () => {
    const m = who.manager1;
    const a = await m.post('/api/dealers', dealerBody(custA, org.user.rep1b, '南京甲经销部'));
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      name: '南京甲经销部',
      customerName: '经销客户甲',
      ownerName: expect.any(String),
      status: 'active',
      version: 1,
      territories: ['江苏省/南京市', '江苏省/镇江市'],
      contacts: [{ name: '周店长', phone: '025-8888 6666', role: '店长' }],
      canManage: true,
      canReview: true,
    });
    expect(a.json().no).toMatch(/^JX/);
    dealerA = a.json().id;
    const b = await m.post('/api/dealers', dealerBody(custB, org.user.teamRep, '镇江乙经销部'));
    dealerB = b.json().id;
    const dup = await m.post('/api/dealers', dealerBody(custA, org.user.rep1b, '重复经销部'));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0]).toMatchObject({ field: 'customerId' });
    // Edit: suspended, a second contact; a stale version is refused.
    const upd = await m.put(`/api/dealers/${dealerB}`, {
      ...dealerBody(custB, org.user.teamRep, '镇江乙经销部'),
      status: 'suspended',
      contacts: [
        { name: '吴采购', phone: '13912345678', role: '采购' },
        { name: '郑会计', phone: '13912345679', role: null },
      ],
      version: 1,
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ status: 'suspended', version: 2 });
    const stale = await m.put(`/api/dealers/${dealerB}`, { ...dealerBody(custB, org.user.teamRep, 'x'), version: 1 });
    expect(stale.statusCode).toBe(412);
    const audit = await q(`select action from audit_log where entity_type = 'dealer' and entity_id = $1 order by id`, [
      dealerB,
    ]);
    expect(audit.map((r) => r.action)).toEqual(['create', 'update']);
    // The customer page asks for its account's dealer.
    const ofA = (await m.get(`/api/dealers?customerId=${custA}`)).json();
    expect(ofA.items.map((d: { id: number }) => d.id)).toEqual([dealerA]);
  });

  it('computes the month’s figures from the data: in-month orders, a cancelled order, a return, collections', async () => {
    const sheet = (await who.manager1.get('/api/dealers/reviews?month=2026-03')).json();
    const row = (id: number) => sheet.items.find((i: { dealerId: number }) => i.dealerId === id);
    // 甲: O1 2 × 113 on 5 March, O2 113 approved 6 March and cancelled 20 March (nets 0), O6 113 on
    // 25 March; O5 (2 April) is April's. Collections: 500 confirmed in March; 70 only reported.
    expect(row(dealerA).figures).toEqual({
      orderCount: 2,
      orderAmount: '339.00',
      returnAmount: '0.00',
      netAmount: '339.00',
      collectionAmount: '500.00',
    });
    // 乙: O3 3 × 113 on 12 March, 1 unit returned on 28 March.
    expect(row(dealerB).figures).toEqual({
      orderCount: 1,
      orderAmount: '339.00',
      returnAmount: '113.00',
      netAmount: '226.00',
      collectionAmount: '0.00',
    });
    expect(row(dealerA).review).toBeNull();
    const april = (await who.manager1.get('/api/dealers/reviews?month=2026-04')).json();
    expect(april.items.find((i: { dealerId: number }) => i.dealerId === dealerA).figures).toMatchObject({
      orderCount: 1,
      orderAmount: '452.00',
      collectionAmount: '80.00',
    });
  });

  it('saves the review with its reward, the figures kept with it, audited; a stale or incomplete save is refused', async () => {
    const m = who.manager1;
    const noReason = await m.post(`/api/dealers/${dealerA}/review`, {
      month: '2026-03',
      version: 0,
      rating: 'A',
      comment: '业绩突出',
      rewardAmount: '300.00',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0]).toMatchObject({ field: 'rewardReason' });
    const future = await m.post(`/api/dealers/${dealerA}/review`, {
      month: '2026-07',
      version: 0,
      rating: 'B',
      comment: '尚未开始',
    });
    expect(future.json().fields[0]).toMatchObject({ field: 'month' });
    const ok = await m.post(`/api/dealers/${dealerA}/review`, {
      month: '2026-03',
      version: 0,
      rating: 'A',
      comment: '业绩突出，回款及时',
      rewardAmount: '300.00',
      rewardReason: '三月销售业绩突出',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().reviews[0]).toMatchObject({
      month: '2026-03',
      rating: 'A',
      orderCount: 2,
      orderAmount: '339.00',
      collectionAmount: '500.00',
      rewardAmount: '300.00',
      rewardReason: '三月销售业绩突出',
      version: 1,
    });
    const again = await m.post(`/api/dealers/${dealerA}/review`, {
      month: '2026-03',
      version: 0,
      rating: 'B',
      comment: '重复',
    });
    expect(again.statusCode).toBe(412);
    const upd = await m.post(`/api/dealers/${dealerA}/review`, {
      month: '2026-03',
      version: 1,
      rating: 'B',
      comment: '复核后调整',
    });
    expect(upd.json().reviews[0]).toMatchObject({ rating: 'B', rewardAmount: '0.00', rewardReason: null, version: 2 });
    const sheet = (await m.get('/api/dealers/reviews?month=2026-03')).json();
    expect(sheet.items.find((i: { dealerId: number }) => i.dealerId === dealerA).review).toMatchObject({
      rating: 'B',
      version: 2,
    });
    const audit = await q(
      `select action, comment, changes from audit_log where entity_type = 'dealer' and entity_id = $1 and action = 'review' order by id`,
      [dealerA],
    );
    expect(audit).toHaveLength(2);
    expect(audit[0].changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'rating', new: 'A' }),
        expect.objectContaining({ field: 'rewardAmount', new: '300.00' }),
      ]),
    );
    expect(audit[1].changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'rating', old: 'A', new: 'B' })]),
    );
    // A rep manages dealers but does not review them: he sees the dealer, so he is told no (403).
    const rep = await who.rep1b.post(`/api/dealers/${dealerA}/review`, {
      month: '2026-03',
      version: 2,
      rating: 'A',
      comment: '自评',
    });
    expect(rep.statusCode).toBe(403);
  });

  it('records a visit to the outlet with its findings, audited', async () => {
    const rep = who.rep1b;
    const bad = await rep.post(`/api/dealers/${dealerA}/visits`, {
      visitedOn: '2026-06-20',
      visitorId: org.user.rep1b,
      purpose: '月度走访',
      findings: '库存充足',
    });
    expect(bad.json().fields[0]).toMatchObject({ field: 'visitedOn' });
    const r = await rep.post(`/api/dealers/${dealerA}/visits`, {
      visitedOn: '2026-06-10',
      visitorId: org.user.rep1b,
      purpose: '月度走访',
      findings: '样品陈列不全，缺新款两种',
      nextStep: '下周补齐样品',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().visits[0]).toMatchObject({
      visitedOn: '2026-06-10',
      purpose: '月度走访',
      findings: '样品陈列不全，缺新款两种',
      nextStep: '下周补齐样品',
    });
    const audit = await q(
      `select count(*)::int as n from audit_log where entity_type = 'dealer' and entity_id = $1 and action = 'visit'`,
      [dealerA],
    );
    expect(audit[0].n).toBe(1);
  });

  it('keeps dealers in the data scope: another department gets 404 and an empty list', async () => {
    for (const u of ['manager2', 'rep2']) {
      expect((await who[u].get(`/api/dealers/${dealerA}`)).statusCode).toBe(404);
      const list = await who[u].get('/api/dealers');
      if (list.statusCode === 200) expect(list.json().items).toEqual([]);
      expect(
        (
          await who[u].post(`/api/dealers/${dealerA}/visits`, {
            visitedOn: '2026-06-10',
            visitorId: org.user[u === 'rep2' ? 'rep2' : 'manager2'],
            purpose: '越权',
            findings: '越权',
          })
        ).statusCode,
      ).toBe(404);
    }
    const sheet = (await who.manager2.get('/api/dealers/reviews?month=2026-03')).json();
    expect(sheet.items).toEqual([]);
    // rep1 (销售一部, own scope) sees neither dealer; rep1b sees the one he manages.
    expect((await who.rep1.get('/api/dealers')).json().items).toEqual([]);
    expect((await who.rep1b.get('/api/dealers')).json().items.map((d: { id: number }) => d.id)).toEqual([dealerA]);
    // Asked by the customer account, out of scope is no dealer either.
    expect((await who.manager2.get(`/api/dealers?customerId=${custA}`)).json().items).toEqual([]);
  });
});
