import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import type { Ctx } from '../../platform/context.ts';
import { companyDate } from '../../platform/time.ts';
import { makeCustomer, orderBody, stockedProduct } from '../orders/orders.testkit.ts';
import { seedMarchSales } from './analytics.test-seed.ts';
import { checkMonthlyTotals, type MeasureQuery, measure, overdueFollowUps, rebuildFacts } from './index.ts';

let env: TestEnv;
let org: Org;
let rep1: Client;
let ctx: Record<'rep1' | 'rep2' | 'manager1' | 'director', Ctx>;
let custA: number;
let product: number;
const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

const value = async (c: Ctx, m: Partial<MeasureQuery> & Pick<MeasureQuery, 'measure'>) =>
  (await measure(env.database.db, c, { ...MARCH, ...m }))[0].value;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  const rep2 = await Client.login(env.app, 'rep2');
  ctx = {
    rep1: await ctxFor(env, rep1),
    rep2: await ctxFor(env, rep2),
    manager1: await ctxFor(env, await Client.login(env.app, 'manager1')),
    director: await ctxFor(env, await Client.login(env.app, 'director')),
  };
  // The hand-computed sales of March 2026 (see the seed): a cancellation, a return, a transfer, a
  // sub-department and a walk-in's first order.
  ({ custA, product } = await seedMarchSales(env, org, '指标', 'AN'));
});
afterAll(() => env.close());

