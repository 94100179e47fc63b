import type { TrainingPlanListQuery } from '@sales/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { can } from '../../platform/permissions/principal.ts';
import { findPlanInScope, findSessionInScope, ownPlanScope, personScope, planScope } from './training.access.ts';
import { trainingPlans } from './training.schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Figures of sessions: enrolled, present, passed and the average score of those assessed. */
const sessionFigures = sql`
  count(a.id)::int as "enrolled",
  count(a.id) filter (where a.status = 'present')::int as "present",
  count(a.id) filter (where a.status = 'absent')::int as "absent",
  count(a.id) filter (where a.passed)::int as "passed",
  count(a.id) filter (where a.passed = false)::int as "failed",
  (avg(a.score))::numeric(4,1)::text as "averageScore"`;

/** Training plans in scope, latest schedule first, with their session counts. */
export async function listPlans(ctx: Ctx, q: TrainingPlanListQuery) {
  const parts: SQL[] = [await planScope(ctx)];
  if (q.kind) parts.push(sql`${trainingPlans.kind} = ${q.kind}`);
  const where = sql.join(parts, sql` and `);
  const page = await ctx.db
    .select({
      id: trainingPlans.id,
      title: trainingPlans.title,
      kind: trainingPlans.kind,
      method: trainingPlans.method,
      trainer: trainingPlans.trainer,
      startsOn: trainingPlans.startsOn,
      endsOn: trainingPlans.endsOn,
      ownerName: sql<string>`(select name from users where id = ${trainingPlans.ownerId})`,
      sessions: sql<number>`(select count(*)::int from training_sessions s where s.plan_id = ${trainingPlans.id})`,
      completed: sql<number>`(select count(*)::int from training_sessions s
        where s.plan_id = ${trainingPlans.id} and s.status = 'completed')`,
    })
    .from(trainingPlans)
    .where(where)
    // NULLS LAST as the index training_plans_list_idx is built, so the index serves the order.
    .orderBy(sql`${trainingPlans.startsOn} desc nulls last`, sql`${trainingPlans.id} desc nulls last`)
    .limit(q.pageSize)
    .offset(pageOffset(q));
  return pageResult(page, await cappedCount(ctx.db, trainingPlans, where), q);
}

/** Whether the viewer organises this plan (may change it, its sessions and their results). */
async function canManagePlan(ctx: Ctx, planId: number) {
  if (!can(ctx.principal, 'training.manage')) return false;
  const [row] = await ctx.db
    .select({ id: trainingPlans.id })
    .from(trainingPlans)
    .where(and(eq(trainingPlans.id, planId), await ownPlanScope(ctx, 'training.manage')));
  return row !== undefined;
}

/**
 * Attendance rows the viewer may read: all of a plan they organise (within view scope), otherwise
 * only those of the people in their scope (a rep sees their own score, not the neighbour's).
 */
async function visibleAttendance(ctx: Ctx, planId: number): Promise<SQL> {
  const [own] = await ctx.db
    .select({ id: trainingPlans.id })
    .from(trainingPlans)
    .where(and(eq(trainingPlans.id, planId), await ownPlanScope(ctx)));
  return own ? sql`true` : personScope(ctx, 'training.view', sql`a.user_id`);
}

/** One plan with its sessions and their figures (over the attendance the viewer may read). */
export async function getPlan(ctx: Ctx, id: number) {
  const plan = await findPlanInScope(ctx, id);
  const visible = await visibleAttendance(ctx, id);
  const sessions = await ctx.db.execute<Record<string, unknown>>(sql`
    select s.id, s.topic, s.starts_at as "startsAt", s.ends_at as "endsAt", s.location, s.trainer,
      s.assessment_method as "assessmentMethod", s.pass_score::text as "passScore", s.status, s.version,
      ${sessionFigures}
    from training_sessions s left join training_attendance a on a.session_id = s.id and ${visible}
    where s.plan_id = ${id}
    group by s.id order by s.starts_at, s.id`);
  const [owner] = (
    await ctx.db.execute<{ name: string; dept: string }>(sql`
    select u.name, d.name as dept from users u join departments d on d.id = ${plan.ownerDeptId} where u.id = ${plan.ownerId}`)
  ).rows;
  return {
    ...plan,
    ownerName: owner?.name ?? null,
    ownerDeptName: owner?.dept ?? null,
    createdAt: iso(plan.createdAt),
    updatedAt: iso(plan.updatedAt),
    canManage: await canManagePlan(ctx, id),
    sessions: sessions.rows.map((s) => ({ ...s, startsAt: iso(s.startsAt as Date), endsAt: iso(s.endsAt as Date) })),
  };
}

/** One session with its participants (as far as the viewer may read them) and the viewer's own row. */
export async function getSession(ctx: Ctx, id: number) {
  const { session, plan } = await findSessionInScope(ctx, id);
  const visible = await visibleAttendance(ctx, plan.id);
  const rows = await ctx.db.execute<Record<string, unknown>>(sql`
    select a.id, a.user_id as "userId", u.name as "userName", d.name as "deptName", a.status,
      a.score::text as score, a.passed, a.feedback_rating as "feedbackRating", a.feedback,
      a.feedback_at as "feedbackAt", a.version
    from training_attendance a join users u on u.id = a.user_id join departments d on d.id = u.dept_id
    where a.session_id = ${id} and ${visible}
    order by u.name, a.id`);
  return {
    id: session.id,
    planId: plan.id,
    planTitle: plan.title,
    kind: plan.kind,
    topic: session.topic,
    startsAt: iso(session.startsAt),
    endsAt: iso(session.endsAt),
    location: session.location,
    trainer: session.trainer ?? plan.trainer,
    assessmentMethod: session.assessmentMethod,
    passScore: session.passScore,
    status: session.status,
    completedAt: iso(session.completedAt),
    version: session.version,
    canManage: await canManagePlan(ctx, plan.id),
    attendance: rows.rows.map((r) => ({ ...r, feedbackAt: iso(r.feedbackAt as Date | null) })),
  };
}
