import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse } from '../../../test/q2c-seed.ts';
import { bookFact } from '../analytics/index.ts';
import { insertOrder } from '../deliveries/deliveries.test-seed.ts';
import { makeCustomer } from '../orders/orders.testkit.ts';

/**
 * Appraisal schemes (考核方案, SPEC 5.2): a quarterly scheme of scored indicators (linear to the
 * plan's target summed over the quarter's months, linear to the scheme's target, threshold bands
 * over satisfaction and SLA response), its validation, versions that leave earlier runs alone, and
 * the permission. Every expected figure is worked out by hand below.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

async function sale(ownerId: number, customerId: number, wh: number, product: number, price: string, date: string) {
  const o = await insertOrder(env, {
    customerId,
    ownerId,
    warehouseId: wh,
    lines: [{ productId: product, qty: '1', unitPrice: price, taxRate: '0.00' }],
  });
  await q('update orders set approved_at = $2 where id = $1', [o.id, at(date)]);
  await env.database.db.transaction((tx) => bookFact.orderApproved(tx, o.id));
}

async function visit(repId: number, customerId: number, score: number, date: string) {
  await q(
    `insert into return_visits (customer_id, owner_id, owner_dept_id, source_type, rep_id, subject, script, due_date, status, outcome, satisfaction, done_at)
     select $1, u.id, u.dept_id, 'manual', u.id, '回访', '满意度', $3::date, 'done', 'reached', $2, $4 from users u where u.id = $5`,
    [customerId, score, date, at(date), repId],
  );
}

let ticketNo = 0;
async function ticket(engineerId: number, customerId: number, state: 'met' | 'breached', date: string) {
  ticketNo += 1;
  const t = await q(
    `insert into service_tickets (no, type, source, priority, status, customer_id, owner_id, owner_dept_id, created_by, engineer_id, subject)
     select $1, 'repair', 'hotline', 'normal', 'in_progress', $2, u.id, u.dept_id, u.id, u.id, '维修' from users u where u.id = $3 returning id`,
    [`ST-SCH-${ticketNo}`, customerId, engineerId],
  );
  await q(
    `insert into service_ticket_slas (ticket_id, metric, target_ms, started_at, state, met_at, breached_at)
     values ($1, 'response', 3600000, $2, $3, $4, $5)`,
    [t[0].id, at(date), state, state === 'met' ? at(date) : null, state === 'breached' ? at(date) : null],
  );
}

/**
 * The quarterly scheme: revenue linear 40 (the plan's Q2 cells), new customers linear 20 (target 4
 * per person), satisfaction threshold 20 (≥4 → 20, ≥3 → 10), SLA response threshold 20 (≥90 % → 20,
 * ≥50 % → 10).
 */