describe('indicator engine: hand-computed fixture (March 2026)', () => {
  it('sales net of the cancellation and the return; volume, net, margin, orders', async () => {
    // 226 (rep1 O1) + 113 (rep1b O6) + 339 − 113 (teamRep O3 − return) + 565 (rep2 O4); O2 booked and reversed.
    expect(await value(ctx.director, { measure: 'sales_amount' })).toBe('1130.00');
    expect(await value(ctx.director, { measure: 'sales_volume' })).toBe('10');
    expect(await value(ctx.director, { measure: 'sales_net_amount' })).toBe('1000.00');
    // cost 60/unit: 80 + 40 + (120 − 40) + 200
    expect(await value(ctx.director, { measure: 'gross_margin' })).toBe('400.00');
    expect(await value(ctx.director, { measure: 'orders' })).toBe('4');
  });

  it('a transfer does not move history: O1 stays with rep1, O6 is rep1b’s', async () => {
    const rows = await measure(env.database.db, ctx.director, { measure: 'sales_amount', ...MARCH, groupBy: ['rep'] });
    expect(Object.fromEntries(rows.map((r) => [r.keys.rep, r.value]))).toEqual({
      [org.user.rep1]: '226.00',
      [org.user.rep1b]: '113.00',
      [org.user.teamRep]: '226.00',
      [org.user.rep2]: '565.00',
    });
  });

  it('departments roll up the tree once', async () => {
    const top = await measure(env.database.db, ctx.director, {
      measure: 'sales_amount',
      ...MARCH,
      groupBy: ['department'],
      departmentId: org.dept.root,
    });
    expect(Object.fromEntries(top.map((r) => [r.keys.department, r.value]))).toEqual({
      [org.dept.sales1]: '565.00',
      [org.dept.sales2]: '565.00',
    });
    const one = await measure(env.database.db, ctx.director, {
      measure: 'sales_amount',
      ...MARCH,
      groupBy: ['department'],
      departmentId: org.dept.sales1,
    });
    // 销售一部 itself (rep1 + rep1b) and its 一组 (teamRep): together the 565 above, nothing twice.
    expect(Object.fromEntries(one.map((r) => [r.keys.department, r.value]))).toEqual({
      [org.dept.sales1]: '339.00',
      [org.dept.sales1team]: '226.00',
    });
    expect(await value(ctx.director, { measure: 'sales_amount', departmentId: org.dept.sales1 })).toBe('565.00');
  });

  it('periods: by month across March and April', async () => {
    const rows = await measure(env.database.db, ctx.director, {
      measure: 'sales_amount',
      from: '2026-01-01',
      to: '2026-06-30',
      groupBy: ['month'],
      repId: org.user.rep1,
    });
    expect(rows).toEqual([
      { keys: { month: '2026-03' }, value: '226.00' },
      { keys: { month: '2026-04' }, value: '452.00' },
    ]);
    const q2 = await measure(env.database.db, ctx.director, {
      measure: 'sales_amount',
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: ['quarter'],
    });
    expect(q2).toEqual([
      { keys: { quarter: '2026-Q1' }, value: '1130.00' },
      { keys: { quarter: '2026-Q2' }, value: '452.00' },
    ]);
  });

  it('data scope: a rep sees only own figures, a manager the department tree', async () => {
    expect(await value(ctx.rep1, { measure: 'sales_amount' })).toBe('226.00');
    expect(await value(ctx.rep1, { measure: 'sales_amount', repId: org.user.rep2 })).toBe('0.00');
    expect(await value(ctx.rep2, { measure: 'sales_amount' })).toBe('565.00');
    expect(await value(ctx.manager1, { measure: 'sales_amount' })).toBe('565.00');
    expect(await value(ctx.manager1, { measure: 'sales_amount', departmentId: org.dept.sales2 })).toBe('0.00');
    // Cost is confidential: a rep has no product.cost, so no margin.
    await expect(value(ctx.rep1, { measure: 'gross_margin' })).rejects.toMatchObject({ status: 403 });
  });

  it('leads, lead deals by channel, new customers today', async () => {
    expect(await value(ctx.director, { measure: 'leads' })).toBe('1');
    expect(await value(ctx.director, { measure: 'front_desk_visits' })).toBe('1');
    const deals = await measure(env.database.db, ctx.director, {
      measure: 'lead_deals',
      ...MARCH,
      groupBy: ['channel'],
    });
    expect(deals).toEqual([{ keys: { channel: 'walk_in' }, value: '1' }]);
    expect(await value(ctx.rep1, { measure: 'lead_deals' })).toBe('0');
    const today = companyDate(new Date());
    expect(await value(ctx.director, { measure: 'new_customers', from: today, to: today })).toBe('3');
    expect(await value(ctx.rep1, { measure: 'new_customers', from: today, to: today })).toBe('1');
  });

  it('the maintained monthly totals equal the facts: same answers both ways, nothing off in the check', async () => {
    expect(await env.database.db.transaction((tx) => checkMonthlyTotals(tx))).toEqual([]);
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const cases: MeasureQuery[] = [
      { measure: 'sales_amount', ...year, groupBy: ['month', 'rep'] },
      { measure: 'sales_volume', ...MARCH, groupBy: ['department'], departmentId: org.dept.sales1 },
      { measure: 'gross_margin', ...year, groupBy: ['quarter'] },
      { measure: 'orders', ...MARCH, groupBy: ['rep'], top: 2 },
      { measure: 'lead_deals', ...MARCH, groupBy: ['channel'] },
      { measure: 'leads', ...MARCH, repId: org.user.rep2 },
    ];
    for (const c of cases) {
      const fast = await measure(env.database.db, ctx.director, c);
      expect(fast, JSON.stringify(c)).toEqual(await measure(env.database.db, ctx.director, { ...c, monthly: false }));
    }
    const summary = await q(`select count(*)::int n from analytics_monthly where kind = 'order'`);
    expect(summary.rows[0].n).toBeGreaterThan(0);
  });

  it('overdue follow-ups now, per rep, within scope', async () => {
    await q(
      `insert into follow_ups (customer_id, type, content, outcome, next_action, next_action_date, created_by)
       values ($1, 'call', '电话回访', 'neutral', '再次回访', current_date - 3, $2)`,
      [custA, org.user.rep1],
    );
    const all = await overdueFollowUps(env.database.db, ctx.director, { groupBy: 'rep' });
    expect(all).toContainEqual({ keys: { rep: org.user.rep1 }, value: '1' });
    expect(await overdueFollowUps(env.database.db, ctx.rep1)).toEqual([{ keys: {}, value: '1' }]);
    expect(await overdueFollowUps(env.database.db, ctx.rep2)).toEqual([{ keys: {}, value: '0' }]);
    // A deleted customer's overdue plan is not counted (as in the workbench and process health).
    const gone = await makeCustomer(env, rep1, '指标已删客户');
    await q(
      `insert into follow_ups (customer_id, type, content, outcome, next_action, next_action_date, created_by)
       values ($1, 'call', '电话回访', 'neutral', '再次回访', current_date - 2, $2)`,
      [gone, org.user.rep1],
    );
    await q('update customers set deleted_at = now() where id = $1', [gone]);
    expect(await overdueFollowUps(env.database.db, ctx.rep1)).toEqual([{ keys: {}, value: '1' }]);
  });

  it('the backfill rebuilt from the documents gives the same figures', async () => {
    const dims = ['rep', 'month'] as const;
    const before = await measure(env.database.db, ctx.director, {
      measure: 'sales_amount',
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: [...dims],
    });
    await env.database.db.transaction((tx) => rebuildFacts(tx));
    const after = await measure(env.database.db, ctx.director, {
      measure: 'sales_amount',
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: [...dims],
    });
    // Rebuilt from documents, O6 is credited to its order's owner (rep1b) just the same.
    expect(after).toEqual(before);
    expect(await env.database.db.transaction((tx) => checkMonthlyTotals(tx))).toEqual([]);
    expect(await value(ctx.director, { measure: 'lead_deals' })).toBe('1');
  });
});

