import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { ValidationError } from '../errors/errors.ts';
import { roles, userRoles, users } from '../org/org.schema.ts';
import type { StepDef } from './approvals.rules.ts';

/**
 * The users who must decide a step for this applicant. The applicant is never among them
 * (不相容职务分离); a step nobody can take is refused at submission with the step's name.
 */
export async function resolveApprovers(tx: Tx, step: StepDef, applicantId: number): Promise<number[]> {
  let ids: number[] = [];
  if (step.kind === 'role') {
    const rows = await tx
      .select({ id: users.id })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(roles.code, step.role ?? ''), eq(users.active, true)));
    ids = rows.map((r) => r.id);
  } else if (step.kind === 'manager') {
    const level = Math.max(1, step.level ?? 1);
    const rows = await tx.execute<{ id: number; depth: number }>(sql`
      with recursive up as (
        select manager_id as id, 1 as depth from users where id = ${applicantId}
        union all select u.manager_id, up.depth + 1 from users u join up on u.id = up.id where up.depth < ${level}
      ) select up.id, up.depth from up join users u on u.id = up.id where up.depth = ${level} and u.active`);
    ids = rows.rows.map((r) => Number(r.id));
  } else if (step.kind === 'dept_head') {
    const rows = await tx.execute<{ head: number | null; parent_head: number | null }>(sql`
      select hd.id as head, hp.id as parent_head
      from users u join departments d on d.id = u.dept_id
        left join departments p on p.id = d.parent_id
        left join users hd on hd.id = d.head_user_id and hd.active
        left join users hp on hp.id = p.head_user_id and hp.active
      where u.id = ${applicantId}`);
    const r = rows.rows[0];
    const head = r?.head !== null && Number(r?.head) !== applicantId ? r?.head : r?.parent_head;
    ids = head ? [Number(head)] : [];
  } else {
    const wanted = step.userIds ?? [];
    if (wanted.length) {
      const rows = await tx.execute<{ id: number }>(
        sql`select id from users where id = any(${sql.param(wanted)}::int[]) and active`,
      );
      ids = rows.rows.map((r) => Number(r.id));
    }
  }
  ids = [...new Set(ids)].filter((id) => id !== applicantId);
  if (ids.length === 0) throw ValidationError.field('approval', 'approval.no_approver', { step: step.name });
  return ids;
}
