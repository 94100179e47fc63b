import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import type { Principal } from '../../platform/permissions/principal.ts';
import { type ResolvedScope, resolveScope } from '../../platform/permissions/scope.ts';

const wrapped = new WeakMap<Principal, Principal>();

/**
 * The reports' figures come from the indicator engine (SPEC 5.1: one place figures come from), which
 * answers within the viewer's analytics scope. Reports are granted separately (report.view), so the
 * engine is handed the same viewer with their report.view grants in that place: a rep holding only
 * report.view sees his own figures, a manager his department tree — whatever analytics.view says.
 */
export function reportCtx(ctx: Ctx): Ctx {
  let p = wrapped.get(ctx.principal);
  if (!p) {
    const grants = new Map(ctx.principal.grants);
    grants.set('analytics.view', ctx.principal.grants.get('report.view') ?? []);
    p = { ...ctx.principal, grants };
    wrapped.set(ctx.principal, p);
  }
  return { ...ctx, principal: p };
}

export function reportScope(ctx: Ctx): Promise<ResolvedScope> {
  return resolveScope(ctx, 'report.view');
}

export interface DeptNode {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
}

/** Departments the viewer may pick (their report scope), in tree order. */
export async function departmentsInScope(ctx: Ctx): Promise<DeptNode[]> {
  const scope = await reportScope(ctx);
  const where = scope.all ? sql`true` : sql`id = any(${sql.param(scope.deptIds)}::int[])`;
  const res = await ctx.db.execute<{ id: number; parent_id: number | null; name: string; path: string }>(
    sql`select id, parent_id, name, path from departments where ${where} order by path`,
  );
  return res.rows.map((r) => ({
    id: Number(r.id),
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    name: r.name,
    path: r.path,
  }));
}

/**
 * The department a report is about: the one picked (it must be in scope — else 404 like any
 * out-of-scope record), else the top of what the viewer sees (the root for company-wide viewers,
 * their own department otherwise).
 */
export async function reportBase(ctx: Ctx, departmentId: number | undefined) {
  const scope = await reportScope(ctx);
  const departments = await departmentsInScope(ctx);
  if (departmentId !== undefined) {
    const picked = departments.find((d) => d.id === departmentId);
    if (!picked) throw new NotFoundError();
    return { scope, departments, base: picked, picked: departmentId };
  }
  const own = await ctx.db.execute<{ id: number; parent_id: number | null; name: string; path: string }>(
    sql`select id, parent_id, name, path from departments where id = ${ctx.principal.deptId}`,
  );
  const root = departments.find((d) => d.parentId === null);
  const o = own.rows[0];
  const base: DeptNode =
    scope.all && root
      ? root
      : { id: Number(o.id), parentId: o.parent_id === null ? null : Number(o.parent_id), name: o.name, path: o.path };
  return { scope, departments, base, picked: undefined };
}

/**
 * The people a daily or weekly report has a row for, besides anyone credited with a figure: the
 * active users in the viewer's scope and the base department's subtree who report for themselves
 * (their roles grant report.view on their own records — the sales reps), so a rep who did nothing
 * that day still shows, with zeros.
 */
export async function reportingReps(ctx: Ctx, scope: ResolvedScope, basePath: string) {
  const inScope = scope.all
    ? sql`true`
    : sql`(u.id = ${scope.userId ?? 0} or u.dept_id = any(${sql.param(scope.deptIds)}::int[]))`;
  const res = await ctx.db.execute<{ id: number }>(
    sql`select u.id from users u join departments d on d.id = u.dept_id
      where u.active and ${inScope} and d.path like ${`${basePath}%`}
        and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
          where ur.user_id = u.id and g.permission = 'report.view' and g.scope = 'SELF')`,
  );
  return res.rows.map((r) => Number(r.id));
}
