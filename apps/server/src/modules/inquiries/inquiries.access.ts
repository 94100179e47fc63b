import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { inquiries, presaleRequests } from './inquiries.schema.ts';

type P = 'inquiry.view' | 'inquiry.handle';

/** Inquiries in scope for `p`: by handler and department, or recorded by the user (SPEC 1.2). */
export async function inquiryScope(ctx: Pick<Ctx, 'db' | 'principal'>, p: P = 'inquiry.view'): Promise<SQL> {
  const s = scopeWhere(await resolveScope(ctx, p), inquiries.handlerId, inquiries.deptId);
  return or(s, eq(inquiries.createdBy, ctx.principal.userId)) as SQL;
}

/** Pre-sale requests in scope: by assignee and department, or recorded by the user. */
export async function presaleScope(ctx: Pick<Ctx, 'db' | 'principal'>, p: P = 'inquiry.view'): Promise<SQL> {
  const s = scopeWhere(await resolveScope(ctx, p), presaleRequests.assigneeId, presaleRequests.deptId);
  return or(s, eq(presaleRequests.createdBy, ctx.principal.userId)) as SQL;
}

/** An inquiry in scope, locked when `forUpdate`; unknown and out-of-scope ids answer the same 404. */
export async function findInquiryInScope(ctx: Ctx, id: number, p: P = 'inquiry.view', db: DbOrTx = ctx.db) {
  const q = db
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.id, id), await inquiryScope(ctx, p)));
  // Locked inside a use case's transaction; a plain read takes no lock.
  const [row] = db === ctx.db ? await q : await q.for('update');
  if (!row) throw new NotFoundError();
  return row;
}

export async function findPresaleInScope(ctx: Ctx, id: number, p: P = 'inquiry.view', db: DbOrTx = ctx.db) {
  const q = db
    .select()
    .from(presaleRequests)
    .where(and(eq(presaleRequests.id, id), await presaleScope(ctx, p)));
  const [row] = db === ctx.db ? await q : await q.for('update');
  if (!row) throw new NotFoundError();
  return row;
}

/** An active user (handler or assignee) with their department; null when unknown or inactive. */
export async function activeUser(db: DbOrTx, id: number) {
  const r = await db.execute<{ id: number; dept_id: number }>(
    sql`select id, dept_id from users where id = ${id} and active`,
  );
  return r.rows[0] ? { id: Number(r.rows[0].id), deptId: Number(r.rows[0].dept_id) } : null;
}
