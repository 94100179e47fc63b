import { type DashboardQuery, type Measure, type MeasureRouteQuery, periodRange, previousYear } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { resolveScope } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { type MeasureQuery, type MeasureRow, measure } from './analytics.engine.ts';
import { labelsOf } from './analytics.labels.ts';
import { overdueFollowUps } from './analytics.live.ts';
import { defaultRange } from './analytics.period.ts';

const KPIS: Measure[] = [
  'sales_amount',
  'sales_volume',
  'gross_margin',
  'orders',
  'collections',
  'invoiced_amount',
  'new_customers',
  'leads',
  'lead_deals',
  'quotes',
  'follow_ups',
];

/** One measure grouped, with the names of its ids. */
export async function measureWithLabels(ctx: Ctx, q: MeasureRouteQuery) {
  const range = defaultRange(ctx, q);
  const rows = await measure(ctx.db, ctx, { ...q, ...range });
  return { ...range, measure: q.measure, groupBy: q.groupBy, rows, labels: await labelsOf(ctx.db, rows) };
}

/** Departments the viewer may pick (their analytics scope), as a flat list for a tree picker. */
async function departmentsInScope(ctx: Ctx) {
  const scope = await resolveScope(ctx, 'analytics.view');
  const where = scope.all ? sql`true` : sql`id = any(${sql.param(scope.deptIds)}::int[])`;
  const res = await ctx.db.execute<{ id: number; parent_id: number | null; name: string; path: string }>(
    sql`select id, parent_id, name, path from departments where ${where} order by path`,
  );
  return res.rows.map((r) => ({
    id: Number(r.id),
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    name: r.name,
  }));
}

/**
 * The funnel of the pipeline with the most stage entries in the period: its open stages and the
 * won stage in pipeline order (lost is not a funnel step), with the entries counted.
 */
