import { REPORT_MEASURES, REPORT_MONEY_MEASURES, type ReportMeasure } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { ResolvedScope } from '../../platform/permissions/scope.ts';
import { listAnalyticsRecords, type MeasureRow, measure } from '../analytics/index.ts';
import { type DeptNode, reportCtx, reportingReps } from './reports.scope.ts';

export type Values = Record<ReportMeasure, string>;
export interface FigureRow {
  id: number;
  name: string;
  /** A rep's department (today's), for grouping on screen; teams have none. */
  deptName?: string | null;
  values: Values;
}
export interface Figures {
  reps: FigureRow[];
  teams: FigureRow[];
  total: Values;
}
export interface Range {
  from: string;
  to: string;
}

/** A row with nothing booked: money as 0.00, counts as 0 — the engine's own zeros. */
export const zeros = (): Values =>
  Object.fromEntries(REPORT_MEASURES.map((m) => [m, REPORT_MONEY_MEASURES.includes(m) ? '0.00' : '0'])) as Values;

/**
 * The daily / weekly table of one period (SPEC 5.1 日报): every measure per rep, per team (the
 * children of the base department, rolled up once by the engine) and in total — all three straight
 * from measure(), within the viewer's report scope, facts credited at booking time.
 */
export async function figures(ctx: Ctx, scope: ResolvedScope, base: DeptNode, children: DeptNode[], r: Range) {
  const rc = reportCtx(ctx);
  const m = (name: ReportMeasure, groupBy: ('rep' | 'department')[]) =>
    measure(ctx.db, rc, { measure: name, ...r, departmentId: base.id, groupBy });
  const [byRep, byDept, totals, people] = await Promise.all([
    Promise.all(REPORT_MEASURES.map((k) => m(k, ['rep']))),
    Promise.all(REPORT_MEASURES.map((k) => m(k, ['department']))),
    Promise.all(REPORT_MEASURES.map((k) => m(k, []))),
    reportingReps(ctx, scope, base.path),
  ]);
  const collect = (rows: MeasureRow[][], dim: 'rep' | 'department', seed: number[]) => {
    const out = new Map<number, Values>(seed.map((id) => [id, zeros()]));
    REPORT_MEASURES.forEach((k, i) => {
      for (const row of rows[i]) {
        if (row.keys[dim] === null) continue;
        const id = Number(row.keys[dim]);
        const v = out.get(id) ?? zeros();
        v[k] = row.value;
        out.set(id, v);
      }
    });
    return out;
  };
  const reps = collect(byRep, 'rep', people);
  const teams = collect(
    byDept,
    'department',
    children.map((c) => c.id),
  );
  const names = await namesOf(ctx, [...reps.keys()], [...teams.keys()]);
  const total = zeros();
  REPORT_MEASURES.forEach((k, i) => {
    total[k] = totals[i][0].value;
  });
  const repRows = [...reps].map(([id, values]) => ({
    id,
    name: names.users.get(id)?.name ?? '',
    deptName: names.users.get(id)?.dept ?? null,
    values,
  }));
  repRows.sort(
    (a, b) => (a.deptName ?? '').localeCompare(b.deptName ?? '', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'),
  );
  const teamRows = [...teams].map(([id, values]) => ({ id, name: names.depts.get(id) ?? '', deptName: null, values }));
  teamRows.sort((a, b) => (names.paths.get(a.id) ?? '').localeCompare(names.paths.get(b.id) ?? ''));
  return { reps: repRows, teams: teamRows, total } satisfies Figures;
}

async function namesOf(ctx: Ctx, userIds: number[], deptIds: number[]) {
  const [u, d] = await Promise.all([
    ctx.db.execute<{ id: number; name: string; dept: string }>(
      sql`select u.id, u.name, d.name dept from users u join departments d on d.id = u.dept_id
        where u.id = any(${sql.param(userIds)}::int[])`,
    ),
    ctx.db.execute<{ id: number; name: string; path: string }>(
      sql`select id, name, path from departments where id = any(${sql.param(deptIds)}::int[])`,
    ),
  ]);
  return {
    users: new Map(u.rows.map((r) => [Number(r.id), { name: r.name, dept: r.dept }])),
    depts: new Map(d.rows.map((r) => [Number(r.id), r.name])),
    paths: new Map(d.rows.map((r) => [Number(r.id), r.path])),
  };
}

/** The direct sub-departments of the base the viewer sees (the team rows shown even at zero). */
export function childrenOf(departments: DeptNode[], base: DeptNode) {
  return departments.filter((d) => d.parentId === base.id);
}

// A register is a page, not an export of millions: beyond this the page says so (lists scale).
export const RECORDS_CAP = 2000;

/**
 * The documents behind a sales figure (orders booked, cancellations, returns) through the engine's
 * drill-down, up to RECORDS_CAP, so the register's sum equals the figure. One page of RECORDS_CAP:
 * each drill-down call also counts and sums the whole period, so paging 200 at a time repeated
 * that aggregate up to ten times per report (lists scale: totals once, in SQL).
 */
export async function salesRecords(ctx: Ctx, base: DeptNode, r: Range) {
  const res = await listAnalyticsRecords(reportCtx(ctx), {
    measure: 'sales_amount',
    ...r,
    departmentId: base.id,
    page: 1,
    pageSize: RECORDS_CAP,
  });
  return { items: res.items, total: res.total, sum: res.sum, truncated: res.total > res.items.length };
}
