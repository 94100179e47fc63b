import { money, type OrderReviewInput, type ReviewBlocker, toMoneyString } from '@sales/core';
import Decimal from 'decimal.js';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors/errors.ts';
import { companyDate } from '../../platform/time.ts';
import { bookFact } from '../analytics/index.ts';
import { customers } from '../customers/index.ts';
import { lockAvailability, reserveStock } from '../stock/index.ts';
import { findOrderForChange, orderLinesOf } from './orders.access.ts';
import { orderApproved, orderApprovedData } from './orders.events.ts';
import { assertLabelsChecked } from './orders.labels.ts';
import { customerExposure } from './orders.ledger.ts';
import { type OrderReviewEvidence, orderReviews, orders } from './orders.schema.ts';
import { assertVersion, nextStatusOrThrow } from './orders.state.ts';

type Order = typeof orders.$inferSelect;
type Line = Awaited<ReturnType<typeof orderLinesOf>>[number];

/**
 * Stock evidence per line: the warehouse's available quantity (rows locked) consumed line by line.
 * A shortage passes only as planned production (capacity) when the reviewer allows it.
 */
export async function stockEvidence(tx: Tx, o: Order, lines: Line[], allowProduction: boolean) {
  const ids = [...new Set(lines.map((l) => l.productId).filter((v): v is number => v !== null))];
  const avail = o.warehouseId === null ? new Map() : await lockAvailability(tx, ids, o.warehouseId);
  const left = new Map([...avail].map(([k, v]) => [k, money(v.available)]));
  const reserve: { orderLineId: number; productId: number; qty: string }[] = [];
  const evidence = lines.map((l) => {
    const have = l.productId === null ? money(0) : (left.get(l.productId) ?? money(0));
    const take = Decimal.min(have, money(l.qty));
    if (l.productId !== null) left.set(l.productId, have.minus(take));
    if (l.productId !== null && take.gt(0))
      reserve.push({ orderLineId: l.id, productId: l.productId, qty: take.toFixed(4) });
    const shortage = money(l.qty).minus(take);
    const ok = shortage.lte(0) || allowProduction;
    return {
      lineNo: l.lineNo,
      productId: l.productId,
      requested: l.qty,
      available: have.toFixed(4),
      capacity: shortage.gt(0) && allowProduction ? shortage.toFixed(4) : null,
      ok,
    };
  });
  return { evidence, reserve };
}

/** Credit evidence: outstanding exposure + this order against the customer's limit (SPEC 3.4). */
export async function creditEvidence(tx: Tx, o: Order, limit: string | null): Promise<OrderReviewEvidence['credit']> {
  const outstanding = await customerExposure(tx, o.customerId);
  const exposure = money(outstanding).plus(o.totalGross);
  const excess = limit === null ? money(0) : Decimal.max(money(0), exposure.minus(limit));
  return {
    limit,
    outstanding,
    thisOrder: o.totalGross,
    exposure: toMoneyString(exposure),
    excess: toMoneyString(excess),
    override: o.creditOverride,
    // No limit = no credit check; an approved override lets the excess through.
    ok: limit === null || excess.lte(0) || o.creditOverride === 'approved',
  };
}

/** Approves an order: reserves what the review found available and stamps approval (one tx). */
export async function approveReviewedOrder(
  tx: Tx,
  ctx: Ctx,
  o: Order,
  reserve: { orderLineId: number; productId: number; qty: string }[],
) {
  const status = nextStatusOrThrow(ctx, o.status, 'pass_review');
  // Also on the credit-override path: a label check cleared meanwhile stops the approval.
  assertLabelsChecked(ctx, await orderLinesOf(tx, o.id));
  if (reserve.length && o.warehouseId !== null) await reserveStock(tx, ctx, o.id, o.warehouseId, reserve);
  const [after] = await tx
    .update(orders)
    .set({ status, approvedAt: ctx.now(), version: o.version + 1, updatedAt: sql`now()` })
    .where(eq(orders.id, o.id))
    .returning();
  // SPEC 5.1: the confirmed sale is booked for its owner now, in the approval's transaction.
  await bookFact.orderApproved(tx, o.id);
  await recordAudit(tx, ctx, {
    entityType: 'order',
    entityId: o.id,
    action: 'approve',
    changes: [{ field: 'status', old: o.status, new: status }],
  });
  await orderApproved.emit(tx, orderApprovedData(after));
  return after;
}

