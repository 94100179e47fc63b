import { addDays, type DailyReportQuery, type WeeklyReportQuery, weekRange } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { companyDate } from '../../platform/time.ts';
import { childrenOf, figures, salesRecords, zeros } from './reports.figures.ts';
import { reportBase } from './reports.scope.ts';

/** The header every report carries: its department, and the departments the viewer may pick. */
function header(b: Awaited<ReturnType<typeof reportBase>>) {
  return {
    departmentId: b.picked ?? null,
    department: { id: b.base.id, name: b.base.name },
    departments: b.departments.map(({ id, parentId, name }) => ({ id, parentId, name })),
  };
}

/**
 * 销售日报 (SPEC 5.1; seed 000 公司销售人员管理流程 日报): one day's follow-ups, new customers, leads,
 * quotes, orders (count and amount) and collections per rep, per team and in total.
 */
export async function dailyReport(ctx: Ctx, q: DailyReportQuery) {
  const date = q.date ?? companyDate(ctx.now());
  const b = await reportBase(ctx, q.departmentId);
  const f = await figures(ctx, b.scope, b.base, childrenOf(b.departments, b.base), { from: date, to: date });
  return { date, ...header(b), ...f };
}

/**
 * 周报 for the Monday meeting (SPEC 5.1): the Mon–Sun week (omitted: last week) against the week
 * before, per rep and team, and the week's new deals — the orders booked, from the engine's drill-down.
 */
export async function weeklyReport(ctx: Ctx, q: WeeklyReportQuery) {
  const week = weekRange(q.date ?? addDays(companyDate(ctx.now()), -7));
  const before = weekRange(addDays(week.from, -7));
  const b = await reportBase(ctx, q.departmentId);
  const children = childrenOf(b.departments, b.base);
  const [now, prev, records] = await Promise.all([
    figures(ctx, b.scope, b.base, children, week),
    figures(ctx, b.scope, b.base, children, before),
    salesRecords(ctx, b.base, week),
  ]);
  const prevOf = (rows: typeof prev.reps) => new Map(rows.map((r) => [r.id, r.values]));
  const prevReps = prevOf(prev.reps);
  const prevTeams = prevOf(prev.teams);
  const zero = zeros();
  // Rows of either week, so a rep active only the week before still shows.
  const merge = (cur: typeof now.reps, old: typeof prev.reps, prevMap: Map<number, typeof zero>) => {
    const ids = new Set(cur.map((r) => r.id));
    const rows = [...cur, ...old.filter((r) => !ids.has(r.id)).map((r) => ({ ...r, values: { ...zero } }))];
    return rows.map((r) => ({ ...r, previous: prevMap.get(r.id) ?? { ...zero } }));
  };
  return {
    ...week,
    previousWeek: before,
    ...header(b),
    reps: merge(now.reps, prev.reps, prevReps),
    teams: merge(now.teams, prev.teams, prevTeams),
    total: now.total,
    previousTotal: prev.total,
    // New deals: the orders booked this week (cancellations and returns are in the figures).
    deals: records.items.filter((r) => r.kind === 'order'),
  };
}