describe('booking hooks on the real use cases', () => {
  it('review passes → order booked for its owner; cancel → reversed', async () => {
    const manager = await Client.login(env.app, 'manager1');
    const { productId, warehouseId } = await stockedProduct(env, 'P-AN-API', '10');
    const today = companyDate(new Date());
    const newBefore = Number(await value(ctx.rep1, { measure: 'new_customers', from: today, to: today }));
    const c = await makeCustomer(env, rep1, '指标接口客户');
    expect(await value(ctx.rep1, { measure: 'new_customers', from: today, to: today })).toBe(String(newBefore + 1));
    const o = (await rep1.post('/api/orders', orderBody(c, warehouseId, [{ productId, qty: '2' }]))).json();
    const s = (await rep1.post(`/api/orders/${o.id}/submit`, { version: o.version })).json();
    const r = await manager.post(`/api/orders/${o.id}/review`, { version: s.version });
    expect(r.json().status, r.body).toBe('approved');
    const facts = async () =>
      (
        await q(
          `select kind, rep_id, amount::text from analytics_facts where source_type = 'order' and source_id = $1 order by id`,
          [o.id],
        )
      ).rows;
    expect(await facts()).toEqual([{ kind: 'order', rep_id: org.user.rep1, amount: '226.00' }]);
    const x = await rep1.post(`/api/orders/${o.id}/cancel`, { version: r.json().version, reason: '客户取消' });
    expect(x.statusCode, x.body).toBe(200);
    expect(await facts()).toEqual([
      { kind: 'order', rep_id: org.user.rep1, amount: '226.00' },
      { kind: 'order_cancel', rep_id: org.user.rep1, amount: '-226.00' },
    ]);
    expect(await value(ctx.rep1, { measure: 'sales_amount', from: today, to: today })).toBe('0.00');
    expect(await env.database.db.transaction((tx) => checkMonthlyTotals(tx))).toEqual([]);
  });
});

