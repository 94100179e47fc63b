import { type AppraisalListQuery, bonusOf } from '@sales/core';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditHistory } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { findResultInScope, findRunInScope, resultScope, runScope } from './appraisal.access.ts';
import { bonusRules, runAwards, withBonus } from './appraisal.awards.ts';
import { appraisalRules } from './appraisal.compute.ts';
import { periodLabel } from './appraisal.periods.ts';
import { appraisalResultItems, appraisalResults, appraisalRuns, appraisalSchemes } from './appraisal.schema.ts';
import { RESULT_ENTITY, RUN_ENTITY } from './appraisal.service.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const runner = alias(users, 'runner');
const champion = alias(users, 'champion');

function runSelect(ctx: Ctx) {
  return ctx.db
    .select({
      r: appraisalRuns,
      schemeName: appraisalSchemes.name,
      deptName: departments.name,
      runByName: runner.name,
      championName: champion.name,
    })
    .from(appraisalRuns)
    .innerJoin(appraisalSchemes, eq(appraisalSchemes.id, appraisalRuns.schemeId))
    .innerJoin(departments, eq(departments.id, appraisalRuns.deptId))
    .innerJoin(runner, eq(runner.id, appraisalRuns.runBy))
    .leftJoin(champion, eq(champion.id, appraisalRuns.championId));
}
type RunRow = Awaited<ReturnType<ReturnType<typeof runSelect>['where']>>[number];
const presentRun = ({ r, ...names }: RunRow) => ({
  ...r,
  ...names,
  period: periodLabel(r.periodStart, r.periodEnd),
  closedAt: iso(r.closedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Runs the viewer may open, latest month first (a rep: the runs of their own results). */
export async function listRuns(ctx: Ctx, q: AppraisalListQuery) {
  const parts: SQL[] = [await runScope(ctx)];
  if (q.status) parts.push(eq(appraisalRuns.status, q.status));
  const where = and(...parts) as SQL;
  const results = await resultScope(ctx);
  const [rows, count] = await Promise.all([
    runSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(appraisalRuns.periodStart, 'desc', appraisalRuns.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, appraisalRuns, where),
  ]);
  // The number of results the viewer sees in each run (a rep: 1).
  const ids = rows.map((r) => r.r.id);
  const counts = ids.length
    ? await ctx.db
        .select({ runId: appraisalResults.runId, n: sql<number>`count(*)::int` })
        .from(appraisalResults)
        .where(and(sql`${appraisalResults.runId} = any(${sql.param(ids)}::bigint[])`, results))
        .groupBy(appraisalResults.runId)
    : [];
  const n = new Map(counts.map((c) => [c.runId, c.n]));
  return pageResult(
    rows.map((r) => ({ ...presentRun(r), resultCount: n.get(r.r.id) ?? 0 })),
    count,
    q,
  );
}

/** Whether the viewer may manage the run: appraisal.manage over its runner or department. */
async function mayManageRun(ctx: Ctx, run: { runBy: number; deptId: number }) {
  if (!can(ctx.principal, 'appraisal.manage')) return false;
  const scope = await resolveScope(ctx, 'appraisal.manage');
  if (scope.all) return true;
  return scope.userId === run.runBy || scope.deptIds.includes(run.deptId);
}

/** One run with the results the viewer sees, ranked, the champion, and its history. */
export async function getRun(ctx: Ctx, id: number) {
  await findRunInScope(ctx, id);
  const [[row], history] = await Promise.all([
    runSelect(ctx).where(eq(appraisalRuns.id, id)),
    auditHistory(ctx.db, RUN_ENTITY, id),
  ]);
  const results = await ctx.db
    .select({
      id: appraisalResults.id,
      personId: appraisalResults.personId,
      personName: users.name,
      deptName: departments.name,
      score: appraisalResults.score,
      rank: appraisalResults.rank,
      passed: appraisalResults.passed,
      failStreak: appraisalResults.failStreak,
      flagged: appraisalResults.flagged,
      status: appraisalResults.status,
      revision: appraisalResults.revision,
    })
    .from(appraisalResults)
    .innerJoin(users, eq(users.id, appraisalResults.personId))
    .innerJoin(departments, eq(departments.id, appraisalResults.personDeptId))
    .where(and(eq(appraisalResults.runId, id), await resultScope(ctx)))
    .orderBy(asc(appraisalResults.rank), asc(users.name), asc(appraisalResults.id));
  const firsts = await ctx.db
    .select({ id: users.id, name: users.name })
    .from(appraisalResults)
    .innerJoin(users, eq(users.id, appraisalResults.personId))
    .where(and(eq(appraisalResults.runId, id), eq(appraisalResults.rank, 1)))
    .orderBy(users.name);
  // The awards are chosen from every result of the run, not only the ones the viewer sees.
  const everyone = await ctx.db
    .select({
      id: appraisalResults.id,
      personId: appraisalResults.personId,
      personName: users.name,
      score: appraisalResults.score,
    })
    .from(appraisalResults)
    .innerJoin(users, eq(users.id, appraisalResults.personId))
    .where(eq(appraisalResults.runId, id));
  const [canManage, rules, bonus] = await Promise.all([
    mayManageRun(ctx, row.r),
    appraisalRules(ctx.db),
    bonusRules(ctx.db),
  ]);
  const awards = await runAwards(ctx.db, row.r, everyone, rules.passMark);
  return {
    ...presentRun(row),
    results: withBonus(results, bonus),
    awards,
    bonusRules: bonus,
    // 并列第一: every person ranked first (the champion is named only when one person is first).
    firsts,
    objections: results.filter((r) => r.status === 'objected').length,
    canManage,
    canClose: canManage && row.r.status === 'open',
    history: history.map(({ changes: _c, ...h }) => h),
  };
}

/** One result with its evidence items, its run, the rules it was scored by, and what the viewer may do. */
export async function getResult(ctx: Ctx, id: number) {
  const res = await findResultInScope(ctx, id);
  const run = await ctx.db.select().from(appraisalRuns).where(eq(appraisalRuns.id, res.runId));
  const [[person], items, history, rules, bonus] = await Promise.all([
    ctx.db
      .select({ name: users.name, deptName: departments.name })
      .from(users)
      .innerJoin(departments, eq(departments.id, res.personDeptId))
      .where(eq(users.id, res.personId)),
    ctx.db
      .select({ i: appraisalResultItems, createdByName: users.name })
      .from(appraisalResultItems)
      .innerJoin(users, eq(users.id, appraisalResultItems.createdBy))
      .where(eq(appraisalResultItems.resultId, id))
      .orderBy(asc(appraisalResultItems.id)),
    auditHistory(ctx.db, RESULT_ENTITY, id),
    appraisalRules(ctx.db),
    bonusRules(ctx.db),
  ]);
  const theRun = run[0];
  const own = res.personId === ctx.principal.userId;
  const manage =
    !own &&
    can(ctx.principal, 'appraisal.manage') &&
    (await findResultInScope(ctx, id, 'appraisal.manage').then(
      () => true,
      () => false,
    ));
  const open = theRun.status === 'open';
  const [total] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(appraisalResults)
    .where(eq(appraisalResults.runId, res.runId));
  return {
    ...res,
    personName: person.name,
    deptName: person.deptName,
    period: periodLabel(res.periodStart, theRun.periodEnd),
    runStatus: theRun.status,
    runSize: total.n,
    champion: theRun.championId === res.personId,
    acknowledgedAt: iso(res.acknowledgedAt),
    objectedAt: iso(res.objectedAt),
    decidedAt: iso(res.decidedAt),
    createdAt: res.createdAt.toISOString(),
    updatedAt: res.updatedAt.toISOString(),
    items: items.map(({ i, createdByName }) => ({ ...i, createdByName, createdAt: i.createdAt.toISOString() })),
    rules: { passMark: rules.passMark, failStreak: rules.failStreak },
    bonus: bonusOf(res.score, bonus),
    bonusRules: bonus,
    canAcknowledge: own && ['pending', 'adjusted', 'rejected'].includes(res.status),
    canObject: own && open && res.status === 'pending',
    canScore: manage && res.status !== 'objected',
    history: history.map(({ changes: _c, ...h }) => h),
  };
}

/** The people the viewer would appraise (the run form shows them). */
export async function appraisablePeople(ctx: Ctx) {
  const scope = scopeWhere(await resolveScope(ctx, 'appraisal.manage'), users.id, users.deptId);
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, deptName: departments.name })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.deptId))
    .where(and(eq(users.active, true), scope, sql`${users.id} <> ${ctx.principal.userId}`))
    .orderBy(departments.name, users.name, users.id)
    .limit(1000);
  return { items: rows };
}