const quarterly = {
  name: '季度服务考核',
  periodKind: 'quarter',
  indicators: [
    { code: 'revenue', weight: 40, rule: 'linear' },
    { code: 'new_customers', weight: 20, rule: 'linear', target: '4' },
    {
      code: 'satisfaction',
      weight: 20,
      rule: 'threshold',
      bands: [
        { from: '3', points: '10' },
        { from: '4', points: '20' },
      ],
    },
    {
      code: 'sla_response',
      weight: 20,
      rule: 'threshold',
      basis: 'actual',
      bands: [
        { from: '90', points: '20' },
        { from: '50', points: '10' },
      ],
    },
  ],
};

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  for (const u of ['admin', 'manager1', 'manager2', 'rep1', 'rep2']) who[u] = await Client.login(env.app, u);
  const plan = await q(
    `insert into sales_plans (year, plan_version, title, status, target_amount, target_customers, created_by, approved_at)
     values (2026, 1, '2026年度销售计划', 'approved', 36000, 0, $1, now()) returning id`,
    [org.user.manager1],
  );
  // rep1's Q2 cells: 1,000 + 1,000 + 2,000 = 4,000; teamRep 500 a month = 1,500; March is Q1.
  for (const [userId, month, amount] of [
    [org.user.rep1, 3, '9000.00'],
    [org.user.rep1, 4, '1000.00'],
    [org.user.rep1, 5, '1000.00'],
    [org.user.rep1, 6, '2000.00'],
    [org.user.teamRep, 4, '500.00'],
    [org.user.teamRep, 5, '500.00'],
    [org.user.teamRep, 6, '500.00'],
  ] as const)
    await q(
      `insert into sales_plan_cells (plan_id, dept_id, user_id, month, amount, customers)
       select $1, u.dept_id, u.id, $2, $3, 0 from users u where u.id = $4`,
      [plan[0].id, month, amount, userId],
    );
  // A customer of March (not new in Q2), then two new customers of rep1 in May.
  vi.setSystemTime(at('2026-03-05'));
  const cust = await makeCustomer(env, who.rep1, '方案客户甲');
  vi.setSystemTime(at('2026-05-10'));
  await makeCustomer(env, who.rep1, '方案客户乙');
  vi.setSystemTime(at('2026-05-11')); // the test kit's mobile number is made from the clock
  await makeCustomer(env, who.rep1, '方案客户丙');
  vi.setSystemTime(at('2026-07-15'));
  const wh = await insertWarehouse(env, 'WH-SC', '方案仓');
  const product = await insertProduct(env, { code: 'P-SC-1', name: '方案产品' });
  // rep1's Q2 sales: 1,000 in April + 2,000 in June = 3,000 (75 % of 4,000); March is outside.
  await sale(org.user.rep1, cust, wh, product, '1000.00', '2026-04-10');
  await sale(org.user.rep1, cust, wh, product, '2000.00', '2026-06-10');
  await sale(org.user.rep1, cust, wh, product, '5000.00', '2026-03-10');
  // Satisfaction: rep1 5 and 4 → 4.50; teamRep 3 → 3.00; a July visit of rep1 (score 1) is outside.
  await visit(org.user.rep1, cust, 5, '2026-04-20');
  await visit(org.user.rep1, cust, 4, '2026-06-20');
  await visit(org.user.rep1, cust, 1, '2026-07-02');
  await visit(org.user.teamRep, cust, 3, '2026-05-20');
  // SLA response: rep1 two met, one breached in Q2 → 66.66 %; a breach in July is outside.
  await ticket(org.user.rep1, cust, 'met', '2026-04-11');
  await ticket(org.user.rep1, cust, 'met', '2026-05-11');
  await ticket(org.user.rep1, cust, 'breached', '2026-06-11');
  await ticket(org.user.rep1, cust, 'breached', '2026-07-03');
  // One serious complaint against rep1 in May (seed 002: 严重投诉扣5分).
  await q(
    `insert into complaints (no, customer_id, owner_id, owner_dept_id, reported_by, category, severity, subject, description, status, created_at, updated_at)
     select 'TS-SCH-1', $1, u.id, u.dept_id, u.id, 'service', 'serious', '客户投诉', '服务态度', 'open', $2, $2 from users u where u.id = $3`,
    [cust, at('2026-05-08'), org.user.rep1],
  );
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

let schemeId = 0;
let runId = 0;
const item = (res: { items: { indicator: string }[] }, code: string) =>
  res.items.find((i) => i.indicator === code) as unknown as { points: string; evidence: Record<string, unknown> };