describe('routes: figures, drill-down, dashboard', () => {
  const qs = (o: Record<string, string | number>) =>
    new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)]));

  it('every figure equals the count / sum of its drill-down list', async () => {
    const director = await Client.login(env.app, 'director');
    const cases: Record<string, string | number>[] = [
      { measure: 'sales_amount', ...MARCH },
      { measure: 'sales_amount', ...MARCH, repId: org.user.rep1 },
      { measure: 'sales_amount', ...MARCH, departmentId: org.dept.sales1 },
      { measure: 'sales_volume', ...MARCH, productId: product },
      { measure: 'gross_margin', ...MARCH },
      { measure: 'orders', ...MARCH },
      { measure: 'lead_deals', ...MARCH, channel: 'walk_in' },
    ];
    for (const c of cases) {
      const fig = await director.get(`/api/analytics/measure?${qs({ ...c, groupBy: '' })}`);
      expect(fig.statusCode, fig.body).toBe(200);
      const rec = await director.get(`/api/analytics/records?${qs({ ...c, pageSize: 200 })}`);
      expect(rec.statusCode, rec.body).toBe(200);
      expect(rec.json().sum, JSON.stringify(c)).toBe(fig.json().rows[0].value);
      // No reversal among the lead deals: one record per deal.
      if (c.measure === 'lead_deals') expect(rec.json().total).toBe(Number(fig.json().rows[0].value));
    }
    // The sales drill-down of March: O1, O2 and its cancellation, O6, O3 and its return, O4.
    const rec = (await director.get(`/api/analytics/records?${qs({ measure: 'sales_amount', ...MARCH })}`)).json();
    expect(rec.total).toBe(7);
    expect(rec.items.map((i: { kind: string }) => i.kind).sort()).toEqual(
      ['order', 'order', 'order', 'order', 'order', 'order_cancel', 'return'].sort(),
    );
    expect(rec.items.find((i: { kind: string }) => i.kind === 'return')).toMatchObject({
      sourceType: 'sales_return',
      documentNo: 'TH-AN-1',
      customerName: '指标客户乙',
      value: '-113.00',
      date: '2026-03-28',
    });
  });

  it('a rep’s routes answer only own figures; names come with the ids; bad input is a field error', async () => {
    const mine = (await rep1.get(`/api/analytics/measure?${qs({ measure: 'sales_amount', ...MARCH })}`)).json();
    expect(mine.rows).toEqual([{ keys: { rep: org.user.rep1 }, value: '226.00' }]);
    expect(mine.labels.rep).toEqual({ [org.user.rep1]: '张三' });
    const rec = (
      await rep1.get(`/api/analytics/records?${qs({ measure: 'sales_amount', ...MARCH, repId: org.user.rep1 })}`)
    ).json();
    expect(rec).toMatchObject({ total: 3, sum: '226.00', filterNames: { rep: '张三' } });
    expect((await rep1.get(`/api/analytics/records?${qs({ measure: 'gross_margin', ...MARCH })}`)).statusCode).toBe(
      403,
    );
    const bad = await rep1.get(
      `/api/analytics/measure?${qs({ measure: 'sales_amount', from: '2026-03-31', to: '2026-03-01' })}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('起始日期不能晚于截止日期');
    const front = await Client.login(env.app, 'front');
    expect((await front.get('/api/analytics/dashboard')).statusCode).toBe(403);
  });

  it('the dashboard of a month: KPIs with last year, months, rollup, rankings', async () => {
    const director = await Client.login(env.app, 'director');
    const res = await director.get('/api/analytics/dashboard?period=month&date=2026-03-15');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      lastYear: { from: '2025-03-01', to: '2025-03-31' },
    });
    expect(d.kpis.find((k: { measure: string }) => k.measure === 'sales_amount')).toEqual({
      measure: 'sales_amount',
      value: '1130.00',
      lastYear: '0.00',
    });
    // (December: the hook test's order of today, booked and cancelled → 0.)
    expect(d.monthly.salesAmount.slice(0, 2)).toEqual([
      { key: '2026-03', value: '1130.00' },
      { key: '2026-04', value: '452.00' },
    ]);
    expect(d.byDepartment).toEqual(
      expect.arrayContaining([
        { key: org.dept.sales1, value: '565.00' },
        { key: org.dept.sales2, value: '565.00' },
      ]),
    );
    expect(d.byRep[0]).toEqual({ key: org.user.rep2, value: '565.00' });
    expect(d.labels.department[org.dept.sales1]).toBe('销售一部');
    expect(d.channels.deals).toEqual([{ key: 'walk_in', value: '1' }]);
    const m1 = (await (await Client.login(env.app, 'manager1')).get('/api/analytics/dashboard?date=2026-03-15')).json();
    expect(m1.kpis.find((k: { measure: string }) => k.measure === 'sales_amount').value).toBe('565.00');
    expect(m1.departments.map((x: { id: number }) => x.id).sort()).toEqual(
      [org.dept.sales1, org.dept.sales1team].sort(),
    );
  });
});
