import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { runResearchReminderSweep } from './research.sweep.ts';

/**
 * Market research (SPEC 2.2, seed 003 每半年撰写一份市场调研报告; seed 000 4.1.2 three forecast
 * quantities, 5.2.1 staged promotions with approval and effect evaluation) through the HTTP API.
 */
let env: TestEnv;
let org: Org;
let researcherId: number;
let categoryId: number;
const who: Record<string, Client> = {};

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const pool = env.database.pool;
  // A 市场调研员 besides the director: both hold research.write, so both are research owners.
  const u = await pool.query(
    `insert into users (username, name, dept_id, password_hash, mobile)
     select 'researcher', '钱调研', $1, password_hash, '13900009999' from users where username = 'director' returning id`,
    [org.dept.mgmt],
  );
  researcherId = Number(u.rows[0].id);
  await pool.query(
    `insert into user_roles (user_id, role_id) select $1, id from roles where code = 'market_research'`,
    [researcherId],
  );
  const c = await pool.query(`insert into product_categories (code, name) values ('RES-1', '工业阀门') returning id`);
  categoryId = Number(c.rows[0].id);
  for (const n of ['director', 'researcher', 'gm', 'manager2', 'rep1', 'rep2']) who[n] = await Client.login(env.app, n);
});
afterAll(() => env?.close());

const tasksOf = async (period: string) =>
  (
    await env.database.pool.query(
      `select user_id, due_date::text, status from tasks where dedupe_key like $1 order by user_id`,
      [`research-report:%:${period}`],
    )
  ).rows.map((r) => ({ userId: Number(r.user_id), due: r.due_date, status: r.status }));

