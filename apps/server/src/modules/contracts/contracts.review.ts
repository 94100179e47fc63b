import { missingContractTerms } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import type { StepDef } from '../../platform/approvals/approvals.rules.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { findContractInScope } from './contracts.access.ts';
import { contractLinesOf } from './contracts.lines.ts';
import { assertPaymentPlan, paymentPlanOf } from './contracts.plan.ts';
import { maskContractApproval } from './contracts.prices.ts';
import { contracts, contractTemplates } from './contracts.schema.ts';
import { assertContractAction } from './contracts.state.ts';

export const CONTRACT_DOC = 'contract';

/** Over this amount 合同评审 also goes to the general manager (editable rule). */
const LARGE_AMOUNT = '500000';

/**
 * Default 合同评审 chains (SPEC 3.3): 法务 → 商务, plus 总经理 for large amounts or a special quality
 * standard. Rules are data: a company adds technical / production / planning steps in the rule editor.
 */
export function reviewRules(what: string) {
  const base: StepDef[] = [
    { name: '法务评审', kind: 'role', role: 'legal', mode: 'any' },
    { name: '商务评审', kind: 'role', role: 'commerce', mode: 'any' },
  ];
  const gm: StepDef = { name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' };
  return [
    {
      name: `大额${what}（50万元以上）`,
      priority: 10,
      conditions: [{ field: 'amount', op: 'gt' as const, value: LARGE_AMOUNT }],
      steps: [...base, gm],
    },
    {
      name: `特殊质量标准${what}`,
      priority: 20,
      conditions: [{ field: 'specialQuality', op: 'true' as const }],
      steps: [...base, gm],
    },
    { name: what, priority: 100, conditions: [], steps: base },
  ];
}

/**
 * Whether the quality standard departs from the template's standard text (needs the GM). Every
 * contract states a quality standard before review (seed 003), so one drafted without a template (or
 * from a template without a standard text) has nothing to depart from: 法务 and 商务 review it as usual.
 */
export async function hasSpecialQuality(tx: Tx, c: { qualityStandard: string | null; templateId: number | null }) {
  if (!c.qualityStandard || !c.templateId) return false;
  const [t] = await tx
    .select({ q: contractTemplates.qualityStandard })
    .from(contractTemplates)
    .where(eq(contractTemplates.id, c.templateId));
  // A template without a standard text of its own has nothing to depart from either.
  if (!t?.q?.trim()) return false;
  return t.q.trim() !== c.qualityStandard.trim();
}

/**
 * Submits a draft for 合同评审: payment method, quality standard, delivery term and after-sales terms
 * must be filled in (seed 003: 合同条款应明确……产品质量标准、交货方式、付款方式、售后服务 — each missing
 * one is a field error) and the payment plan complete (sums to the amount); then the contract is
 * locked in review until the chain ends.
 */
export async function submitContractReview(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const c = await findContractInScope(ctx, id, 'contract.edit', tx, true);
    if (c.version !== version) throw new StaleVersionError();
    const next = assertContractAction(ctx, c.status, 'submit');
    const missing = missingContractTerms(c);
    if (missing.length)
      throw new ValidationError(missing.map((field) => ({ field, code: `contract.terms.${field}_required` })));
    if (!(await contractLinesOf(tx, id)).length) throw ValidationError.field('lines', 'contract.lines_required');
    const plan = await paymentPlanOf(tx, id);
    if (!plan.length) throw ValidationError.field('paymentPlan', 'contract.plan.required');
    assertPaymentPlan(plan, c.amount);
    await tx
      .update(contracts)
      .set({ status: next, version: c.version + 1, updatedAt: sql`now()` })
      .where(eq(contracts.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: 'submit',
      changes: [{ field: 'status', old: c.status, new: next }],
    });
    const approval = await submitForApproval(tx, ctx, CONTRACT_DOC, id);
    return { id, instanceId: approval.instanceId, status: approval.status };
  });
}

async function loadContract(tx: Tx, id: number) {
  const [c] = await tx.select().from(contracts).where(eq(contracts.id, id)).for('update');
  if (!c) throw new NotFoundError();
  return c;
}

registerApprovalDocType({
  type: CONTRACT_DOC,
  fields: [
    { key: 'amount', type: 'money' },
    { key: 'specialQuality', type: 'boolean' },
  ],
  async describe(tx, _ctx, id) {
    const c = await loadContract(tx, id);
    return {
      facts: { amount: c.amount, specialQuality: await hasSpecialQuality(tx, c), customerName: c.partyB },
      // No amount in the summary: it goes into every approver's notification, 法务's too (SPEC 1.2).
      summaryKey: 'approval.summary.contract',
      summaryParams: { no: c.no, party: c.partyB },
      link: `/contracts/${c.id}`,
    };
  },
  viewFor: maskContractApproval,
  async assertVisible(ctx, id) {
    await findContractInScope(ctx, id);
  },
  async onApproved(tx, ctx, id) {
    const c = await loadContract(tx, id);
    const next = assertContractAction(ctx, c.status, 'approve');
    await tx
      .update(contracts)
      .set({ status: next, version: c.version + 1, updatedAt: sql`now()` })
      .where(eq(contracts.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: 'review_approved',
      changes: [{ field: 'status', old: c.status, new: next }],
    });
    await notify(tx, [c.ownerId], {
      kind: 'contract.review',
      titleKey: 'notify.contract.approved',
      params: { no: c.no },
      link: `/contracts/${c.id}`,
    });
  },
  async onClosed(tx, ctx, id, outcome) {
    const c = await loadContract(tx, id);
    if (c.status !== 'in_review') return;
    await tx
      .update(contracts)
      .set({ status: 'draft', version: c.version + 1, updatedAt: sql`now()` })
      .where(and(eq(contracts.id, id), eq(contracts.status, 'in_review')));
    await recordAudit(tx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: `review_${outcome}`,
      changes: [{ field: 'status', old: c.status, new: 'draft' }],
    });
  },
  defaultRules: reviewRules('合同评审'),
});
