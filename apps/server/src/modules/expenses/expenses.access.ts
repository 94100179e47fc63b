import { claimCan } from '@sales/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { approvalInstances, approvalTasks } from '../../platform/approvals/approvals.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { CLAIM_DOC } from './expenses.doc.ts';
import { expenseBudgets, expenseClaims } from './expenses.schema.ts';

type ScopeCtx = Pick<Ctx, 'db' | 'principal'>;

/**
 * Claims a user sees (expense.view scope over the applicant and the applicant's department), plus
 * those they were asked to approve: the supervisor or finance reviewer reads the claim and its
 * invoices even when the applicant is outside their data scope. Anything else is 404.
 */
export async function claimScope(ctx: ScopeCtx): Promise<SQL> {
  const scope = await resolveScope(ctx, 'expense.view');
  if (scope.all) return sql`true`;
  const own = scopeWhere(scope, expenseClaims.claimantId, expenseClaims.claimantDeptId);
  return sql`(${own} or exists (select 1 from ${approvalInstances} ai join ${approvalTasks} at on at.instance_id = ai.id
    where ai.doc_type = ${CLAIM_DOC} and ai.doc_id = ${expenseClaims.id} and at.approver_id = ${ctx.principal.userId}))`;
}

/** A claim in the viewer's scope; unknown and out-of-scope ids answer the same 404. */
export async function findClaimInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(expenseClaims)
    .where(and(eq(expenseClaims.id, id), await claimScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * A claim its applicant changes (edit, invoices, submit, delete), locked: 404 out of scope, 403 for
 * anyone but the applicant (nobody files or submits a claim for someone else, so the applicant of
 * the approval is always the claimant), 412 when stale, 409 when its state does not allow it.
 */
export async function findClaimForApplicant(
  ctx: Ctx,
  id: number,
  db: DbOrTx,
  action: 'edit' | 'submit' | 'delete',
  version?: number,
) {
  const row = await findClaimInScope(ctx, id, db, true);
  if (row.claimantId !== ctx.principal.userId || !can(ctx.principal, 'expense.claim')) throw new ForbiddenError();
  if (version !== undefined && row.version !== version) throw new StaleVersionError();
  if (!claimCan(action, row.status)) throw new ConflictError('expenses.claim_locked');
  return row;
}

/** Budgets a user sees: those of the departments in their budget.view scope. */
export async function budgetScope(ctx: ScopeCtx): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, 'budget.view'), expenseBudgets.createdBy, expenseBudgets.deptId);
}

/** A budget in the viewer's scope (404 otherwise), optionally locked. */
export async function findBudgetInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(expenseBudgets)
    .where(and(eq(expenseBudgets.id, id), await budgetScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}