describe('half-yearly research report reminder', () => {
  it('opens 30 days before the half-year ends (company time zone), once, for owners without a submitted report', async () => {
    // The researcher hands in the 2031-H1 report beforehand: no reminder for them.
    const created = await who.researcher.post('/api/research-reports', {
      period: '2031-H1',
      title: '2031 上半年华东阀门市场调研',
      findings: '需求回升，竞品降价 5%',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await who.researcher.post(`/api/research-reports/${id}/submit`, { version: 1 })).statusCode).toBe(200);

    // 2031-05-30 23:59 in Shanghai: 31 days before 2031-06-30 — too early.
    expect(await runResearchReminderSweep(env.database.db, new Date('2031-05-30T15:59:00Z'))).toEqual({ changed: 0 });
    expect(await tasksOf('2031-H1')).toEqual([]);
    // 2031-05-31 00:00 in Shanghai: 30 days before — the director (no report) is reminded.
    expect(await runResearchReminderSweep(env.database.db, new Date('2031-05-30T16:00:00Z'))).toEqual({ changed: 1 });
    expect(await tasksOf('2031-H1')).toEqual([{ userId: org.user.director, due: '2031-06-30', status: 'open' }]);
    // Idempotent: later runs of the same period change nothing.
    expect(await runResearchReminderSweep(env.database.db, new Date('2031-06-15T02:00:00Z'))).toEqual({ changed: 0 });
    const n = await env.database.pool.query(
      `select count(*)::int n from notifications where user_id = $1 and kind = 'research.report'`,
      [org.user.director],
    );
    expect(n.rows[0].n).toBe(1);
    // The next half-year reminds both owners, from 2031-12-01.
    expect(await runResearchReminderSweep(env.database.db, new Date('2031-11-30T15:59:00Z'))).toEqual({ changed: 0 });
    expect(await runResearchReminderSweep(env.database.db, new Date('2031-11-30T16:00:00Z'))).toEqual({ changed: 2 });
    expect((await tasksOf('2031-H2')).map((t) => t.userId).sort()).toEqual([org.user.director, researcherId].sort());
  });

  it('lists the missing reports of a period, and submitting closes the owner’s reminder', async () => {
    const missing = async (period: string) =>
      (await who.director.get(`/api/research-reports/missing?period=${period}`)).json().items as {
        userId: number;
        status: string;
      }[];
    expect(await missing('2031-H1')).toEqual([
      expect.objectContaining({ userId: org.user.director, status: 'missing' }),
    ]);
    const r = await who.director.post('/api/research-reports', { period: '2031-H1', title: '总监调研' });
    expect(r.statusCode).toBe(201);
    expect(await missing('2031-H1')).toEqual([expect.objectContaining({ userId: org.user.director, status: 'draft' })]);
    // Submitting without findings is refused on the field, nothing changes.
    const bad = await who.director.post(`/api/research-reports/${r.json().id}/submit`, { version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([expect.objectContaining({ field: 'findings' })]);
    await who.director.put(`/api/research-reports/${r.json().id}`, {
      title: '总监调研',
      findings: '渠道下沉',
      version: 1,
    });
    const ok = await who.director.post(`/api/research-reports/${r.json().id}/submit`, { version: 2 });
    expect(ok.json()).toMatchObject({ status: 'submitted' });
    expect(await missing('2031-H1')).toEqual([]);
    expect(await tasksOf('2031-H1')).toEqual([{ userId: org.user.director, due: '2031-06-30', status: 'done' }]);
    // A second report of the same owner and period is a field error.
    const dup = await who.director.post('/api/research-reports', { period: '2031-H1', title: '重复' });
    expect(dup.json().fields).toEqual([expect.objectContaining({ field: 'period' })]);
    // A malformed period is a localised field error.
    const badPeriod = await who.director.post('/api/research-reports', { period: '2031-H3', title: 'x' });
    expect(badPeriod.json().fields[0]).toMatchObject({ field: 'period', message: expect.stringContaining('YYYY-H1') });
  });
});

describe('market forecasts: the three quantities are required', () => {
  const full = () => ({
    period: '2031-H1',
    categoryId,
    region: '华东',
    marketDemand: '1200',
    demandPotential: '1500',
    salesPotential: '300',
  });
  const count = async () => (await env.database.pool.query('select count(*)::int n from market_forecasts')).rows[0].n;

  it.each([
    ['marketDemand', '请填写市场对同类产品的需求量'],
    ['demandPotential', '请填写市场需求潜在量（最高可能增长量）'],
    ['salesPotential', '请填写本公司销售潜在量（可能销售的最高数量）'],
  ])('refuses a forecast without %s, on that field, writing nothing', async (field, message) => {
    const body: Record<string, unknown> = full();
    delete body[field];
    const res = await who.researcher.post('/api/market-forecasts', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field, code: expect.any(String), message }]);
    expect(await count()).toBe(0);
  });

  it('names all three when all are missing, and accepts a complete forecast', async () => {
    const { marketDemand: _a, demandPotential: _b, salesPotential: _c, ...rest } = full();
    const res = await who.researcher.post('/api/market-forecasts', rest);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'marketDemand',
      'demandPotential',
      'salesPotential',
    ]);
    const ok = await who.researcher.post('/api/market-forecasts', full());
    expect(ok.statusCode, ok.body).toBe(201);
    const list = (await who.researcher.get('/api/market-forecasts?period=2031-H1')).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        region: '华东',
        categoryName: '工业阀门',
        marketDemand: '1200.0000',
        demandPotential: '1500.0000',
        salesPotential: '300.0000',
        actualVolume: '0',
      }),
    ]);
  });

  it('compares each forecast with the actual sales volume of its period, product line and region', async () => {
    // Order facts as the indicator engine books them: 120 in 华东 in the period, 50 elsewhere or later.
    for (const [date, region, qty] of [
      ['2031-02-10', '华东', '100'],
      ['2031-06-30', '华东', '20'],
      ['2031-03-01', '华南', '50'],
      ['2031-07-01', '华东', '50'],
    ])
      await env.database.pool.query(
        `insert into analytics_facts (kind, fact_date, rep_id, dept_id, category_id, region, source_type, source_id, n, qty, amount, net_amount)
         values ('order', $1, $2, $3, $4, $5, 'order', 1, 1, $6, 0, 0)`,
        [date, org.user.director, org.dept.mgmt, categoryId, region, qty],
      );
    const [row] = (await who.researcher.get('/api/market-forecasts?period=2031-H1')).json().items;
    expect(Number(row.actualVolume)).toBe(120);
    expect(row.potentialReached).toBe('40');
    // Another department's manager does not see the forecast at all.
    expect((await who.manager2.get(`/api/market-forecasts/${row.id}`)).statusCode).toBe(404);
  });

  it('keeps the product line a forecast uses: deleting the category is refused as in use (409), nothing changes', async () => {
    const admin = await Client.login(env.app, 'admin');
    const res = await admin.delete(`/api/product-categories/${categoryId}?version=1`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('category.in_use');
    const left = await env.database.pool.query('select count(*)::int n from product_categories where id = $1', [
      categoryId,
    ]);
    expect(left.rows[0].n).toBe(1);
  });
});

