import { type OrderReviewInput, toMoneyString } from '@sales/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { customers } from '../customers/index.ts';
import { findOrderInScope, orderLinesOf } from './orders.access.ts';
import { approveReviewedOrder, creditEvidence, reviewOrder, stockEvidence } from './orders.review.ts';
import { orderReviews, orders } from './orders.schema.ts';

export const CREDIT_OVERRIDE_DOC = 'order_credit_override';

async function loadOrder(tx: Tx, id: number) {
  const [o] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  if (!o) throw new NotFoundError();
  return o;
}

/** Starts the credit-override approval of a reviewed order (信用超限审批); returns the instance id. */
export async function startCreditOverride(tx: Tx, ctx: Ctx, o: typeof orders.$inferSelect): Promise<number> {
  await tx.update(orders).set({ creditOverride: 'pending' }).where(eq(orders.id, o.id));
  await recordAudit(tx, ctx, {
    entityType: 'order',
    entityId: o.id,
    action: 'credit_override_request',
    changes: [{ field: 'creditOverride', old: o.creditOverride, new: 'pending' }],
  });
  const r = await submitForApproval(tx, ctx, CREDIT_OVERRIDE_DOC, o.id);
  return r.instanceId;
}

/** The newest credit-override approval of an order, if any. */
export async function creditApprovalInstanceOf(db: DbOrTx, orderId: number): Promise<number | null> {
  const [r] = await db
    .select({ id: approvalInstances.id })
    .from(approvalInstances)
    .where(and(eq(approvalInstances.docType, CREDIT_OVERRIDE_DOC), eq(approvalInstances.docId, orderId)))
    .orderBy(desc(approvalInstances.id))
    .limit(1);
  return r?.id ?? null;
}

registerApprovalDocType({
  type: CREDIT_OVERRIDE_DOC,
  fields: [
    { key: 'exposure', type: 'money' },
    { key: 'limit', type: 'money' },
    { key: 'excess', type: 'money' },
    { key: 'totalGross', type: 'money' },
  ],
  async describe(tx, _ctx, id) {
    const o = await loadOrder(tx, id);
    const [c] = await tx
      .select({ name: customers.name, creditLimit: customers.creditLimit })
      .from(customers)
      .where(eq(customers.id, o.customerId));
    const credit = await creditEvidence(tx, o, c?.creditLimit ?? null);
    return {
      facts: {
        exposure: credit.exposure,
        limit: toMoneyString(credit.limit ?? '0'),
        excess: credit.excess,
        totalGross: o.totalGross,
        customerName: c?.name ?? '',
      },
      summaryKey: 'approval.summary.order_credit_override',
      summaryParams: { no: o.no, customer: c?.name ?? '', total: o.totalGross, excess: credit.excess },
      link: `/orders/${o.id}`,
    };
  },
  async assertVisible(ctx, id) {
    await findOrderInScope(ctx, id);
  },
  // Approved: reserve and approve if the order is still under review and the stock is still there.
  async onApproved(tx, ctx, id) {
    const o = await loadOrder(tx, id);
    await tx
      .update(orders)
      .set({ creditOverride: 'approved', version: o.version + 1, updatedAt: sql`now()` })
      .where(eq(orders.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'order',
      entityId: id,
      action: 'credit_override',
      changes: [{ field: 'creditOverride', old: o.creditOverride, new: 'approved' }],
    });
    let approved = false;
    if (o.status === 'under_review') {
      const [last] = await tx
        .select()
        .from(orderReviews)
        .where(eq(orderReviews.orderId, id))
        .orderBy(desc(orderReviews.id))
        .limit(1);
      const allowProduction = !!last?.evidence.stock.some((s) => s.capacity !== null);
      const stock = await stockEvidence(tx, o, await orderLinesOf(tx, id), allowProduction);
      if (stock.evidence.every((s) => s.ok)) {
        await approveReviewedOrder(
          tx,
          ctx,
          { ...o, creditOverride: 'approved', version: o.version + 1 },
          stock.reserve,
        );
        approved = true;
      }
    }
    await notify(tx, [o.ownerId], {
      kind: 'order.credit',
      titleKey: approved ? 'notify.order.credit_approved' : 'notify.order.credit_approved_stock_short',
      params: { no: o.no },
      link: `/orders/${o.id}`,
    });
  },
  async onClosed(tx, ctx, id, outcome) {
    const o = await loadOrder(tx, id);
    const next = outcome === 'rejected' ? 'rejected' : 'none';
    await tx
      .update(orders)
      .set({ creditOverride: next, version: o.version + 1, updatedAt: sql`now()` })
      .where(eq(orders.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'order',
      entityId: id,
      action: 'credit_override',
      changes: [{ field: 'creditOverride', old: o.creditOverride, new: next }],
    });
    if (outcome === 'rejected') {
      await notify(tx, [o.ownerId], {
        kind: 'order.credit',
        titleKey: 'notify.order.credit_rejected',
        params: { no: o.no },
        link: `/orders/${o.id}`,
      });
    }
  },
  defaultRules: [
    {
      name: '信用超限（超额10万元以上）',
      priority: 10,
      conditions: [{ field: 'excess', op: 'gt', value: '100000' }],
      steps: [
        { name: '销售经理审批', kind: 'dept_head', mode: 'any' },
        { name: '财务审批', kind: 'role', role: 'finance', mode: 'any' },
        { name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' },
      ],
    },
    {
      name: '信用超限',
      priority: 100,
      conditions: [],
      steps: [
        { name: '销售经理审批', kind: 'dept_head', mode: 'any' },
        { name: '财务审批', kind: 'role', role: 'finance', mode: 'any' },
      ],
    },
  ],
});

/** THE order review (see reviewOrder) with the credit-override approval started when only credit blocks. */
export function reviewOrderWithOverride(ctx: Ctx, id: number, input: OrderReviewInput) {
  return reviewOrder(ctx, id, input, (tx, o) => startCreditOverride(tx, ctx, o));
}
