import type { WorkPlanListQuery } from '@sales/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { companyDate } from '../../platform/time.ts';
import { workPlans } from './plans.schema.ts';
import { monthOf, nextMonth, workPlanDueDate } from './workplans.dates.ts';

/** The data-scope filter of work plans: the rep and their department. */
export async function workPlanScope(ctx: Pick<Ctx, 'db' | 'principal'>): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, 'workplan.view'), workPlans.userId, workPlans.deptId);
}

/** A work plan in scope; unknown and out-of-scope ids answer the same 404. */
export async function findWorkPlanInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(workPlans)
    .where(and(eq(workPlans.id, id), await workPlanScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

const present = (w: typeof workPlans.$inferSelect, userName: string, deptName: string) => ({
  id: w.id,
  userId: w.userId,
  userName,
  deptName,
  month: w.month.slice(0, 7),
  goals: w.goals,
  customers: w.customers,
  activities: w.activities,
  status: w.status,
  submittedAt: w.submittedAt?.toISOString() ?? null,
  version: w.version,
  updatedAt: w.updatedAt.toISOString(),
});

/** Work plans in scope (optionally of one month), latest month first. */
export async function listWorkPlans(ctx: Ctx, q: WorkPlanListQuery) {
  const parts: SQL[] = [await workPlanScope(ctx)];
  if (q.month) parts.push(eq(workPlans.month, `${q.month}-01`));
  if (q.mine) parts.push(eq(workPlans.userId, ctx.principal.userId));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({ w: workPlans, userName: users.name, deptName: departments.name })
      .from(workPlans)
      .innerJoin(users, eq(users.id, workPlans.userId))
      .innerJoin(departments, eq(departments.id, workPlans.deptId))
      .where(where)
      .orderBy(...pageOrder(workPlans.month, 'desc', workPlans.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, workPlans, where),
  ]);
  return pageResult(
    rows.map((r) => present(r.w, r.userName, r.deptName)),
    count,
    q,
  );
}

/** One work plan in scope, with whether the viewer may still change it. */
export async function getWorkPlan(ctx: Ctx, id: number) {
  const w = await findWorkPlanInScope(ctx, id);
  const [[u], [d]] = await Promise.all([
    ctx.db.select({ name: users.name }).from(users).where(eq(users.id, w.userId)),
    ctx.db.select({ name: departments.name }).from(departments).where(eq(departments.id, w.deptId)),
  ]);
  return { ...present(w, u.name, d.name), editable: w.status === 'draft' && w.userId === ctx.principal.userId };
}

/** The month a work plan is being written for now: next month (due in this one). */
export const upcomingMonth = (now: Date) => nextMonth(monthOf(companyDate(now)));

/**
 * Reps who owe a work plan for `month` and have not submitted it, within `scope` (a SQL filter over
 * users.id / users.dept_id): active users whose roles grant workplan.write.
 */
export async function usersMissingWorkPlan(db: DbOrTx, month: string, scope: SQL = sql`true`, limit?: number) {
  const first = `${month}-01`;
  const rows = await db.execute<{ id: number; name: string; dept_name: string; status: string | null }>(sql`
    select u.id, u.name, d.name as dept_name, w.status
    from users u
    join departments d on d.id = u.dept_id
    left join work_plans w on w.user_id = u.id and w.month = ${first}::date
    where u.active and (w.status is null or w.status <> 'submitted') and ${scope}
      and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
                  where ur.user_id = u.id and g.permission = 'workplan.write')
    order by d.name, u.name, u.id
    ${limit === undefined ? sql`` : sql`limit ${limit}`}`);
  return rows.rows.map((r) => ({
    userId: Number(r.id),
    name: r.name,
    deptName: r.dept_name,
    status: r.status ?? 'none',
  }));
}

const MISSING_SHOWN = 500;

/** Who in the viewer's scope has not submitted the month's work plan (the manager's list), and its due day. */
export async function missingWorkPlans(ctx: Ctx, month: string | undefined) {
  const m = month ?? upcomingMonth(ctx.now());
  const scope = scopeWhere(await resolveScope(ctx, 'workplan.view'), sql`u.id`, sql`u.dept_id`);
  const due = workPlanDueDate(m, await getPolicy(ctx.db, 'plans.monthlyPlanDueDay'));
  // The page lists at most MISSING_SHOWN people and says there are more (the reminder sweep sees all).
  const items = await usersMissingWorkPlan(ctx.db, m, scope, MISSING_SHOWN + 1);
  return { month: m, dueDate: due, items: items.slice(0, MISSING_SHOWN), more: items.length > MISSING_SHOWN };
}