async function funnel(ctx: Ctx, base: Omit<MeasureQuery, 'measure'>) {
  const rows = await measure(ctx.db, ctx, { ...base, measure: 'stage_entries', groupBy: ['stage'] });
  const ids = rows.map((r) => Number(r.keys.stage)).filter((n) => !Number.isNaN(n));
  if (!ids.length) return [];
  const stages = await ctx.db.execute<{
    id: number;
    name: string;
    position: number;
    kind: string;
    pipeline_id: number;
    pipeline: string;
  }>(
    sql`select s.id, s.name, s.position, s.kind, p.id pipeline_id, p.name pipeline from pipeline_stages s
      join pipelines p on p.id = s.pipeline_id
      where s.id = any(${sql.param(ids)}::int[]) and s.kind <> 'lost' order by p.id, s.position`,
  );
  const value = new Map(rows.map((r) => [Number(r.keys.stage), Number(r.value)]));
  const perPipeline = new Map<number, number>();
  for (const s of stages.rows)
    perPipeline.set(
      Number(s.pipeline_id),
      (perPipeline.get(Number(s.pipeline_id)) ?? 0) + (value.get(Number(s.id)) ?? 0),
    );
  const top = [...perPipeline.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return stages.rows
    .filter((s) => Number(s.pipeline_id) === top)
    .map((s) => ({
      stageId: Number(s.id),
      name: s.name,
      pipeline: s.pipeline,
      kind: s.kind,
      value: String(value.get(Number(s.id)) ?? 0),
    }));
}

const byKey = (rows: MeasureRow[], dim: string) => rows.map((r) => ({ key: r.keys[dim], value: r.value }));

/**
 * The dashboard of one period (SPEC 5.1): headline figures with the same period last year,
 * amount / volume / margin by month over the year, new customers by month (this and last year),
 * funnel per stage, leads and lead deals per channel, region / product / category / rep /
 * department breakdowns. Every figure comes from measure(), so every element drills down with
 * the same filter. The plan series is left to the plans module (the web has the slot).
 */
export async function dashboard(ctx: Ctx, q: DashboardQuery) {
  const date = q.date ?? companyDate(ctx.now());
  const range = periodRange(q.period, date);
  const last = previousYear(range);
  const year = periodRange('year', date);
  const lastYear = previousYear(year);
  const cost = ctx.principal.grants.has('product.cost');
  const scope = await resolveScope(ctx, 'analytics.view');
  // Nothing waits on anything it does not need (B8): the department list runs beside the figures,
  // and the names of each breakdown are fetched as soon as that breakdown is in.
  const departmentsP = departmentsInScope(ctx);
  // Department breakdown under the picked department, else under the top of what the viewer sees.
  const baseDeptP = departmentsP.then(
    (departments) =>
      q.departmentId ?? (scope.all ? departments.find((d) => d.parentId === null)?.id : ctx.principal.deptId),
  );
  const f = { departmentId: q.departmentId };
  const m = (measureName: Measure, r: { from: string; to: string }, extra: Partial<MeasureQuery> = {}) =>
    measure(ctx.db, ctx, { measure: measureName, ...r, ...f, ...extra });
  const kpiNames = KPIS.filter((k) => cost || k !== 'gross_margin');
  const monthly = (name: Measure, r: { from: string; to: string }) => m(name, r, { groupBy: ['month'] });
  const named = (rows: Promise<MeasureRow[]>) =>
    rows.then(async (r) => ({ rows: r, labels: await labelsOf(ctx.db, r) }));
  // Every figure in one wave: the pool runs them side by side (B8).
  const [departments, baseDept, kpiNow, kpiLast, series, breakdowns, stages, overdue] = await Promise.all([
    departmentsP,
    baseDeptP,
    Promise.all(kpiNames.map((k) => m(k, range))),
    Promise.all(kpiNames.map((k) => m(k, last))),
    Promise.all([
      monthly('sales_amount', year),
      monthly('sales_amount', lastYear),
      monthly('sales_volume', year),
      cost ? monthly('gross_margin', year) : Promise.resolve([]),
      monthly('new_customers', year),
      monthly('new_customers', lastYear),
    ]),
    Promise.all([
      m('leads', range, { groupBy: ['channel'] }),
      m('lead_deals', range, { groupBy: ['channel'] }),
      m('sales_amount', range, { groupBy: ['region'] }),
      named(m('sales_amount', range, { groupBy: ['product'], top: 10 })),
      named(m('sales_amount', range, { groupBy: ['category'] })),
      named(m('sales_amount', range, { groupBy: ['rep'], top: 10 })),
      named(
        baseDeptP.then((base) =>
          base === undefined
            ? []
            : measure(ctx.db, ctx, { measure: 'sales_amount', ...range, departmentId: base, groupBy: ['department'] }),
        ),
      ),
    ]),
    funnel(ctx, { ...range, ...f }),
    overdueFollowUps(ctx.db, ctx, { departmentId: q.departmentId }),
  ]);
  const [amount, amountLast, volume, margin, customers, customersLast] = series;
  const [leads, deals, region, product, category, rep, dept] = breakdowns;
  const labels = Object.assign({}, product.labels, category.labels, rep.labels, dept.labels);
  return {
    period: q.period,
    ...range,
    lastYear: last,
    departmentId: q.departmentId ?? null,
    departmentBase: baseDept ?? null,
    departments,
    costVisible: cost,
    kpis: kpiNames.map((k, i) => ({ measure: k, value: kpiNow[i][0].value, lastYear: kpiLast[i][0].value })),
    monthly: {
      year: year.from.slice(0, 4),
      salesAmount: byKey(amount, 'month'),
      salesAmountLastYear: byKey(amountLast, 'month'),
      salesVolume: byKey(volume, 'month'),
      grossMargin: byKey(margin, 'month'),
      newCustomers: byKey(customers, 'month'),
      newCustomersLastYear: byKey(customersLast, 'month'),
    },
    funnel: stages,
    // A state now, not a figure of the period (流程监控).
    overdueFollowUps: overdue[0]?.value ?? '0',
    channels: { leads: byKey(leads, 'channel'), deals: byKey(deals, 'channel') },
    byRegion: byKey(region, 'region'),
    byProduct: byKey(product.rows, 'product'),
    byCategory: byKey(category.rows, 'category'),
    byRep: byKey(rep.rows, 'rep'),
    byDepartment: byKey(dept.rows, 'department'),
    labels,
  };
}
