import {
  type AmendmentInput,
  formatYuan,
  missingContractTerms,
  money,
  type PaymentPlanItemInput,
  type PricedLineInput,
  renderContractBody,
} from '@sales/core';
import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { findContractInScope } from './contracts.access.ts';
import {
  type ContractLineValues,
  contractLinesOf,
  priceContractLines,
  replaceContractLines,
} from './contracts.lines.ts';
import { assertPaymentPlan, paymentPlanOf, planForDiff, replacePaymentPlan } from './contracts.plan.ts';
import { assertMaySetPrices, maskContractApproval, maskPriceChange, seesContractPrices } from './contracts.prices.ts';
import { hasSpecialQuality, reviewRules } from './contracts.review.ts';
import { contractAmendments, contracts, contractTemplates } from './contracts.schema.ts';
import { mergeValues } from './contracts.service.ts';
import { assertContractAction } from './contracts.state.ts';

export const AMENDMENT_DOC = 'contract_amendment';

const TERM_FIELDS = [
  'amount',
  'deliveryTerms',
  'paymentTerms',
  'qualityStandard',
  'afterSalesTerms',
  'startDate',
  'endDate',
] as const;
const DIFF_FIELDS = [...TERM_FIELDS, 'lines', 'paymentPlan'] as const;

interface Proposed {
  amount: string;
  deliveryTerms: string | null;
  paymentTerms: string | null;
  qualityStandard: string | null;
  afterSalesTerms: string | null;
  startDate: string | null;
  endDate: string | null;
  lines: ContractLineValues[];
  paymentPlan: PaymentPlanItemInput[];
}

const lineForDiff = (
  l: Pick<
    ContractLineValues,
    'productId' | 'description' | 'qty' | 'unitPrice' | 'discountPercent' | 'taxRate' | 'grossAmount'
  >,
) => ({
  productId: l.productId,
  description: l.description,
  qty: money(l.qty).toString(),
  unitPrice: money(l.unitPrice).toFixed(2),
  discountPercent: money(l.discountPercent ?? '0').toFixed(2),
  taxRate: money(l.taxRate).toFixed(2),
  grossAmount: money(l.grossAmount).toFixed(2),
});

/**
 * Proposes an amendment (变更) of a signed contract: the full new terms with the reason. The field
 * diff against the revision in force is stored, the new plan must sum to the new amount and keep
 * every item at least at what was already received, and the change goes through the same review
 * chain; it applies only when approved.
 */
export async function proposeAmendment(ctx: Ctx, id: number, input: AmendmentInput) {
  return ctx.db.transaction(async (tx) => {
    const c = await findContractInScope(ctx, id, 'contract.edit', tx, true);
    assertMaySetPrices(ctx);
    if (c.version !== input.version) throw new StaleVersionError();
    assertContractAction(ctx, c.status, 'amend');
    const open = await tx
      .select({ id: contractAmendments.id })
      .from(contractAmendments)
      .where(and(eq(contractAmendments.contractId, id), eq(contractAmendments.status, 'pending')));
    if (open.length) throw new ConflictError('contract.amendment.pending_exists');
    if (input.startDate && input.endDate && input.endDate < input.startDate)
      throw ValidationError.field('endDate', 'contract.end_before_start');
    // A revision goes through the same review: it may not drop a term 合同评审 requires.
    const missing = missingContractTerms(input);
    if (missing.length)
      throw new ValidationError(missing.map((field) => ({ field, code: `contract.terms.${field}_required` })));
    const [cust] = await tx.select({ class: customers.class }).from(customers).where(eq(customers.id, c.customerId));
    const { rows, amount } = await priceContractLines(
      tx,
      input.lines as PricedLineInput[],
      cust?.class ?? null,
      c.signedDate ?? c.createdAt.toISOString().slice(0, 10),
    );
    assertPaymentPlan(input.paymentPlan, amount);
    const oldPlan = await paymentPlanOf(tx, id);
    oldPlan.forEach((p, i) => {
      const n = input.paymentPlan[i];
      if (money(p.receivedAmount).gt(n ? n.amount : '0')) {
        throw ValidationError.field(
          `paymentPlan.${Math.min(i, input.paymentPlan.length)}.amount`,
          'contract.amendment.below_received',
          { received: formatYuan(p.receivedAmount) },
        );
      }
    });
    const proposed: Proposed = { amount, ...pickTerms(input), lines: rows, paymentPlan: input.paymentPlan };
    const before = { ...c, lines: (await contractLinesOf(tx, id)).map(lineForDiff), paymentPlan: planForDiff(oldPlan) };
    const after = { ...proposed, lines: rows.map(lineForDiff), paymentPlan: planForDiff(input.paymentPlan) };
    const changes = diffFields(before, after, DIFF_FIELDS);
    if (!changes.length) throw ValidationError.field('lines', 'contract.amendment.no_change');
    const [{ last }] = await tx
      .select({ last: max(contractAmendments.revision) })
      .from(contractAmendments)
      .where(eq(contractAmendments.contractId, id));
    const revision = Math.max(c.revision, last ?? 0) + 1;
    const [row] = await tx
      .insert(contractAmendments)
      .values({
        contractId: id,
        revision,
        reason: input.reason,
        changes,
        proposed: proposed as unknown as Record<string, unknown>,
        requestedBy: ctx.principal.userId,
      })
      .returning({ id: contractAmendments.id });
    await recordAudit(tx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: 'amendment_proposed',
      changes,
      comment: input.reason,
    });
    const approval = await submitForApproval(tx, ctx, AMENDMENT_DOC, row.id);
    return { id: row.id, revision, instanceId: approval.instanceId, status: approval.status, changes };
  });
}

