import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { staffCertificates, trainingAttendance, trainingPlans, trainingSessions } from './training.schema.ts';

type Perm = 'training.view' | 'training.manage';
type Scoped = Pick<Ctx, 'db' | 'principal'>;

/**
 * People in scope: a training record (attendance, certificate, staff record) belongs to its person
 * and follows them to a new department, so the scope reads the person's current department.
 */
export async function personScope(ctx: Scoped, perm: Perm = 'training.view', userCol: SQL = sql`${users.id}`) {
  const scope = await resolveScope(ctx, perm);
  if (scope.all) return sql`true`;
  const deptIds = scope.deptIds;
  const parts: SQL[] = [sql`${userCol} = ${ctx.principal.userId}`];
  if (deptIds.length)
    parts.push(
      sql`exists (select 1 from users su where su.id = ${userCol} and su.dept_id = any(${sql.param(deptIds)}::int[]))`,
    );
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Plans the viewer organises within scope (the organiser and their department). */
export async function ownPlanScope(ctx: Scoped, perm: Perm = 'training.view') {
  return scopeWhere(await resolveScope(ctx, perm), trainingPlans.ownerId, trainingPlans.ownerDeptId);
}

/**
 * A plan is visible to its organiser's scope and to whoever sees one of its participants (a manager
 * sees the company plan their reps attend; a rep the plans they attend). Anything else is 404.
 */
export async function planScope(ctx: Scoped): Promise<SQL> {
  const scope = await resolveScope(ctx, 'training.view');
  if (scope.all) return sql`true`;
  const own = await ownPlanScope(ctx);
  const people = await personScope(ctx, 'training.view', sql`a.user_id`);
  return sql`(${own} or exists (select 1 from ${trainingSessions} s join ${trainingAttendance} a on a.session_id = s.id
    where s.plan_id = ${trainingPlans.id} and ${people}))`;
}

/** A plan in the viewer's scope; unknown and out-of-scope ids answer the same 404. */
export async function findPlanInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db) {
  const [row] = await db
    .select()
    .from(trainingPlans)
    .where(and(eq(trainingPlans.id, id), await planScope(ctx)));
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * A plan to change as its organiser: 404 when not visible, 403 when visible but outside the
 * training.manage scope (or without it), 412 when stale. Locked for the transaction.
 */
export async function findPlanForChange(ctx: Ctx, id: number, db: DbOrTx, version?: number) {
  await findPlanInScope(ctx, id, db);
  if (!can(ctx.principal, 'training.manage')) throw new ForbiddenError();
  const [row] = await db
    .select()
    .from(trainingPlans)
    .where(and(eq(trainingPlans.id, id), await ownPlanScope(ctx, 'training.manage')))
    .for('update');
  if (!row) throw new ForbiddenError();
  if (version !== undefined && row.version !== version) throw new StaleVersionError();
  return row;
}

/** A session of a visible plan (404 otherwise), with its plan. */
export async function findSessionInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db) {
  const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  if (!s) throw new NotFoundError();
  const plan = await findPlanInScope(ctx, s.planId, db);
  return { session: s, plan };
}

/** A session to change as the plan's organiser (see findPlanForChange), locked; 412 when stale. */
export async function findSessionForChange(ctx: Ctx, id: number, db: DbOrTx, version?: number) {
  const { plan } = await findSessionInScope(ctx, id, db);
  await findPlanForChange(ctx, plan.id, db);
  const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for('update');
  if (version !== undefined && s.version !== version) throw new StaleVersionError();
  return { session: s, plan };
}

/** A person (user) in the viewer's training scope: 404 like an unknown id otherwise. */
export async function findPersonInScope(ctx: Scoped, userId: number, perm: Perm = 'training.view', db?: DbOrTx) {
  const [u] = await (db ?? ctx.db)
    .select({ id: users.id, name: users.name, deptId: users.deptId, managerId: users.managerId })
    .from(users)
    .where(and(eq(users.id, userId), await personScope(ctx, perm)));
  if (!u) throw new NotFoundError();
  return u;
}

/** A person whose staff record the viewer keeps: 404 out of view scope, 403 without training.manage over them. */
export async function findPersonForChange(ctx: Scoped, userId: number, db: DbOrTx) {
  const person = await findPersonInScope(ctx, userId, 'training.view', db);
  if (!can(ctx.principal, 'training.manage')) throw new ForbiddenError();
  await findPersonInScope(ctx, userId, 'training.manage', db).catch(() => {
    throw new ForbiddenError();
  });
  return person;
}

/** A certificate of a person in scope (404 otherwise). */
export async function findCertificateInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db) {
  const [c] = await db
    .select()
    .from(staffCertificates)
    .where(
      and(eq(staffCertificates.id, id), await personScope(ctx, 'training.view', sql`${staffCertificates.userId}`)),
    );
  if (!c) throw new NotFoundError();
  return c;
}

/** A certificate to change: 404 / 403 as for its person, 412 when stale; locked. */
export async function findCertificateForChange(ctx: Ctx, id: number, db: DbOrTx, version: number) {
  const c = await findCertificateInScope(ctx, id, db);
  await findPersonForChange(ctx, c.userId, db);
  const [row] = await db.select().from(staffCertificates).where(eq(staffCertificates.id, id)).for('update');
  if (row.version !== version) throw new StaleVersionError();
  return row;
}
