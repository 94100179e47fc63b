import { type ClaimSubmitInput, claimCan, money, toMoneyString } from '@sales/core';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { attachments } from '../../platform/files/files.schema.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { can } from '../../platform/permissions/principal.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { findClaimForApplicant, findClaimInScope } from './expenses.access.ts';
import { claimBudgetCheck } from './expenses.budget-match.ts';
import { CLAIM_DOC } from './expenses.doc.ts';
import { expenseBudgets, expenseClaimLines, expenseClaims } from './expenses.schema.ts';

/**
 * Submits a claim for approval (seed 001 费用报销 2–3: 主管审核 → 财务终审). Each line is matched to
 * its budget and the match stored. Beyond the remaining budget (seed 001 费用预算 3: 不得超预算开支)
 * the claim is refused when policy expenses.overBudget is 'forbid'; otherwise it needs a reason and
 * goes through the over-budget approval (the chain's rule tests the overBudget fact).
 */
export async function submitClaim(ctx: Ctx, id: number, input: ClaimSubmitInput) {
  return ctx.db.transaction(async (tx) => {
    const claim = await findClaimForApplicant(ctx, id, tx, 'submit', input.version);
    // Seed 001 费用报销 1: 报销时应提供真实、合法、有效的发票 — no claim without its invoices.
    const [file] = await tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.entityType, CLAIM_DOC), eq(attachments.entityId, id)))
      .limit(1);
    if (!file) throw ValidationError.field('attachments', 'expenses.invoice_required');
    const check = await claimBudgetCheck(tx, claim);
    const lines = await tx
      .select({ id: expenseClaimLines.id })
      .from(expenseClaimLines)
      .where(eq(expenseClaimLines.claimId, id))
      .orderBy(asc(expenseClaimLines.lineNo));
    for (const [i, l] of lines.entries())
      await tx
        .update(expenseClaimLines)
        .set({ budgetId: check.lineBudgetIds[i] })
        .where(eq(expenseClaimLines.id, l.id));
    const overBudget = money(check.over).gt(0);
    const reason = input.overBudgetReason ?? null;
    if (overBudget) {
      if ((await getPolicy(tx, 'expenses.overBudget')) === 'forbid')
        throw ValidationError.field('lines', 'expenses.over_budget_forbidden', { over: check.over });
      if (!reason) throw ValidationError.field('overBudgetReason', 'expenses.over_budget_reason', { over: check.over });
    }
    await tx
      .update(expenseClaims)
      .set({
        status: 'submitted',
        overBudget,
        overBudgetReason: overBudget ? reason : null,
        rejectReason: null,
        submittedAt: ctx.now(),
        version: claim.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(expenseClaims.id, id));
    await recordAudit(tx, ctx, {
      entityType: CLAIM_DOC,
      entityId: id,
      action: 'submit',
      changes: [
        { field: 'status', old: claim.status, new: 'submitted' },
        ...(overBudget ? [{ field: 'overBudget', old: null, new: check.over }] : []),
      ],
      comment: overBudget ? reason : null,
    });
    return submitForApproval(tx, ctx, CLAIM_DOC, id);
  });
}

/** The amount a claim spends of each of its budgets, by budget id ascending (the lock order). */
export async function claimPortions(tx: Tx, claimId: number) {
  const rows = await tx
    .select({
      budgetId: expenseClaimLines.budgetId,
      amount: sql<string>`sum(${expenseClaimLines.amount})::numeric(18,2)::text`,
    })
    .from(expenseClaimLines)
    .where(and(eq(expenseClaimLines.claimId, claimId), isNotNull(expenseClaimLines.budgetId)))
    .groupBy(expenseClaimLines.budgetId)
    .orderBy(asc(expenseClaimLines.budgetId));
  return rows.map((r) => ({ budgetId: r.budgetId as number, amount: r.amount }));
}

/** Locks budgets in id order (every writer locks in this order, so two claims never deadlock). */
export async function lockBudgets(tx: Tx, ids: number[]) {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(expenseBudgets)
    .where(sql`${expenseBudgets.id} = any(${sql.param(ids)}::bigint[])`)
    .orderBy(asc(expenseBudgets.id))
    .for('update');
}

/**
 * Finance books the reimbursement of an approved claim (seed 001 费用报销 3: 审核通过后予以报销): what
 * the claim reserved of each budget moves to used, under the budget rows' lock.
 */
export async function payClaim(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const claim = await findClaimInScope(ctx, id, tx, true);
    if (!can(ctx.principal, 'expense.pay')) throw new ForbiddenError();
    if (claim.version !== version) throw new StaleVersionError();
    if (!claimCan('pay', claim.status)) throw new ConflictError('expenses.not_approved');
    const portions = await claimPortions(tx, id);
    const budgets = await lockBudgets(
      tx,
      portions.map((p) => p.budgetId),
    );
    for (const b of budgets) {
      const portion = portions.find((p) => p.budgetId === b.id)?.amount ?? '0';
      const next = {
        reserved: toMoneyString(money(b.reserved).minus(portion)),
        used: toMoneyString(money(b.used).plus(portion)),
      };
      await tx
        .update(expenseBudgets)
        .set({ ...next, version: b.version + 1, updatedAt: ctx.now() })
        .where(eq(expenseBudgets.id, b.id));
      await recordAudit(tx, ctx, {
        entityType: 'expense_budget',
        entityId: b.id,
        action: 'spend',
        changes: [
          { field: 'reserved', old: b.reserved, new: next.reserved },
          { field: 'used', old: b.used, new: next.used },
        ],
        comment: claim.no,
      });
    }
    await tx
      .update(expenseClaims)
      .set({
        status: 'paid',
        paidAt: ctx.now(),
        paidBy: ctx.principal.userId,
        version: claim.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(expenseClaims.id, id));
    await recordAudit(tx, ctx, {
      entityType: CLAIM_DOC,
      entityId: id,
      action: 'pay',
      changes: [{ field: 'status', old: 'approved', new: 'paid' }],
    });
    await notify(tx, [claim.claimantId], {
      kind: 'expense.paid',
      titleKey: 'notify.expense.paid',
      params: { no: claim.no, amount: claim.total },
      link: `/expenses/claims/${id}`,
    });
  });
}