describe('promotions as staged plans', () => {
  let promotionId: number;
  let stageIds: number[];
  const stage = (i: number) => stageIds[i];
  const stageRow = async (id: number) =>
    (await env.database.pool.query('select * from promotion_stages where id = $1', [id])).rows[0];

  it('approves each stage on its own through the approval engine', async () => {
    const p = await who.director.post('/api/promotions', {
      name: '2031 春季阀门促销',
      startDate: '2031-03-01',
      endDate: '2031-05-31',
    });
    expect(p.statusCode, p.body).toBe(201);
    promotionId = p.json().id;
    for (const [name, budget] of [
      ['预热阶段', '20000.00'],
      ['集中推广', '50000.50'],
    ])
      await who.director.post(`/api/promotions/${promotionId}/stages`, {
        name,
        startDate: '2031-03-01',
        endDate: '2031-03-31',
        budget,
      });
    const detail = (await who.director.get(`/api/promotions/${promotionId}`)).json();
    stageIds = detail.stages.map((s: { id: number }) => s.id);
    expect(detail.stages.map((s: { seq: number; status: string }) => [s.seq, s.status])).toEqual([
      [1, 'draft'],
      [2, 'draft'],
    ]);
    expect(detail.totals.budget).toBe('70000.50');

    expect((await who.director.post(`/api/promotion-stages/${stage(0)}/submit`, { version: 1 })).statusCode).toBe(200);
    expect((await stageRow(stage(0))).status).toBe('pending');
    // A pending stage cannot be evaluated.
    const early = await who.director.put(`/api/promotion-stages/${stage(0)}/evaluation`, {
      cost: '1.00',
      leads: 1,
      deals: 0,
      revenue: '0.00',
      version: 2,
    });
    expect(early.statusCode).toBe(409);

    const inbox = (await who.gm.get('/api/approvals/inbox')).json();
    const task = inbox.items.find(
      (i: { docType: string; docId: number }) => i.docType === 'promotion_stage' && i.docId === stage(0),
    );
    expect(task).toBeDefined();
    const approved = await who.gm.post(`/api/approvals/${task.instanceId ?? task.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await stageRow(stage(0))).status).toBe('approved');
    // Stage 2 waits for its own approval.
    await who.director.post(`/api/promotion-stages/${stage(1)}/submit`, { version: 1 });
    const after = (await who.director.get(`/api/promotions/${promotionId}`)).json();
    expect(after.stages.map((s: { status: string }) => s.status)).toEqual(['approved', 'pending']);
    expect(after.totals.approvedBudget).toBe('20000.00');
  });

  it('computes the evaluation figures exactly (cost per lead, deal rate, ROI)', async () => {
    const res = await who.director.put(`/api/promotion-stages/${stage(0)}/evaluation`, {
      cost: '12345.67',
      leads: 37,
      deals: 5,
      revenue: '98765.43',
      version: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = (await who.director.get(`/api/promotions/${promotionId}`)).json();
    expect(d.stages[0]).toMatchObject({
      cost: '12345.67',
      leads: 37,
      deals: 5,
      costPerLead: '333.67',
      dealRate: '13.5',
      roi: '700.0',
    });
    expect(d.stages[1]).toMatchObject({ cost: null, costPerLead: null });
    expect(d.totals).toMatchObject({
      cost: '12345.67',
      leads: 37,
      deals: 5,
      revenue: '98765.43',
      costPerLead: '333.67',
      evaluatedStages: 1,
    });
    // Deals above leads is a field error.
    const bad = await who.director.put(`/api/promotion-stages/${stage(0)}/evaluation`, {
      cost: '1.00',
      leads: 1,
      deals: 2,
      revenue: '0.00',
      version: 4,
    });
    expect(bad.json().fields).toEqual([expect.objectContaining({ field: 'deals' })]);
  });
});

describe('data scope', () => {
  it('answers an out-of-scope promotion, report, forecast and demand like an unknown id (404)', async () => {
    const promo = (await who.director.get('/api/promotions')).json().items[0].id;
    const report = (await who.director.get('/api/research-reports')).json().items[0].id;
    const forecast = (await who.researcher.get('/api/market-forecasts')).json().items[0].id;
    const demand = await who.rep1.post('/api/product-demands', {
      requester: '华东某客户采购部',
      productDescription: '不锈钢法兰 DN50',
      quantity: '200',
      unit: '件',
    });
    expect(demand.statusCode, demand.body).toBe(201);
    for (const url of [
      `/api/promotions/${promo}`,
      `/api/research-reports/${report}`,
      `/api/market-forecasts/${forecast}`,
      `/api/product-demands/${demand.json().id}`,
    ]) {
      const hidden = await who.manager2.get(url);
      expect(hidden.statusCode, url).toBe(404);
      expect(hidden.json().code).toBe((await who.manager2.get(url.replace(/\d+$/, '987654321'))).json().code);
    }
    expect((await who.rep2.get(`/api/product-demands/${demand.json().id}`)).statusCode).toBe(404);
    expect((await who.manager2.get('/api/product-demands')).json().items).toEqual([]);
    expect((await who.manager2.get('/api/promotions')).json().items).toEqual([]);
    // manager2 may not report rep1's demand either (404, nothing changed).
    const rep = await who.manager2.post(`/api/product-demands/${demand.json().id}/report`, {
      tradingCompany: '贸易分公司',
      reportedOn: '2031-03-02',
      version: 1,
    });
    expect(rep.statusCode).toBe(404);
    // The director (ALL) reports it and records the outcome.
    const ok = await who.director.post(`/api/product-demands/${demand.json().id}/report`, {
      tradingCompany: '贸易分公司',
      reportedOn: '2031-03-02',
      version: 1,
    });
    expect(ok.json()).toMatchObject({ status: 'reported', tradingCompany: '贸易分公司', reportedOn: '2031-03-02' });
    const done = await who.director.post(`/api/product-demands/${demand.json().id}/outcome`, {
      outcome: 'sourced',
      version: 2,
    });
    expect(done.json()).toMatchObject({ status: 'closed', outcome: 'sourced' });
  });
});

describe('competitors and lost opportunities', () => {
  it('links lost opportunities and shows each viewer only those in their scope', async () => {
    const comp = await who.director.post('/api/competitors', {
      name: '恒通阀门',
      products: '闸阀、球阀',
      serviceLevel: 'good',
      offers: [{ product: 'DN50 球阀', price: '268.50' }],
    });
    expect(comp.statusCode, comp.body).toBe(201);
    const id = comp.json().id;
    const customer = (await who.rep1.post('/api/customers', { kind: 'company', name: '输单测试有限公司' })).json().id;
    const pipelineId = (await who.rep1.get('/api/pipelines')).json().items[0].id;
    const opp = (
      await who.rep1.post('/api/opportunities', {
        name: '阀门改造',
        customerId: customer,
        pipelineId,
        amount: '88000.00',
      })
    ).json();
    // An open opportunity cannot be linked.
    const open = await who.director.post(`/api/competitors/${id}/lost-opportunities`, { opportunityId: opp.id });
    expect(open.json().fields).toEqual([expect.objectContaining({ field: 'opportunityId' })]);
    const lost = await who.rep1.post(`/api/opportunities/${opp.id}/lose`, {
      version: opp.version ?? 1,
      reason: '对方报价低 8%',
    });
    expect(lost.statusCode, lost.body).toBe(200);
    const linked = await who.director.post(`/api/competitors/${id}/lost-opportunities`, { opportunityId: opp.id });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({
      lostAmount: '88000.00',
      lostOpportunities: [expect.objectContaining({ id: opp.id })],
    });
    // manager2 (销售二部) sees the competitor but not 销售一部's lost opportunity.
    const theirs = (await who.manager2.get(`/api/competitors/${id}`)).json();
    expect(theirs).toMatchObject({ name: '恒通阀门', lostOpportunities: [], lostAmount: '0.00' });
    const list = (await who.manager2.get('/api/competitors')).json().items;
    expect(list).toEqual([expect.objectContaining({ name: '恒通阀门', lostCount: 0 })]);
    expect((await who.director.get('/api/competitors')).json().items[0].lostCount).toBe(1);
  });
});
