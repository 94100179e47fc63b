import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { appraisalResults, appraisalRuns } from './appraisal.schema.ts';

type P = 'appraisal.view' | 'appraisal.manage';

/** Results of the people in scope: the person, or the person's department at the run (SPEC 1.2). */
export async function resultScope(ctx: Pick<Ctx, 'db' | 'principal'>, p: P = 'appraisal.view'): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, p), appraisalResults.personId, appraisalResults.personDeptId);
}

/**
 * Runs the viewer may open: one holding a result in the viewer's scope (a rep sees the run of their
 * own result), or one run by the viewer or for a department in the viewer's scope.
 */
export async function runScope(ctx: Pick<Ctx, 'db' | 'principal'>, p: P = 'appraisal.view'): Promise<SQL> {
  const scope = await resolveScope(ctx, p);
  const results = scopeWhere(scope, sql`r.person_id`, sql`r.person_dept_id`);
  return sql`(${scopeWhere(scope, appraisalRuns.runBy, appraisalRuns.deptId)} or exists (
    select 1 from appraisal_results r where r.run_id = ${appraisalRuns.id} and ${results}))`;
}

/** A run in the viewer's scope; unknown and out-of-scope ids answer the same 404. */
export async function findRunInScope(ctx: Ctx, id: number, p: P = 'appraisal.view', db: DbOrTx = ctx.db) {
  const [row] = await db
    .select()
    .from(appraisalRuns)
    .where(and(eq(appraisalRuns.id, id), await runScope(ctx, p)));
  if (!row) throw new NotFoundError();
  return row;
}

/** A run to change (close), locked: 404 outside the manage scope, 412 when stale. */
export async function findRunForChange(ctx: Ctx, id: number, db: DbOrTx, version: number) {
  const scope = await resolveScope(ctx, 'appraisal.manage');
  const [row] = await db
    .select()
    .from(appraisalRuns)
    .where(and(eq(appraisalRuns.id, id), scopeWhere(scope, appraisalRuns.runBy, appraisalRuns.deptId)))
    .for('update');
  if (!row) throw new NotFoundError();
  if (row.version !== version) throw new StaleVersionError();
  return row;
}

/** A result in the viewer's scope for `p`; unknown and out-of-scope ids answer the same 404. */
export async function findResultInScope(ctx: Ctx, id: number, p: P = 'appraisal.view', db: DbOrTx = ctx.db) {
  const [row] = await db
    .select()
    .from(appraisalResults)
    .where(and(eq(appraisalResults.id, id), await resultScope(ctx, p)));
  if (!row) throw new NotFoundError();
  return row;
}

/** A result to change, locked with its run: 404 outside the `p` scope, 412 when stale. */
export async function findResultForChange(ctx: Ctx, id: number, db: DbOrTx, version: number, p: P) {
  const [row] = await db
    .select()
    .from(appraisalResults)
    .where(and(eq(appraisalResults.id, id), await resultScope(ctx, p)))
    .for('update');
  if (!row) throw new NotFoundError();
  if (row.version !== version) throw new StaleVersionError();
  const [run] = await db.select().from(appraisalRuns).where(eq(appraisalRuns.id, row.runId)).for('update');
  return { row, run };
}

/** The active people the runner appraises: the appraisal.manage scope over the users, never the runner. */
export async function peopleInScope(ctx: Ctx, db: DbOrTx) {
  const scope = scopeWhere(await resolveScope(ctx, 'appraisal.manage'), users.id, users.deptId);
  return db
    .select({ id: users.id, deptId: users.deptId, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), scope, sql`${users.id} <> ${ctx.principal.userId}`))
    .orderBy(users.id);
}
