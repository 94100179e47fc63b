import type { AppraisalCloseInput, AppraisalPeriodKind, AppraisalRunInput } from '@sales/core';
import { money } from '@sales/core';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { upsertTasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { findRunForChange, peopleInScope } from './appraisal.access.ts';
import { type AppraisalRules, appraisalRules, baseOf, computeItems, periodOf, scoreOf } from './appraisal.compute.ts';
import { appraisalResultItems, appraisalResults, appraisalRuns, appraisalSchemes } from './appraisal.schema.ts';

export const RUN_ENTITY = 'appraisal_run';
export const RESULT_ENTITY = 'appraisal_result';
/** The approval document type of an objection (考核申诉): the result's id is the document id. */
export const OBJECTION_DOC = 'appraisal_objection';

/** What a period of the wrong form is told, per the scheme's kind. */
const KIND_MESSAGES: Record<AppraisalPeriodKind, string> = {
  month: 'appraisal.period_kind_month',
  quarter: 'appraisal.period_kind_quarter',
  year: 'appraisal.period_kind_year',
};

/** The default scheme (seeded by the migration). */
export async function defaultScheme(db: DbOrTx) {
  const [s] = await db
    .select()
    .from(appraisalSchemes)
    .where(and(eq(appraisalSchemes.code, 'default'), eq(appraisalSchemes.active, true)));
  return s;
}

/** The scheme to run: the one asked for (active), else the default; unknown or inactive: field error. */
export async function schemeToRun(db: DbOrTx, schemeId: number | undefined) {
  if (schemeId === undefined) return defaultScheme(db);
  const [s] = await db
    .select()
    .from(appraisalSchemes)
    .where(and(eq(appraisalSchemes.id, schemeId), eq(appraisalSchemes.active, true)));
  if (!s) throw ValidationError.field('schemeId', 'appraisal.scheme_unknown');
  return s;
}

/** The start of the period before the one starting at `start`, of the scheme's kind. */
function previousStart(start: string, kind: string) {
  const [y, m] = start.split('-').map(Number);
  const step = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  const first = m - step;
  const year = first < 1 ? y - 1 : y;
  return `${year}-${String(first < 1 ? first + 12 : first).padStart(2, '0')}-01`;
}

/**
 * Consecutive failed periods ending with this one (seed 003: 连续[X]个月绩效不达标): this result, if
 * failed, plus the person's directly preceding results of the same scheme that failed too. The
 * scheme's periods are counted (a quarterly scheme: quarters), its kind never changes.
 */
export async function failStreakOf(tx: DbOrTx, schemeId: number, personId: number, start: string, passed: boolean) {
  if (passed) return 0;
  const [scheme] = await tx
    .select({ kind: appraisalSchemes.periodKind })
    .from(appraisalSchemes)
    .where(eq(appraisalSchemes.id, schemeId));
  const earlier = await tx
    .select({ periodStart: appraisalResults.periodStart, passed: appraisalResults.passed })
    .from(appraisalResults)
    .where(
      and(
        eq(appraisalResults.schemeId, schemeId),
        eq(appraisalResults.personId, personId),
        lt(appraisalResults.periodStart, start),
      ),
    )
    .orderBy(desc(appraisalResults.periodStart))
    .limit(48);
  let streak = 1;
  let expect = previousStart(start, scheme.kind);
  for (const e of earlier) {
    if (e.periodStart !== expect || e.passed) break;
    streak += 1;
    expect = previousStart(expect, scheme.kind);
  }
  return streak;
}

/** The standing of a score under the rules: passed, the failed streak and the N-periods flag. */
export async function standing(
  tx: DbOrTx,
  rules: AppraisalRules,
  r: { schemeId: number; personId: number; periodStart: string },
  score: string,
) {
  const passed = money(score).gte(rules.passMark);
  const failStreak = await failStreakOf(tx, r.schemeId, r.personId, r.periodStart, passed);
  return { passed, failStreak, flagged: failStreak >= rules.failStreak };
}

/**
 * Ranks a run's results by score (highest first; equal scores share the rank) and names the
 * champion (销售冠军): the one person ranked first, none on a tie for first.
 */
export async function rerank(tx: Tx, runId: number) {
  await tx.execute(sql`
    update appraisal_results r set rank = x.rk
    from (select id, rank() over (order by score desc) rk from appraisal_results where run_id = ${runId}) x
    where r.id = x.id and r.rank is distinct from x.rk`);
  const firsts = await tx
    .select({ personId: appraisalResults.personId })
    .from(appraisalResults)
    .where(and(eq(appraisalResults.runId, runId), eq(appraisalResults.rank, 1)));
  const championId = firsts.length === 1 ? firsts[0].personId : null;
  await tx.update(appraisalRuns).set({ championId }).where(eq(appraisalRuns.id, runId));
  return championId;
}

/** Recomputes a result's score from its items and its standing; returns the new figures. */
export async function rescore(tx: Tx, result: typeof appraisalResults.$inferSelect) {
  const rules = await appraisalRules(tx);
  const items = await tx
    .select({ points: appraisalResultItems.points })
    .from(appraisalResultItems)
    .where(eq(appraisalResultItems.resultId, result.id));
  const score = scoreOf(result.baseScore, items);
  return { score, ...(await standing(tx, rules, result, score)) };
}

/**
 * Runs the appraisal of a month over the people in the runner's scope (seed 002 考核细则): every
 * person's items computed from the data with their evidence, the scores ranked, the champion named,
 * each person asked to acknowledge. A month already appraised for any of them is refused (409):
 * closed — final, corrections go through the result; open — the run is there to work on.
 */
export async function runAppraisal(ctx: Ctx, input: AppraisalRunInput) {
  return ctx.db.transaction(async (tx) => {
    const scheme = await schemeToRun(tx, input.schemeId);
    // The period's form must be the scheme's kind (2026-05 / 2026-Q2 / 2026).
    const p = periodOf(input.period);
    if (!p || p.kind !== scheme.periodKind)
      throw ValidationError.field('period', KIND_MESSAGES[scheme.periodKind as AppraisalPeriodKind]);
    const today = companyDate(ctx.now());
    if (p.end >= today) throw ValidationError.field('period', 'appraisal.period_not_ended');
    const people = await peopleInScope(ctx, tx);
    if (people.length === 0) throw ValidationError.field('period', 'appraisal.no_people');
    const ids = people.map((u) => u.id);
    // Serialise runs of periods starting the same day: the check below and the inserts are one step.
    await tx.execute(sql`select pg_advisory_xact_lock(727015, ${Number(p.start.replaceAll('-', '').slice(0, 6))})`);
    const [taken] = await tx
      .select({ status: appraisalRuns.status, runId: appraisalRuns.id })
      .from(appraisalResults)
      .innerJoin(appraisalRuns, eq(appraisalRuns.id, appraisalResults.runId))
      .where(
        and(
          eq(appraisalResults.schemeId, scheme.id),
          eq(appraisalResults.periodStart, p.start),
          inArray(appraisalResults.personId, ids),
        ),
      )
      .orderBy(asc(appraisalRuns.status))
      .limit(1);
    if (taken?.status === 'closed') throw new ConflictError('appraisal.period_closed', { period: input.period });
    if (taken) throw new ConflictError('appraisal.run_exists', { period: input.period }, { runId: taken.runId });

    const rules = await appraisalRules(tx);
    const computed = await computeItems(tx, ctx, p, ids, scheme.indicators, rules);
    const base = baseOf(scheme.indicators, rules);
    const now = ctx.now();
    const [run] = await tx
      .insert(appraisalRuns)
      .values({
        schemeId: scheme.id,
        schemeVersion: scheme.version,
        indicators: scheme.indicators,
        periodStart: p.start,
        periodEnd: p.end,
        deptId: ctx.principal.deptId,
        runBy: ctx.principal.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: appraisalRuns.id });
    const days = await getPolicy(tx, 'appraisal.acknowledgeDays');
    const due = (await loadWorkCalendar(tx)).addWorkingDays(today, days);
    const tasks = [];
    for (const person of people) {
      const items = computed.get(person.id) ?? [];
      const score = scoreOf(base, items);
      const st = await standing(tx, rules, { schemeId: scheme.id, personId: person.id, periodStart: p.start }, score);
      const [res] = await tx
        .insert(appraisalResults)
        .values({
          runId: run.id,
          schemeId: scheme.id,
          periodStart: p.start,
          personId: person.id,
          personDeptId: person.deptId,
          baseScore: base,
          score,
          ...st,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: appraisalResults.id });
      await tx.insert(appraisalResultItems).values(
        items.map((i) => ({
          resultId: res.id,
          indicator: i.indicator,
          kind: 'auto',
          points: i.points,
          evidence: i.evidence,
          createdBy: ctx.principal.userId,
          createdAt: now,
        })),
      );
      await recordAudit(tx, ctx, {
        entityType: RESULT_ENTITY,
        entityId: res.id,
        action: 'create',
        changes: [
          { field: 'score', old: null, new: score },
          ...(st.flagged ? [{ field: 'failStreak', old: null, new: st.failStreak }] : []),
        ],
      });
      tasks.push({
        userId: person.id,
        kind: 'appraisal.acknowledge',
        titleKey: 'task.appraisal.acknowledge',
        params: { period: input.period },
        link: `/appraisal/results/${res.id}`,
        refType: RESULT_ENTITY,
        refId: res.id,
        dueDate: due,
        dedupeKey: `appraisal-ack:${res.id}`,
      });
    }
    const championId = await rerank(tx, run.id);
    await upsertTasks(tx, tasks);
    await recordAudit(tx, ctx, {
      entityType: RUN_ENTITY,
      entityId: run.id,
      action: 'create',
      changes: [
        { field: 'period', old: null, new: input.period },
        { field: 'people', old: null, new: people.length },
        { field: 'championId', old: null, new: championId },
      ],
    });
    return { id: run.id };
  });
}

/** Closes a run: final from now on. Open objections must be decided first (409). */
export async function closeRun(ctx: Ctx, id: number, input: AppraisalCloseInput) {
  return ctx.db.transaction(async (tx) => {
    const run = await findRunForChange(ctx, id, tx, input.version);
    if (run.status === 'closed') throw new ConflictError('appraisal.already_closed');
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(appraisalResults)
      .where(and(eq(appraisalResults.runId, id), eq(appraisalResults.status, 'objected')));
    if (open.n > 0) throw new ConflictError('appraisal.open_objections', { n: open.n });
    const now = ctx.now();
    await tx
      .update(appraisalRuns)
      .set({
        status: 'closed',
        closedAt: now,
        closedBy: ctx.principal.userId,
        version: run.version + 1,
        updatedAt: now,
      })
      .where(eq(appraisalRuns.id, id));
    await recordAudit(tx, ctx, {
      entityType: RUN_ENTITY,
      entityId: id,
      action: 'close',
      changes: [{ field: 'status', old: 'open', new: 'closed' }],
    });
  });
}