describe('scheme validation', () => {
  it('refuses weights that do not add up to 100, naming the field; nothing is written', async () => {
    const before = await q('select count(*)::int n from appraisal_schemes');
    const bad = { ...quarterly, indicators: quarterly.indicators.map((i, n) => (n === 0 ? { ...i, weight: 30 } : i)) };
    const r = await who.admin.post('/api/appraisal-schemes', bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().fields).toContainEqual(
      expect.objectContaining({ field: 'indicators', message: '各指标权重合计应为 100（当前 90）' }),
    );
    expect(await q('select count(*)::int n from appraisal_schemes')).toEqual(before);
  });

  it('names the row of a bad rule: a deduction-only indicator scored, a threshold without bands, a missing target', async () => {
    const r = await who.admin.post('/api/appraisal-schemes', {
      name: '错误方案',
      periodKind: 'month',
      indicators: [
        { code: 'complaints', weight: 40, rule: 'linear' },
        { code: 'satisfaction', weight: 30, rule: 'threshold', bands: [] },
        { code: 'collections', weight: 30, rule: 'linear' },
      ],
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['indicators.0.rule', '第 1 行：该指标不能使用所选计分规则'],
        ['indicators.1.bands', '第 2 行：请至少填写一个分档'],
        ['indicators.2.target', '第 3 行：请填写每人每期的目标值'],
      ]),
    );
  });

  it('is configuration: a manager without appraisal.scheme gets 403, the run dialog still lists schemes', async () => {
    expect((await who.manager1.post('/api/appraisal-schemes', quarterly)).statusCode).toBe(403);
    expect((await who.manager1.get('/api/appraisal-schemes')).statusCode).toBe(403);
    const list = await who.manager1.get('/api/appraisal-runs/schemes');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(['销售服务人员月度考核']);
    expect((await who.rep1.get('/api/appraisal-runs/schemes')).statusCode).toBe(403);
  });
});

