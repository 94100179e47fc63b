import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';

/**
 * Overdue follow-ups now (SPEC 5.1 流程监控): next actions planned before today and not yet done,
 * per rep (the writer) — a state, not a booked event, so counted live from the follow-ups with
 * their writer's current department, within the viewer's analytics scope.
 */
export async function overdueFollowUps(
  db: DbOrTx,
  ctx: Pick<Ctx, 'db' | 'principal' | 'now'>,
  q: { departmentId?: number; repId?: number; groupBy?: 'rep' } = {},
): Promise<{ keys: Record<string, number | null>; value: string }[]> {
  const scope = await resolveScope(ctx, 'analytics.view');
  const parts: SQL[] = [
    scopeWhere(scope, sql`f.created_by`, sql`u.dept_id`),
    sql`f.done_at is null and f.next_action_date < ${companyDate(ctx.now())}::date`,
    // A deleted customer's plans are nobody's work any more (the workbench and process health skip them too).
    sql`not exists (select 1 from customers c where c.id = f.customer_id and c.deleted_at is not null)`,
  ];
  if (q.repId !== undefined) parts.push(sql`f.created_by = ${q.repId}`);
  if (q.departmentId !== undefined)
    parts.push(sql`d.path like (select path from departments where id = ${q.departmentId}) || '%'`);
  const by = q.groupBy === 'rep';
  const res = await db.execute<{ k: number | null; v: string }>(sql`
    select ${by ? sql`f.created_by` : sql`null::int`} k, count(*)::text v
    from follow_ups f join users u on u.id = f.created_by left join departments d on d.id = u.dept_id
    where ${sql.join(parts, sql` and `)} ${by ? sql`group by 1 order by 2 desc` : sql``}`);
  return res.rows.map((r) => {
    const keys: Record<string, number | null> = by ? { rep: r.k === null ? null : Number(r.k) } : {};
    return { keys, value: r.v };
  });
}