function pickTerms(i: AmendmentInput) {
  return {
    deliveryTerms: i.deliveryTerms,
    paymentTerms: i.paymentTerms,
    qualityStandard: i.qualityStandard,
    afterSalesTerms: i.afterSalesTerms,
    startDate: i.startDate,
    endDate: i.endDate,
  };
}

/** Amendments of a contract with their field diffs and approval state, newest first. */
export async function listAmendments(ctx: Ctx, id: number) {
  await findContractInScope(ctx, id);
  const rows = await ctx.db
    .select({
      a: contractAmendments,
      requestedByName: users.name,
      instanceId: sql<number | null>`(select max(${approvalInstances.id}) from ${approvalInstances}
        where ${approvalInstances.docType} = ${AMENDMENT_DOC} and ${approvalInstances.docId} = ${contractAmendments.id})`,
    })
    .from(contractAmendments)
    .innerJoin(users, eq(users.id, contractAmendments.requestedBy))
    .where(eq(contractAmendments.contractId, id))
    .orderBy(desc(contractAmendments.id));
  const sees = seesContractPrices(ctx);
  return rows.map(({ a, requestedByName, instanceId }) => ({
    id: a.id,
    revision: a.revision,
    reason: a.reason,
    status: a.status,
    changes: sees ? a.changes : a.changes.map(maskPriceChange),
    requestedBy: a.requestedBy,
    requestedByName,
    instanceId: instanceId === null ? null : Number(instanceId),
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
  }));
}

async function loadAmendment(tx: Tx, id: number) {
  const [a] = await tx.select().from(contractAmendments).where(eq(contractAmendments.id, id));
  if (!a) throw new NotFoundError();
  return a;
}

registerApprovalDocType({
  type: AMENDMENT_DOC,
  fields: [
    { key: 'amount', type: 'money' },
    { key: 'specialQuality', type: 'boolean' },
  ],
  async describe(tx, _ctx, id) {
    const a = await loadAmendment(tx, id);
    const p = a.proposed as unknown as Proposed;
    const [c] = await tx.select().from(contracts).where(eq(contracts.id, a.contractId));
    return {
      facts: {
        amount: p.amount,
        specialQuality: await hasSpecialQuality(tx, { qualityStandard: p.qualityStandard, templateId: c.templateId }),
        customerName: c.partyB,
      },
      // No amounts in the summary: it goes into every approver's notification, 法务's too (SPEC 1.2).
      summaryKey: 'approval.summary.contract_amendment',
      summaryParams: { no: c.no, party: c.partyB, revision: a.revision },
      link: `/contracts/${c.id}?tab=amendments`,
    };
  },
  viewFor: maskContractApproval,
  async assertVisible(ctx, id) {
    const [a] = await ctx.db
      .select({ contractId: contractAmendments.contractId })
      .from(contractAmendments)
      .where(eq(contractAmendments.id, id));
    if (!a) throw new NotFoundError();
    await findContractInScope(ctx, a.contractId);
  },
  async onApproved(tx, ctx, id) {
    const a = await loadAmendment(tx, id);
    const p = a.proposed as unknown as Proposed;
    const [c] = await tx.select().from(contracts).where(eq(contracts.id, a.contractId)).for('update');
    assertContractAction(ctx, c.status, 'amend');
    const terms = {
      amount: p.amount,
      deliveryTerms: p.deliveryTerms,
      paymentTerms: p.paymentTerms,
      qualityStandard: p.qualityStandard,
      afterSalesTerms: p.afterSalesTerms,
      startDate: p.startDate,
      endDate: p.endDate,
    };
    const tpl = c.templateId
      ? (await tx.select().from(contractTemplates).where(eq(contractTemplates.id, c.templateId)))[0]
      : undefined;
    const body = tpl ? renderContractBody(tpl.body, mergeValues({ ...c, ...terms })) : c.body;
    await tx
      .update(contracts)
      .set({ ...terms, body, revision: a.revision, version: c.version + 1, updatedAt: sql`now()` })
      .where(eq(contracts.id, c.id));
    await replaceContractLines(tx, c.id, p.lines);
    await replacePaymentPlan(tx, c.id, p.paymentPlan);
    await tx
      .update(contractAmendments)
      .set({ status: 'approved', decidedAt: sql`now()` })
      .where(eq(contractAmendments.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'contract',
      entityId: c.id,
      action: 'amendment_applied',
      changes: [...a.changes, { field: 'revision', old: c.revision, new: a.revision }],
      comment: a.reason,
    });
    await notify(tx, [c.ownerId], {
      kind: 'contract.amendment',
      titleKey: 'notify.contract.amended',
      params: { no: c.no, revision: a.revision },
      link: `/contracts/${c.id}?tab=amendments`,
    });
  },
  async onClosed(tx, _ctx, id, outcome) {
    await tx
      .update(contractAmendments)
      .set({ status: outcome, decidedAt: sql`now()` })
      .where(and(eq(contractAmendments.id, id), eq(contractAmendments.status, 'pending')));
  },
  defaultRules: reviewRules('合同变更'),
});
