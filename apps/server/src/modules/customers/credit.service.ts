import { type CreditRequestInput, money, toMoneyString } from '@sales/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { findCustomerInScope } from './customers.access.ts';
import { creditRequests, customers } from './customers.schema.ts';

export const CREDIT_DOC = 'customer_credit';

/**
 * Requests a change of a customer's rating, credit limit or payment terms (资信). The change is
 * recorded as a request and routed through the approval engine; the customer changes only when
 * the approval passes (SPEC 2.4).
 */
export async function requestCreditChange(ctx: Ctx, customerId: number, input: CreditRequestInput) {
  await findCustomerInScope(ctx, customerId);
  return ctx.db.transaction(async (tx) => {
    const c = await findCustomerInScope(ctx, customerId, 'customer.credit', tx, true);
    // One open request per customer: a second one would race the first for the same fields.
    const open = await tx
      .select({ id: creditRequests.id })
      .from(creditRequests)
      .where(and(eq(creditRequests.customerId, customerId), eq(creditRequests.status, 'pending')));
    if (open.length) throw new ConflictError('credit.pending_exists');
    const [req] = await tx
      .insert(creditRequests)
      .values({
        customerId,
        rating: input.rating,
        creditLimit: toMoneyString(money(input.creditLimit)),
        paymentTermsDays: input.paymentTermsDays,
        oldRating: c.creditRating,
        oldCreditLimit: c.creditLimit,
        oldPaymentTermsDays: c.paymentTermsDays,
        reason: input.reason,
        requestedBy: ctx.principal.userId,
      })
      .returning({ id: creditRequests.id });
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: customerId,
      action: 'credit_request',
      changes: [
        { field: 'creditRating', old: c.creditRating, new: input.rating },
        { field: 'creditLimit', old: c.creditLimit, new: toMoneyString(money(input.creditLimit)) },
        { field: 'paymentTermsDays', old: c.paymentTermsDays, new: input.paymentTermsDays },
      ],
      comment: input.reason,
    });
    const approval = await submitForApproval(tx, ctx, CREDIT_DOC, req.id);
    return { id: req.id, instanceId: approval.instanceId, status: approval.status };
  });
}

/** Credit requests of a customer with their approval state, newest first. */
export async function listCreditRequests(ctx: Ctx, customerId: number) {
  await findCustomerInScope(ctx, customerId);
  const rows = await ctx.db
    .select({
      r: creditRequests,
      requestedByName: users.name,
      instanceId: sql<number | null>`(select max(${approvalInstances.id}) from ${approvalInstances}
        where ${approvalInstances.docType} = ${CREDIT_DOC} and ${approvalInstances.docId} = ${creditRequests.id})`,
    })
    .from(creditRequests)
    .innerJoin(users, eq(users.id, creditRequests.requestedBy))
    .where(eq(creditRequests.customerId, customerId))
    .orderBy(desc(creditRequests.id));
  return rows.map(({ r, requestedByName, instanceId }) => ({
    ...r,
    requestedByName,
    instanceId: instanceId === null ? null : Number(instanceId),
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}

async function loadRequest(tx: Tx, id: number) {
  const [r] = await tx.select().from(creditRequests).where(eq(creditRequests.id, id));
  if (!r) throw new NotFoundError();
  return r;
}

registerApprovalDocType({
  type: CREDIT_DOC,
  fields: [
    { key: 'creditLimit', type: 'money' },
    { key: 'increase', type: 'money' },
    { key: 'paymentTermsDays', type: 'number' },
    { key: 'rating', type: 'enum', options: ['A', 'B', 'C', 'D'] },
    { key: 'customerClass', type: 'enum', options: ['A', 'B', 'C', 'KEY'] },
  ],
  async describe(tx, _ctx, id) {
    const r = await loadRequest(tx, id);
    const [c] = await tx.select().from(customers).where(eq(customers.id, r.customerId));
    return {
      facts: {
        creditLimit: r.creditLimit,
        increase: toMoneyString(money(r.creditLimit).minus(money(r.oldCreditLimit ?? '0'))),
        paymentTermsDays: r.paymentTermsDays,
        rating: r.rating,
        customerClass: c.class,
        customerName: c.name,
        oldCreditLimit: r.oldCreditLimit,
      },
      summaryKey: 'approval.summary.customer_credit',
      summaryParams: { no: c.no, customer: c.name, creditLimit: r.creditLimit, days: r.paymentTermsDays },
      link: `/customers/${c.id}?tab=credit`,
    };
  },
  async assertVisible(ctx, id) {
    const [r] = await ctx.db
      .select({ customerId: creditRequests.customerId })
      .from(creditRequests)
      .where(eq(creditRequests.id, id));
    if (!r) throw new NotFoundError();
    await findCustomerInScope(ctx, r.customerId);
  },
  async onApproved(tx, ctx, id) {
    const r = await loadRequest(tx, id);
    const [c] = await tx.select().from(customers).where(eq(customers.id, r.customerId)).for('update');
    await tx
      .update(customers)
      .set({
        creditRating: r.rating,
        creditLimit: r.creditLimit,
        paymentTermsDays: r.paymentTermsDays,
        version: c.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(customers.id, c.id));
    await tx.update(creditRequests).set({ status: 'approved', decidedAt: sql`now()` }).where(eq(creditRequests.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: c.id,
      action: 'credit_change',
      changes: [
        { field: 'creditRating', old: c.creditRating, new: r.rating },
        { field: 'creditLimit', old: c.creditLimit, new: r.creditLimit },
        { field: 'paymentTermsDays', old: c.paymentTermsDays, new: r.paymentTermsDays },
      ],
    });
    if (c.ownerId) {
      await notify(tx, [c.ownerId], {
        kind: 'customer.credit',
        titleKey: 'notify.credit.approved',
        params: { customer: c.name, limit: r.creditLimit },
        link: `/customers/${c.id}?tab=credit`,
      });
    }
  },
  async onClosed(tx, _ctx, id, outcome) {
    await tx
      .update(creditRequests)
      .set({ status: outcome, decidedAt: sql`now()` })
      .where(and(eq(creditRequests.id, id), eq(creditRequests.status, 'pending')));
  },
  defaultRules: [
    {
      name: '大额授信（50万元以上）',
      priority: 10,
      conditions: [{ field: 'creditLimit', op: 'gt', value: '500000' }],
      steps: [
        { name: '部门负责人审批', kind: 'dept_head', mode: 'any' },
        { name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' },
      ],
    },
    {
      name: '授信变更',
      priority: 100,
      conditions: [],
      steps: [{ name: '部门负责人审批', kind: 'dept_head', mode: 'any' }],
    },
  ],
});