/**
 * THE order review (订单评审, SPEC 3.4) as one decision in one transaction: credit (exposure + this
 * order ≤ limit), stock/capacity per line, completeness. Every review leaves an order_reviews row
 * with its evidence. All pass → approved with stock reserved; only credit blocked → a
 * credit-override approval; otherwise the order stays under review with the evidence.
 */
export async function reviewOrder(
  ctx: Ctx,
  id: number,
  input: OrderReviewInput,
  startCreditOverride: (tx: Tx, o: Order) => Promise<number | null>,
) {
  return ctx.db.transaction(async (tx) => {
    let o = await findOrderForChange(ctx, id, 'order.review', tx);
    // 评审与录入分离: nobody reviews an order they own or entered.
    if (o.ownerId === ctx.principal.userId || o.createdBy === ctx.principal.userId)
      throw new ForbiddenError('order.own_review');
    assertVersion(o, input.version);
    if (o.status === 'submitted') {
      const status = nextStatusOrThrow(ctx, o.status, 'start_review');
      [o] = await tx.update(orders).set({ status }).where(eq(orders.id, id)).returning();
      await recordAudit(tx, ctx, {
        entityType: 'order',
        entityId: id,
        action: 'start_review',
        changes: [{ field: 'status', old: 'submitted', new: status }],
      });
    } else {
      nextStatusOrThrow(ctx, o.status, 'pass_review');
    }
    if (o.creditOverride === 'pending') throw new ConflictError('order.credit_pending');
    if (input.allowProduction && (o.promisedDate === null || o.promisedDate < o.requestedDate)) {
      throw ValidationError.field('allowProduction', 'order.production_date');
    }
    const [c] = await tx.select().from(customers).where(eq(customers.id, o.customerId));
    const lines = await orderLinesOf(tx, id);
    // 中文标识核对 comes first: without it the order cannot be confirmed, whatever the rest says.
    assertLabelsChecked(ctx, lines);
    const credit = await creditEvidence(tx, o, c?.creditLimit ?? null);
    const stock = await stockEvidence(tx, o, lines, input.allowProduction);
    const completeness = [
      { check: 'customer_active', ok: !!c && c.deletedAt === null },
      { check: 'lines_present', ok: lines.length > 0 },
      { check: 'warehouse_set', ok: o.warehouseId !== null },
      { check: 'requested_date_not_past', ok: o.requestedDate >= companyDate(ctx.now()) },
      {
        check: 'phone_order_confirmed',
        ok: (o.channel !== 'phone' && o.channel !== 'order_desk') || o.confirmedAt !== null,
      },
      { check: 'special_requirements_confirmed', ok: !o.specialRequirements || o.specialConfirmedAt !== null },
    ];
    const evidence: OrderReviewEvidence = { credit, stock: stock.evidence, completeness };
    const blockers: ReviewBlocker[] = [];
    if (!credit.ok) blockers.push('credit');
    if (stock.evidence.some((s) => !s.ok)) blockers.push('stock');
    if (completeness.some((s) => !s.ok)) blockers.push('completeness');
    const outcome = blockers.length ? 'blocked' : 'passed';
    const [review] = await tx
      .insert(orderReviews)
      .values({ orderId: id, outcome, blockers, evidence, reviewedBy: ctx.principal.userId, comment: input.comment })
      .returning({ id: orderReviews.id });
    await recordAudit(tx, ctx, {
      entityType: 'order',
      entityId: id,
      action: 'review',
      changes: [
        { field: 'review', old: null, new: review.id },
        { field: 'outcome', old: null, new: outcome },
        { field: 'blockers', old: null, new: blockers },
      ],
      comment: input.comment,
    });
    let creditApprovalInstanceId: number | null = null;
    if (outcome === 'passed') {
      o = await approveReviewedOrder(tx, ctx, o, stock.reserve);
    } else {
      [o] = await tx
        .update(orders)
        .set({ version: o.version + 1, updatedAt: sql`now()` })
        .where(eq(orders.id, id))
        .returning();
      // Only credit blocks and no override was refused yet: ask for the credit override.
      if (blockers.length === 1 && blockers[0] === 'credit' && o.creditOverride === 'none') {
        creditApprovalInstanceId = await startCreditOverride(tx, o);
        [o] = await tx.select().from(orders).where(eq(orders.id, id));
      }
    }
    return {
      reviewId: review.id,
      outcome,
      blockers,
      evidence,
      status: o.status,
      creditOverride: o.creditOverride,
      creditApprovalInstanceId,
      version: o.version,
    };
  });
}
