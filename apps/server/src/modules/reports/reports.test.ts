import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import type { Ctx } from '../../platform/context.ts';
import { pdfPages } from '../../platform/printing/pdf-text.ts';
import { seedMarchSales } from '../analytics/analytics.test-seed.ts';
import { type MeasureQuery, measure } from '../analytics/index.ts';
import { dailyReport, dealRegister, halfYearReport, weeklyReport } from './index.ts';
import { reportCtx } from './reports.scope.ts';

let env: TestEnv;
let org: Org;
let docs: Awaited<ReturnType<typeof seedMarchSales>>;
let ctx: Record<'rep1' | 'manager1' | 'director', Ctx>;
let client: Record<'rep1' | 'manager1' | 'manager2' | 'director', Client>;
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

/** The engine's own figure for the same filter, within the same viewer's report scope. */
const figure = async (c: Ctx, m: Partial<MeasureQuery> & Pick<MeasureQuery, 'measure' | 'from' | 'to'>) =>
  (await measure(c.db, reportCtx(c), m))[0].value;
const rowOf = <T extends { name: string }>(rows: T[], name: string) => rows.find((r) => r.name === name);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  docs = await seedMarchSales(env, org, '报表', 'RP');
  client = {
    rep1: await Client.login(env.app, 'rep1'),
    manager1: await Client.login(env.app, 'manager1'),
    manager2: await Client.login(env.app, 'manager2'),
    director: await Client.login(env.app, 'director'),
  };
  ctx = {
    rep1: await ctxFor(env, client.rep1),
    manager1: await ctxFor(env, client.manager1),
    director: await ctxFor(env, client.director),
  };
});
afterAll(() => env.close());

describe('销售日报', () => {
  it('per rep, per team (rolled up once) and in total; zeros shown as 0; total equals measure()', async () => {
    const r = await dailyReport(ctx.director, { date: '2026-03-05' });
    expect(r.department.name).toBe('总公司');
    expect(rowOf(r.reps, '张三')?.values).toMatchObject({ orders: '1', sales_amount: '226.00', collections: '0.00' });
    // Reps with nothing that day still have their row, with zeros.
    expect(rowOf(r.reps, '王五')?.values).toMatchObject({ orders: '0', sales_amount: '0.00', follow_ups: '0' });
    expect(r.reps.map((x) => x.name).sort()).toEqual(['孙七', '张三', '李四', '王五'].sort());
    expect(rowOf(r.teams, '销售一部')?.values.sales_amount).toBe('226.00');
    expect(rowOf(r.teams, '销售二部')?.values.sales_amount).toBe('0.00');
    expect(r.teams.some((t) => t.name === '销售一部一组')).toBe(false);
    expect(r.total.sales_amount).toBe('226.00');
    expect(r.total.sales_amount).toBe(
      await figure(ctx.director, { measure: 'sales_amount', from: '2026-03-05', to: '2026-03-05' }),
    );
  });

  it('a rep sees only his own row; a manager his department subtree', async () => {
    const mine = await dailyReport(ctx.rep1, { date: '2026-03-06' });
    expect(mine.reps.map((x) => x.name)).toEqual(['张三']);
    expect(mine.total).toMatchObject({ orders: '1', sales_amount: '113.00' });
    expect(mine.departments).toEqual([]);
    const team = await dailyReport(ctx.manager1, { date: '2026-03-12' });
    expect(team.reps.map((x) => x.name).sort()).toEqual(['孙七', '张三', '李四'].sort());
    expect(rowOf(team.teams, '销售一部一组')?.values.sales_amount).toBe('339.00');
    expect(team.total.sales_amount).toBe('339.00');
  });

  it('refuses a department outside the scope as not found', async () => {
    const res = await client.manager1.get(`/api/reports/daily?date=2026-03-05&departmentId=${org.dept.sales2}`);
    expect(res.statusCode).toBe(404);
    const bad = await client.manager1.get('/api/reports/daily?date=2026-13-45');
    expect(bad.statusCode).toBe(400);
  });
});