describe('a quarterly scheme of scored indicators', () => {
  it('is created (audited) and offered to runs', async () => {
    const r = await who.admin.post('/api/appraisal-schemes', quarterly);
    expect(r.statusCode).toBe(201);
    schemeId = r.json().id;
    expect(r.json()).toMatchObject({ periodKind: 'quarter', version: 1, active: true });
    // Bands are stored in order with exact decimals.
    expect(r.json().indicators[2].bands).toEqual([
      { from: '3.00', points: '10.00' },
      { from: '4.00', points: '20.00' },
    ]);
    const audit = await q(`select action from audit_log where entity_type = 'appraisal_scheme' and entity_id = $1`, [
      String(schemeId),
    ]);
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('refuses a month for a quarterly scheme (field error)', async () => {
    const r = await who.manager1.post('/api/appraisal-runs', { schemeId, period: '2026-05' });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields[0]).toMatchObject({
      field: 'period',
      message: '该方案按季度考核，期间格式应为 年-季度（如 2026-Q2）',
    });
  });

  it('runs Q2: rep1 30 + 10 + 20 + 10 = 70 with the evidence of each rule', async () => {
    const r = await who.manager1.post('/api/appraisal-runs', { schemeId, period: '2026-Q2' });
    expect(r.statusCode).toBe(201);
    const run = r.json();
    runId = run.id;
    expect(run).toMatchObject({
      period: '2026-Q2',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      schemeVersion: 1,
    });
    const mine = run.results.find((x: { personId: number }) => x.personId === org.user.rep1);
    // No deduction rows: the base is 0, the score is the sum of the points.
    expect(mine).toMatchObject({ score: '70.00' });
    const res = (await who.manager1.get(`/api/appraisal-results/${mine.id}`)).json();
    expect(res).toMatchObject({ score: '70.00', baseScore: '0.00' });
    // Revenue: 3,000 of 4,000 (the three months' cells) = 75 % → 40 × 0.75 = 30.
    expect(item(res, 'revenue')).toMatchObject({
      points: '30.00',
      evidence: { rule: 'linear', target: '4000.00', actual: '3000.00', completionPercent: '75.00', capRatio: '1.00' },
    });
    // New customers: 2 of 4 → 20 × 0.5 = 10.
    expect(item(res, 'new_customers')).toMatchObject({
      points: '10.00',
      evidence: { rule: 'linear', target: '4.00', actual: '2', completionPercent: '50.00' },
    });
    // Satisfaction 4.50 reaches the ≥4 band → 20.
    expect(item(res, 'satisfaction')).toMatchObject({
      points: '20.00',
      evidence: { rule: 'threshold', actual: '4.50', band: { from: '4.00', points: '20.00' }, counts: { visits: 2 } },
    });
    // SLA response: 2 of 3 met = 66.66 % → the ≥50 band → 10.
    expect(item(res, 'sla_response')).toMatchObject({
      points: '10.00',
      evidence: { actual: '66.66', band: { from: '50.00', points: '10.00' }, counts: { met: 2, breached: 1 } },
    });
    // teamRep: no sales of 1,500 → 0; no customers → 0; satisfaction 3.00 → 10; no tickets → no data, 0.
    const team = run.results.find((x: { personId: number }) => x.personId === org.user.teamRep);
    expect(team.score).toBe('10.00');
    const t = (await who.manager1.get(`/api/appraisal-results/${team.id}`)).json();
    expect(item(t, 'revenue').evidence).toMatchObject({ target: '1500.00', actual: '0.00', state: 'below' });
    expect(item(t, 'sla_response')).toMatchObject({ points: '0.00', evidence: { actual: null, state: 'no_data' } });
    // rep1b has no plan cells: 无目标, 0 points.
    const b = run.results.find((x: { personId: number }) => x.personId === org.user.rep1b);
    const rb = (await who.manager1.get(`/api/appraisal-results/${b.id}`)).json();
    expect(item(rb, 'revenue')).toMatchObject({ points: '0.00', evidence: { target: null, state: 'no_target' } });
  });

  it('a new version of the scheme leaves the run as computed', async () => {
    const cur = (await who.admin.get(`/api/appraisal-schemes/${schemeId}`)).json();
    const next = {
      version: cur.version,
      name: '季度服务考核（新）',
      indicators: [{ code: 'collections', weight: 100, rule: 'linear', target: '1000' }],
    };
    const u = await who.admin.put(`/api/appraisal-schemes/${schemeId}`, next);
    expect(u.statusCode).toBe(200);
    expect(u.json()).toMatchObject({ version: 2, name: '季度服务考核（新）' });
    const run = (await who.manager1.get(`/api/appraisal-runs/${runId}`)).json();
    expect(run.schemeVersion).toBe(1);
    expect(run.indicators.map((i: { code: string }) => i.code)).toEqual([
      'revenue',
      'new_customers',
      'satisfaction',
      'sla_response',
    ]);
    expect(run.results.find((x: { personId: number }) => x.personId === org.user.rep1).score).toBe('70.00');
    // A stale version is refused.
    expect((await who.admin.put(`/api/appraisal-schemes/${schemeId}`, next)).statusCode).toBe(412);
  });

  it('keeps the run in its scope: manager2 and rep2 get 404', async () => {
    expect((await who.manager2.get(`/api/appraisal-runs/${runId}`)).statusCode).toBe(404);
    expect((await who.rep2.get(`/api/appraisal-runs/${runId}`)).statusCode).toBe(404);
    expect((await who.admin.get('/api/appraisal-schemes/999999')).statusCode).toBe(404);
  });

  it('deactivates (audited); the default scheme cannot be', async () => {
    const cur = (await who.admin.get(`/api/appraisal-schemes/${schemeId}`)).json();
    const d = await who.admin.post(`/api/appraisal-schemes/${schemeId}/deactivate`, { version: cur.version });
    expect(d.statusCode).toBe(200);
    expect(d.json().active).toBe(false);
    const r = await who.manager1.post('/api/appraisal-runs', { schemeId, period: '2026-Q1' });
    expect(r.json().fields[0]).toMatchObject({ field: 'schemeId', message: '考核方案不存在或已停用' });
    const def = (await who.admin.get('/api/appraisal-schemes'))
      .json()
      .items.find((s: { isDefault: boolean }) => s.isDefault);
    const dd = await who.admin.post(`/api/appraisal-schemes/${def.id}/deactivate`, { version: def.version });
    expect(dd.statusCode).toBe(409);
  });
});

describe('a monthly scheme mixing scored and deduction rows', () => {
  it("scores base (the deduction rows' weights) − deductions + points: rep1 30 − 5 + 0 + 0 = 25", async () => {
    const r = await who.admin.post('/api/appraisal-schemes', {
      name: '月度混合考核',
      periodKind: 'month',
      indicators: [
        { code: 'revenue', weight: 40, rule: 'linear', capRatio: '1.2' },
        { code: 'collections', weight: 30, rule: 'linear', target: '1000' },
        { code: 'complaints', weight: 30, rule: 'deduction' },
      ],
    });
    expect(r.statusCode).toBe(201);
    const run = await who.manager1.post('/api/appraisal-runs', { schemeId: r.json().id, period: '2026-05' });
    expect(run.statusCode).toBe(201);
    const mine = run.json().results.find((x: { personId: number }) => x.personId === org.user.rep1);
    const res = (await who.manager1.get(`/api/appraisal-results/${mine.id}`)).json();
    expect(res).toMatchObject({ baseScore: '30.00', score: '25.00' });
    // May: target 1,000, no sales → 0 % → 0 points (missing sales are an actual of 0).
    expect(item(res, 'revenue')).toMatchObject({
      points: '0.00',
      evidence: { target: '1000.00', actual: '0.00', completionPercent: '0.00', capRatio: '1.20', state: 'below' },
    });
    // No payments booked: the engine's 0, not "no data".
    expect(item(res, 'collections')).toMatchObject({
      points: '0.00',
      evidence: { target: '1000.00', actual: '0.00', unit: 'money' },
    });
    expect(item(res, 'complaints')).toMatchObject({
      points: '-5.00',
      evidence: { counts: { serious: 1, general: 0 } },
    });
    // The default scheme still runs May by its own rules (another scheme's run does not block it).
    const def = await who.manager1.post('/api/appraisal-runs', { period: '2026-05' });
    expect(def.statusCode).toBe(201);
    // 100 − revenue 0 % (50 points, capped at the weight 40) − 5 = 55.
    expect(def.json().results.find((x: { personId: number }) => x.personId === org.user.rep1).score).toBe('55.00');
  });
});

describe('the failed-periods flag of a quarterly scheme', () => {
  it('counts consecutive quarters of the same scheme (seed 003 连续[X]期不达标; N = 2 here)', async () => {
    expect(
      (await who.admin.put('/api/policies/appraisal.failStreakPeriods', { value: 2, version: 0 })).statusCode,
    ).toBe(200);
    const r = await who.admin.post('/api/appraisal-schemes', {
      name: '季度满意度考核',
      periodKind: 'quarter',
      indicators: [{ code: 'satisfaction', weight: 100, rule: 'threshold', bands: [{ from: '4', points: '100' }] }],
    });
    const schemeId = r.json().id;
    const q1 = (await who.manager1.post('/api/appraisal-runs', { schemeId, period: '2026-Q1' })).json();
    const q2 = (await who.manager1.post('/api/appraisal-runs', { schemeId, period: '2026-Q2' })).json();
    const of = (run: { results: { personId: number }[] }, id: number) => run.results.find((x) => x.personId === id);
    // teamRep: no visits in Q1 (0), 3.00 in Q2 (below the only band, 0): two failed quarters → flagged.
    expect(of(q1, org.user.teamRep)).toMatchObject({ score: '0.00', failStreak: 1, flagged: false });
    expect(of(q2, org.user.teamRep)).toMatchObject({ score: '0.00', failStreak: 2, flagged: true });
    // rep1: failed Q1, passed Q2 (4.50 → 100): the streak ends.
    expect(of(q1, org.user.rep1)).toMatchObject({ failStreak: 1, flagged: false });
    expect(of(q2, org.user.rep1)).toMatchObject({ score: '100.00', failStreak: 0, flagged: false });
  });
});
