import type { ListView, ListViewCounts } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context.ts';
import type { Permission } from '../permissions/registry.ts';
import { managedDeptIds, resolveScope, subordinateIds } from '../permissions/scope.ts';
import type { CappedCount } from './lists.ts';

type ViewCtx = Pick<Ctx, 'db' | 'principal'>;

/**
 * Whose records 下属的 covers, already cut down to the data scope of `permission`: the departments
 * the user heads (with their subtrees) and, apart from those, the user's reports down the manager
 * chain. Cutting down here keeps the view's predicate on the department-led indexes (one
 * department branch, not an OR the planner has to reconcile with the scope's own).
 */
async function subordinateReach(ctx: ViewCtx, permission: Permission) {
  const [scope, managed, subs] = await Promise.all([
    resolveScope(ctx, permission),
    managedDeptIds(ctx.db, ctx.principal),
    subordinateIds(ctx.db, ctx.principal),
  ]);
  const inScope = (deptId: number) => scope.all || scope.deptIds.includes(deptId);
  const deptIds = [...managed].filter(inScope).sort((a, b) => a - b);
  let userIds: number[] = [];
  if (subs.size) {
    const rows = await ctx.db.execute<{ id: number; dept_id: number }>(
      sql`select id, dept_id from users where id = any(${sql.param([...subs])}::int[])`,
    );
    userIds = rows.rows
      .filter((r) => !managed.has(Number(r.dept_id)) && inScope(Number(r.dept_id)))
      .map((r) => Number(r.id))
      .sort((a, b) => a - b);
  }
  return { scope, deptIds, userIds };
}

/**
 * The views of a list the user has, in display order: 我负责的 always; 下属的 when someone below
 * them is in their scope; 全部 when the scope reaches beyond their own records. A rep whose scope
 * is SELF gets ['mine'] alone (the switcher is hidden).
 */
export async function availableViews(ctx: ViewCtx, permission: Permission): Promise<ListView[]> {
  const { scope, deptIds, userIds } = await subordinateReach(ctx, permission);
  const views: ListView[] = ['mine'];
  if (deptIds.length || userIds.length) views.push('subordinates');
  if (scope.all || scope.deptIds.length) views.push('all');
  return views;
}

/**
 * The WHERE fragment of a list view over a table's owner and owner-department columns; the caller
 * ANDs it with the data scope, so a view only ever narrows it (a rep asking for 全部 still sees
 * only his own). Undefined for 全部 (no narrowing).
 */
export async function listViewWhere(
  ctx: ViewCtx,
  permission: Permission,
  view: ListView | undefined,
  ownerCol: AnyPgColumn,
  deptCol: AnyPgColumn,
): Promise<SQL | undefined> {
  const me = ctx.principal.userId;
  if (!view || view === 'all') return undefined;
  if (view === 'mine') return sql`${ownerCol} = ${me}`;
  const { deptIds, userIds } = await subordinateReach(ctx, permission);
  const parts: SQL[] = [];
  // One department is an equality, so its (dept, sort…) index gives the page in order.
  if (deptIds.length === 1) parts.push(sql`${deptCol} = ${deptIds[0]}`);
  else if (deptIds.length) parts.push(sql`${deptCol} = any(${sql.param(deptIds)}::int[])`);
  if (userIds.length) parts.push(sql`${ownerCol} = any(${sql.param(userIds)}::int[])`);
  if (parts.length === 0) return sql`false`;
  const below = parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` or `)})`;
  return sql`${below} and ${ownerCol} <> ${me}`;
}

/**
 * The capped count of every view the user has on a list (issue 11 item 4: the switcher shows each
 * view with its count), counted one after another by `count` with the list's other filters.
 * `total` is the widest view's: the whole scope.
 */
export async function listViewCounts(
  ctx: ViewCtx,
  permission: Permission,
  count: (view: ListView) => Promise<CappedCount>,
): Promise<ListViewCounts> {
  const views = await availableViews(ctx, permission);
  const counts: ListViewCounts['views'] = [];
  for (const view of views) counts.push({ view, ...(await count(view)) });
  const widest = counts[counts.length - 1];
  return { total: widest.total, capped: widest.capped, views: counts };
}