describe('周报', () => {
  it('the Mon–Sun week against the week before, with the week’s new deals', async () => {
    const r = await weeklyReport(ctx.director, { date: '2026-03-12' });
    expect([r.from, r.to]).toEqual(['2026-03-09', '2026-03-15']);
    expect(r.previousWeek).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(r.total).toMatchObject({ orders: '2', sales_amount: '904.00' });
    expect(r.previousTotal).toMatchObject({ orders: '2', sales_amount: '339.00' });
    expect(rowOf(r.reps, '张三')).toMatchObject({
      values: { sales_amount: '0.00' },
      previous: { sales_amount: '339.00' },
    });
    expect(r.deals.map((d) => d.documentNo).sort()).toEqual([docs.o3, docs.o4].sort());
    expect(r.total.sales_amount).toBe(await figure(ctx.director, { measure: 'sales_amount', from: r.from, to: r.to }));
  });

  it('a cancellation is a figure of its week, not a new deal; scope applies to the deals', async () => {
    const r = await weeklyReport(ctx.director, { date: '2026-03-20' });
    expect(r.total).toMatchObject({ orders: '-1', sales_amount: '-113.00' });
    expect(r.deals).toEqual([]);
    const m1 = await weeklyReport(ctx.manager1, { date: '2026-03-12' });
    expect(m1.deals.map((d) => d.documentNo)).toEqual([docs.o3]);
    expect(m1.reps.some((x) => x.name === '王五')).toBe(false);
  });
});

describe('成交客户登记表', () => {
  it('every deal in the period with its contact, products, rep and department at booking; the sum equals measure()', async () => {
    const r = await dealRegister(ctx.director, MARCH);
    expect(r.items).toHaveLength(7);
    expect(r.amount).toBe('1130.00');
    expect(r.salesAmount).toBe('1130.00');
    expect(r.amount).toBe(await figure(ctx.director, { measure: 'sales_amount', ...MARCH }));
    const o1 = r.items.find((d) => d.documentNo === docs.o1 && d.kind === 'order');
    expect(o1).toMatchObject({
      date: '2026-03-05',
      customerName: '报表客户甲',
      contactName: '陈经理',
      products: '报表主推产品',
      amount: '226.00',
      repName: '张三',
      deptName: '销售一部',
    });
    // Customer 甲 moved to 李四 after O1: O1 stays 张三's, O6 is 李四's.
    expect(r.items.find((d) => d.documentNo === docs.o6)?.repName).toBe('李四');
    expect(r.items.find((d) => d.documentNo === docs.o3 && d.kind === 'order')?.deptName).toBe('销售一部一组');
    // The return and the cancellation net out as their own rows.
    expect(r.items.filter((d) => d.kind === 'return').map((d) => d.amount)).toEqual(['-113.00']);
    expect(r.items.filter((d) => d.kind === 'order_cancel').map((d) => [d.documentNo, d.amount])).toEqual([
      [docs.o2, '-113.00'],
    ]);
  });

  it('a register longer than one page lists every record, counted and summed once (not once per page)', async () => {
    // 450 booked order lines of rep1 in August (no other facts that month).
    await env.database.pool.query(
      `insert into analytics_facts (kind, fact_date, rep_id, dept_id, source_type, source_id, n, qty, amount, net_amount)
       select 'order', '2026-08-10', $1, $2, 'order', 900000 + g, 1, 1, 10, 10 from generate_series(1, 450) g`,
      [org.user.rep1, org.dept.sales1],
    );
    // Observe (not replace) the statements the register sends to PostgreSQL.
    const pool = env.database.pool;
    const seen: string[] = [];
    const query = pool.query.bind(pool) as (...a: unknown[]) => unknown;
    pool.query = ((...a: unknown[]) => {
      const text = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string }).text;
      seen.push(String(text));
      return query(...a);
    }) as typeof pool.query;
    let r: Awaited<ReturnType<typeof dealRegister>>;
    try {
      r = await dealRegister(ctx.director, { from: '2026-08-01', to: '2026-08-30' });
    } finally {
      pool.query = query as typeof pool.query;
    }
    expect(r.items).toHaveLength(450);
    expect(r).toMatchObject({ total: 450, truncated: false, amount: '4500.00', salesAmount: '4500.00' });
    // The drill-down's total (count and sum over the period) runs once for the whole register.
    expect(seen.filter((t) => t.includes('select count(*)::int n,'))).toHaveLength(1);
  });

  it('a rep sees only his own deals', async () => {
    const r = await dealRegister(ctx.rep1, MARCH);
    expect(new Set(r.items.map((d) => d.repName))).toEqual(new Set(['张三']));
    expect(r.amount).toBe('226.00');
    expect(r.amount).toBe(await figure(ctx.rep1, { measure: 'sales_amount', ...MARCH }));
  });
});

