import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { workLogs } from './worklogs.schema.ts';

type P = 'worklog.view' | 'worklog.comment';

/** The data scope over a writer column and its department column (logs, reports, users). */
export async function writerScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  userCol: AnyPgColumn,
  deptCol: AnyPgColumn,
  p: P = 'worklog.view',
): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, p), userCol, deptCol);
}

/** A work log in the user's scope for `p`; unknown and out-of-scope ids answer the same 404. */
export async function findLogInScope(ctx: Ctx, id: number, p: P = 'worklog.view', db: DbOrTx = ctx.db) {
  const [row] = await db
    .select()
    .from(workLogs)
    .where(and(eq(workLogs.id, id), await writerScope(ctx, workLogs.userId, workLogs.deptId, p)));
  if (!row) throw new NotFoundError();
  return row;
}

/** An active user within the caller's `p` scope (a manager assigning work); else 404. */
export async function findUserInScope(ctx: Ctx, userId: number, p: P, db: DbOrTx = ctx.db) {
  const [row] = await db
    .select({ id: users.id, deptId: users.deptId, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), await writerScope(ctx, users.id, users.deptId, p)));
  if (!row) throw new NotFoundError();
  return row;
}
