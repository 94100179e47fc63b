import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';

/**
 * The plan against the indicator engine (issue 13 item 2): a draft from last year's actuals, plan vs
 * actual per level with a zero target shown as no rate (无目标), and the 4S lead target from a known
 * conversion. The facts are booked straight into analytics_facts and the monthly totals, as the engine's events book them.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
let seq = 0;

async function fact(kind: string, date: string, rep: number, dept: number, amount: string, n = 1) {
  seq += 1;
  await env.database.pool.query(
    `insert into analytics_facts (kind, fact_date, rep_id, dept_id, source_type, source_id, n, amount, net_amount)
     values ($1, $2, $3, $4, 'test', $5, $6, $7, $7)`,
    [kind, date, rep, dept, seq, n, amount],
  );
  // …and into the maintained monthly totals, as the engine's booking statement does.
  await env.database.pool.query(
    `insert into analytics_monthly as m (fact_date, kind, rep_id, dept_id, n, amount, net_amount)
     values (date_trunc('month', $1::date)::date, $2, $3, $4, $5, $6, $6)
     on conflict on constraint analytics_monthly_key
     do update set n = m.n + excluded.n, amount = m.amount + excluded.amount, net_amount = m.net_amount + excluded.net_amount`,
    [date, kind, rep, dept, n, amount],
  );
}

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  for (const u of ['director', 'gm', 'manager2', 'rep1', 'rep2']) who[u] = await Client.login(env.app, u);
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const { rep1, rep1b, rep2 } = org.user;
  const { sales1, sales2 } = org.dept;
  await fact('order', '2025-03-10', rep1, sales1, '12000.00');
  await fact('order', '2025-03-15', rep1b, sales1, '6000.00');
  await fact('order', '2025-07-01', rep2, sales2, '24000.00');
  await fact('customer', '2025-03-12', rep1, sales1, '0', 2);
  // This year: March sales, and the front desk's leads with their deals in January–March.
  await fact('order', '2026-03-05', rep1, sales1, '10000.00');
  await fact('lead', '2026-02-01', rep1, sales1, '0', 40);
  await fact('lead_deal', '2026-03-01', rep1, sales1, '0', 8);
  vi.useFakeTimers({ toFake: ['Date'] });
  await at('2026-04-15T10:00:00+08:00');
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('plan from last year', () => {
  it('drafts each rep from last year raised by the growth, departments as the sums below them', async () => {
    expect((await who.rep1.get('/api/sales-plans/baseline?year=2026&growth=10')).statusCode).toBe(403);
    const res = await who.director.get('/api/sales-plans/baseline?year=2026&growth=10');
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({ targetAmount: '46200.00', targetCustomers: 2 });
    const march = (deptId: number, userId: number | null) =>
      b.rows.find((r: { deptId: number; userId: number | null }) => r.deptId === deptId && r.userId === userId)
        ?.amounts[2];
    expect(march(org.dept.sales1, org.user.rep1)).toBe('13200.00');
    expect(march(org.dept.sales1, org.user.rep1b)).toBe('6600.00');
    expect(march(org.dept.sales1, null)).toBe('19800.00');
    expect(march(org.dept.root, null)).toBe('19800.00');
    // The draft sums: it is accepted as it is, then approved.
    const created = await who.director.post('/api/sales-plans', { year: 2026, title: '2026 年度销售计划', ...b });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    // Last year's actuals beside each row.
    const last = p.lastYear.find((r: { key: string }) => r.key === `u${org.user.rep1}`);
    expect(last).toMatchObject({ totalAmount: '12000.00', totalCustomers: 2 });
    await who.director.post(`/api/sales-plans/${p.id}/submit`, { version: p.version });
    const inbox = (await who.gm.get('/api/approvals/inbox')).json();
    const task = inbox.items.find((i: { docId: number; docType: string }) => i.docType === 'sales_plan');
    expect((await who.gm.post(`/api/approvals/${task.instanceId ?? task.id}/approve`, {})).statusCode).toBe(200);
  });
});

describe('plan vs actual', () => {
  it('shows every level live, with no rate for a zero target', async () => {
    const res = await who.director.get('/api/sales-plans/vs-actual?year=2026&period=month&index=3');
    expect(res.statusCode, res.body).toBe(200);
    const rows = Object.fromEntries(res.json().rows.map((r: { name: string }) => [r.name, r])) as Record<
      string,
      { targetAmount: string; actualAmount: string; amountRate: string | null; kind: string }
    >;
    expect(rows.总公司).toMatchObject({
      kind: 'company',
      targetAmount: '19800.00',
      actualAmount: '10000.00',
      amountRate: '50.51',
    });
    expect(rows.销售一部).toMatchObject({ targetAmount: '19800.00', actualAmount: '10000.00' });
    expect(rows.张三).toMatchObject({
      kind: 'rep',
      targetAmount: '13200.00',
      actualAmount: '10000.00',
      amountRate: '75.76',
    });
    expect(rows.李四).toMatchObject({ targetAmount: '6600.00', actualAmount: '0.00', amountRate: '0.00' });
    // 孙七 had nothing last year: a zero target has no rate, never a division error.
    expect(rows.孙七).toMatchObject({ targetAmount: '0.00', amountRate: null });
    // The quarter adds the months.
    const q1 = (await who.director.get('/api/sales-plans/vs-actual?year=2026&period=quarter&index=1')).json();
    expect(q1.rows[0]).toMatchObject({ targetAmount: '19800.00', actualAmount: '10000.00' });
    expect(q1).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('shows each viewer only the rows and figures of their scope', async () => {
    const mine = (await who.rep1.get('/api/sales-plans/vs-actual?period=month&index=3')).json();
    expect(mine.rows.map((r: { name: string }) => r.name)).toEqual(['张三']);
    const m2 = (await who.manager2.get('/api/sales-plans/vs-actual?period=year')).json();
    expect(m2.rows.map((r: { name: string; targetAmount: string }) => [r.name, r.targetAmount])).toEqual([
      ['销售二部', '26400.00'],
      ['王五', '26400.00'],
    ]);
  });
});

describe('the dashboard plan line', () => {
  it('gives the monthly amounts of the picked department, or the top row in scope', async () => {
    const top = (await who.director.get('/api/sales-plans/monthly-targets?year=2026')).json();
    expect(top).toMatchObject({ name: '总公司' });
    expect(top.amounts).toHaveLength(12);
    expect(top.amounts[2]).toBe('19800.00');
    const dept = (
      await who.director.get(`/api/sales-plans/monthly-targets?year=2026&departmentId=${org.dept.sales1}`)
    ).json();
    expect(dept).toMatchObject({ name: '销售一部' });
    expect(dept.amounts[2]).toBe('19800.00');
    // A rep's own row is the top of his scope; another department is not in it.
    expect((await who.rep1.get('/api/sales-plans/monthly-targets?year=2026')).json()).toMatchObject({ name: '张三' });
    const other = await who.rep1.get(`/api/sales-plans/monthly-targets?year=2026&departmentId=${org.dept.root}`);
    expect(other.json()).toMatchObject({ amounts: null });
    // No plan in force that year: no line.
    expect((await who.director.get('/api/sales-plans/monthly-targets?year=2031')).json()).toMatchObject({
      planId: null,
      amounts: null,
    });
  });
});

describe('4S lead target', () => {
  it('divides the deals target by the last 3 months’ conversion (8 deals of 40 leads = 20 %)', async () => {
    const res = await who.director.get('/api/sales-plans/lead-target?year=2026&month=3');
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({ months: 3, from: '2026-01-01', to: '2026-03-31', leads: 40, deals: 8, rate: '0.2000' });
    const rep1 = b.rows.find((r: { name: string }) => r.name === '张三');
    expect(rep1).toMatchObject({ target: 2, leadTarget: 10 });
  });

  it('has no rate and no lead target where there were no leads (rep2’s scope)', async () => {
    const b = (await who.rep2.get('/api/sales-plans/lead-target?year=2026&month=7')).json();
    expect(b).toMatchObject({ leads: 0, deals: 0, rate: null });
    expect(b.rows).toEqual([expect.objectContaining({ name: '王五', target: 0, leadTarget: null })]);
  });
});