describe('半年分析', () => {
  it('trend, best and worst products, channel conversion and regions from the engine', async () => {
    const r = await halfYearReport(ctx.director, { date: '2026-03-10' });
    expect(r.period).toBe('2026-H1');
    expect(r.trend.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(r.trend[0]).toEqual({ month: '2026-01', amount: '0.00', volume: '0', newCustomers: '0' });
    expect(r.trend[2]).toMatchObject({ amount: '1130.00', volume: '10' });
    expect(r.trend[3]).toMatchObject({ amount: '452.00', volume: '4' });
    expect(r.totals.amount).toBe('1582.00');
    expect(r.totals.amount).toBe(await figure(ctx.director, { measure: 'sales_amount', from: r.from, to: r.to }));
    // 报表主推产品: 226 + 113 − 113 + 452 + 113 + 565; the returned product: 339 − 113.
    expect(r.best.map((p) => p.amount)).toEqual(['1356.00', '226.00']);
    expect(r.best[0].name).toBe('报表主推产品');
    expect(r.worst[0].amount).toBe('226.00');
    expect(r.channels).toEqual([{ channel: 'walk_in', leads: '1', deals: '1', conversion: '100.0' }]);
    expect(r.totals.conversion).toBe('100.0');
  });

  it('an empty half shows zeros and no conversion, never a division error', async () => {
    const r = await halfYearReport(ctx.director, { date: '2025-08-01' });
    expect(r.totals).toEqual({
      amount: '0.00',
      volume: '0',
      newCustomers: '0',
      leads: '0',
      deals: '0',
      conversion: null,
    });
    expect(r.best).toEqual([]);
    expect(r.trend.every((m) => m.amount === '0.00')).toBe(true);
  });

  it('the review is saved per half and department with its audit row; outside the scope it is not found', async () => {
    const body = {
      period: '2026-H1',
      departmentId: org.dept.sales1,
      themeReview: '春季以旧换新主题效果好',
      suggestions: '下半年加大展会投入',
    };
    const res = await client.manager1.put('/api/reports/half-year/review', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ themeReview: body.themeReview, version: 1, author: '李经理' });
    const stale = await client.manager1.put('/api/reports/half-year/review', { ...body, suggestions: '改' });
    expect(stale.statusCode).toBe(409);
    const again = await client.manager1.put('/api/reports/half-year/review', {
      ...body,
      suggestions: '改',
      version: 1,
    });
    expect(again.json()).toMatchObject({ suggestions: '改', version: 2 });
    const audit = await env.database.pool.query(
      `select action from audit_log where entity_type = 'report_review' order by id`,
    );
    expect(audit.rows.map((a) => a.action)).toEqual(['create', 'update']);
    const shown = await halfYearReport(ctx.manager1, { date: '2026-05-01' });
    expect(shown.review).toMatchObject({ themeReview: body.themeReview, suggestions: '改', version: 2 });
    // The review is 销售一部's record: rep1 (report scope: his own figures) never sees it, nor does
    // manager2 in his own department's report.
    const repView = await halfYearReport(ctx.rep1, { date: '2026-05-01' });
    expect(repView.department.id).toBe(org.dept.sales1);
    expect(repView.review).toEqual({ themeReview: '', suggestions: '', version: null, author: null, updatedAt: null });
    const repPdf = await pdfPages((await client.rep1.get('/api/reports/half-year.pdf?date=2026-05-01')).rawPayload);
    expect(repPdf.join('\n')).not.toContain(body.themeReview);
    const m2 = (await client.manager2.get('/api/reports/half-year?date=2026-05-01')).json();
    expect(m2.review).toMatchObject({ themeReview: '', version: null });
    // Another department's half, a rep, a bad period: nothing written.
    expect((await client.manager2.put('/api/reports/half-year/review', body)).statusCode).toBe(404);
    expect((await client.rep1.put('/api/reports/half-year/review', body)).statusCode).toBe(404);
    const bad = await client.manager1.put('/api/reports/half-year/review', { ...body, period: '2026-H3' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('period');
    const n = await env.database.pool.query('select count(*)::int n from report_reviews');
    expect(n.rows[0].n).toBe(1);
  });
});

describe('PDF and xlsx', () => {
  const xlsxText = async (buf: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('the register as xlsx: the rep’s rows only, amounts as exact strings', async () => {
    const res = await client.rep1.get('/api/reports/deals.xlsx?from=2026-03-01&to=2026-03-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxText(res.rawPayload);
    const o1 = rows.find((r) => r[1] === docs.o1 && r[2] === '成交');
    expect(o1).toEqual([
      '2026-03-05',
      docs.o1,
      '成交',
      '报表客户甲',
      '陈经理',
      '报表主推产品',
      '226.00',
      '张三',
      '销售一部',
    ]);
    expect(rows.find((r) => r[0] === '合计')?.[6]).toBe('226.00');
    expect(JSON.stringify(rows)).not.toContain('王五');
    expect(JSON.stringify(rows)).not.toContain(docs.o4);
  });

  it('the daily report as PDF: a real one-page PDF with the rep’s row and nobody else’s', async () => {
    const res = await client.rep1.get('/api/reports/daily.pdf?date=2026-03-05');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(res.rawPayload);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('销售日报');
    expect(pages[0]).toContain('张三');
    expect(pages[0]).toContain('¥226.00');
    expect(pages[0]).not.toContain('王五');
    const all = await pdfPages((await client.director.get('/api/reports/daily.pdf?date=2026-03-05')).rawPayload);
    expect(all.join('\n')).toContain('王五');
  });

  it('the weekly and half-year reports print and export; no conversion prints as —', async () => {
    const weekly = await client.manager1.get('/api/reports/weekly.xlsx?date=2026-03-12');
    const rows = await xlsxText(weekly.rawPayload);
    expect(rows.find((r) => r[0] === '孙七')?.slice(0, 3)).toEqual(['孙七', '0', '0']);
    expect(JSON.stringify(rows)).toContain(docs.o3);
    expect(JSON.stringify(rows)).not.toContain(docs.o4);
    const pdf = await client.manager1.get('/api/reports/weekly.pdf?date=2026-03-12');
    expect((await pdfPages(pdf.rawPayload)).join('\n')).toContain('销售周报');
    const half = await pdfPages((await client.director.get('/api/reports/half-year.pdf?date=2025-08-01')).rawPayload);
    expect(half.join('\n')).toContain('—');
    const halfX = await xlsxText((await client.director.get('/api/reports/half-year.xlsx?date=2026-03-01')).rawPayload);
    expect(JSON.stringify(halfX)).toContain('报表主推产品');
    expect(JSON.stringify(halfX)).toContain('1356.00');
  });
});
