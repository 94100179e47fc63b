import { money, toMoneyString } from '@sales/core';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { latestActionComment } from '../../platform/approvals/approvals.queries.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors/errors.ts';
import { findClaimInScope } from './expenses.access.ts';
import { claimBudgetCheck } from './expenses.budget-match.ts';
import { CLAIM_DOC } from './expenses.doc.ts';
import { expenseBudgets, expenseClaimLines, expenseClaims } from './expenses.schema.ts';
import { claimPortions, lockBudgets } from './expenses.submit.ts';

type Claim = typeof expenseClaims.$inferSelect;

/**
 * Reserves the claim's budgets at its final approval, in the approval's transaction, each budget row
 * locked (SELECT … FOR UPDATE, in id order) before its remainder is read: of two claims approved at
 * the same moment that together exceed a budget, the second waits for the first, sees what it
 * reserved and is refused — the approval rolls back and stays with its approver. Only a claim that
 * went through the over-budget approval may spend beyond the remainder; what it overran is recorded.
 */
async function reserveBudgets(tx: Tx, ctx: Ctx, claim: Claim) {
  const portions = await claimPortions(tx, claim.id);
  const budgets = await lockBudgets(
    tx,
    portions.map((p) => p.budgetId),
  );
  const [{ unbudgeted }] = await tx
    .select({ unbudgeted: sql<string>`coalesce(sum(${expenseClaimLines.amount}), 0)::numeric(18,2)::text` })
    .from(expenseClaimLines)
    .where(and(eq(expenseClaimLines.claimId, claim.id), isNull(expenseClaimLines.budgetId)));
  let overrun = money(unbudgeted);
  if (overrun.gt(0) && !claim.overBudget) throw new ConflictError('expenses.no_budget', { amount: unbudgeted });
  for (const b of budgets) {
    const portion = portions.find((p) => p.budgetId === b.id)?.amount ?? '0';
    const remaining = money(b.amount).minus(b.reserved).minus(b.used);
    if (money(portion).gt(remaining)) {
      if (!claim.overBudget)
        throw new ConflictError('expenses.budget_exceeded', {
          category: b.category,
          remaining: toMoneyString(remaining.isNegative() ? 0 : remaining),
          amount: portion,
        });
      overrun = overrun.plus(money(portion).minus(remaining.isNegative() ? 0 : remaining));
    }
    const reserved = toMoneyString(money(b.reserved).plus(portion));
    await tx
      .update(expenseBudgets)
      .set({ reserved, version: b.version + 1, updatedAt: ctx.now() })
      .where(eq(expenseBudgets.id, b.id));
    await recordAudit(tx, ctx, {
      entityType: 'expense_budget',
      entityId: b.id,
      action: 'reserve',
      changes: [{ field: 'reserved', old: b.reserved, new: reserved }],
      comment: claim.no,
    });
  }
  return toMoneyString(overrun);
}

/**
 * Reimbursement claims in the approval engine. The default chain (seed 001 费用报销 2–3): the
 * applicant's superior (上级, so a manager's own claim goes to their own superior), then finance's
 * final review; beyond budget the general manager's over-budget approval comes between. The engine
 * never makes the applicant an approver; the claim adds its own guard, so even a company that
 * deletes every rule cannot have a claim approved by its applicant (不相容职务分离, SPEC 1.4).
 */
registerApprovalDocType({
  type: CLAIM_DOC,
  fields: [
    { key: 'amount', type: 'money' },
    { key: 'overBudget', type: 'boolean' },
    { key: 'overAmount', type: 'money' },
    { key: 'forEvent', type: 'boolean' },
  ],
  async describe(tx, _ctx, id) {
    const [c] = await tx.select().from(expenseClaims).where(eq(expenseClaims.id, id));
    if (!c) throw new NotFoundError();
    const check = await claimBudgetCheck(tx, c);
    return {
      facts: { amount: c.total, overBudget: c.overBudget, overAmount: check.over, forEvent: c.eventId !== null },
      summaryKey: c.overBudget ? 'approval.summary.expense_claim_over' : 'approval.summary.expense_claim',
      summaryParams: { no: c.no, title: c.title, amount: c.total, over: check.over },
      link: `/expenses/claims/${c.id}`,
    };
  },
  async assertVisible(ctx, id) {
    await findClaimInScope(ctx, id);
  },
  async onApproved(tx, ctx, id) {
    const [c] = await tx.select().from(expenseClaims).where(eq(expenseClaims.id, id)).for('update');
    if (c?.status !== 'submitted') return;
    if (c.claimantId === ctx.principal.userId) throw new ConflictError('expenses.self_approval');
    const overrun = await reserveBudgets(tx, ctx, c);
    await tx
      .update(expenseClaims)
      .set({ status: 'approved', overrun, approvedAt: ctx.now(), version: c.version + 1, updatedAt: ctx.now() })
      .where(eq(expenseClaims.id, id));
    await recordAudit(tx, ctx, {
      entityType: CLAIM_DOC,
      entityId: id,
      action: 'approve',
      changes: [
        { field: 'status', old: 'submitted', new: 'approved' },
        ...(money(overrun).gt(0) ? [{ field: 'overrun', old: null, new: overrun }] : []),
      ],
    });
  },
  async onClosed(tx, ctx, id, outcome) {
    const [c] = await tx.select().from(expenseClaims).where(eq(expenseClaims.id, id)).for('update');
    if (c?.status !== 'submitted') return;
    const status = outcome === 'rejected' ? 'rejected' : 'draft';
    const rejectReason =
      outcome === 'withdrawn' ? null : await latestActionComment(tx, CLAIM_DOC, id, ['reject', 'return']);
    await tx
      .update(expenseClaims)
      .set({ status, rejectReason, version: c.version + 1, updatedAt: ctx.now() })
      .where(eq(expenseClaims.id, id));
    await recordAudit(tx, ctx, {
      entityType: CLAIM_DOC,
      entityId: id,
      action: outcome,
      changes: [{ field: 'status', old: 'submitted', new: status }],
      comment: rejectReason,
    });
  },
  defaultRules: [
    {
      name: '超预算报销',
      priority: 50,
      conditions: [{ field: 'overBudget', op: 'true' }],
      steps: [
        { name: '主管审核', kind: 'manager', level: 1, mode: 'any' },
        { name: '超预算审批', kind: 'role', role: 'general_manager', mode: 'any' },
        { name: '财务终审', kind: 'role', role: 'finance', mode: 'any' },
      ],
    },
    {
      name: '费用报销',
      priority: 100,
      conditions: [],
      steps: [
        { name: '主管审核', kind: 'manager', level: 1, mode: 'any' },
        { name: '财务终审', kind: 'role', role: 'finance', mode: 'any' },
      ],
    },
  ],
});
