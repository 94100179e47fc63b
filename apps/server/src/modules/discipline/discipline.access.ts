import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { disciplineRecords } from './discipline.schema.ts';

type P = 'discipline.view' | 'discipline.record';

/** Records of the people in scope: the person, or the person's department when recorded (SPEC 1.2). */
export async function disciplineScope(ctx: Pick<Ctx, 'db' | 'principal'>, p: P = 'discipline.view'): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, p), disciplineRecords.personId, disciplineRecords.personDeptId);
}

/** A record in the viewer's scope for `p`; unknown and out-of-scope ids answer the same 404. */
export async function findRecordInScope(ctx: Ctx, id: number, p: P = 'discipline.view', db: DbOrTx = ctx.db) {
  const [row] = await db
    .select()
    .from(disciplineRecords)
    .where(and(eq(disciplineRecords.id, id), await disciplineScope(ctx, p)));
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * A record to change, locked: 404 outside the `p` scope (a viewer who may not record gets the 404
 * a stranger gets, after seeing it exists only if in view scope — see the routes), 412 when stale.
 */
export async function findRecordForChange(ctx: Ctx, id: number, db: DbOrTx, version: number, p: P) {
  const [row] = await db
    .select()
    .from(disciplineRecords)
    .where(and(eq(disciplineRecords.id, id), await disciplineScope(ctx, p)))
    .for('update');
  if (!row) throw new NotFoundError();
  if (row.version !== version) throw new StaleVersionError();
  return row;
}

/**
 * The person a record is about: an active user whose records the recorder may write
 * (discipline.record scope over the user and the user's department), never the recorder
 * themselves (SPEC 1.4: 不相容职务分离 — nobody records or decides their own reward or penalty).
 */
export async function personForRecord(ctx: Ctx, db: DbOrTx, personId: number) {
  if (personId === ctx.principal.userId) throw ValidationError.field('personId', 'discipline.self');
  const scope = scopeWhere(await resolveScope(ctx, 'discipline.record'), users.id, users.deptId);
  const [row] = await db
    .select({ id: users.id, deptId: users.deptId, name: users.name })
    .from(users)
    .where(and(eq(users.id, personId), eq(users.active, true), scope));
  if (!row) throw ValidationError.field('personId', 'discipline.person_invalid');
  return row;
}
