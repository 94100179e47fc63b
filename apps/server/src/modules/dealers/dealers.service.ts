import type { DealerInput, DealerReviewInput, DealerUpdateInput, DealerVisitInput } from '@sales/core';
import { money } from '@sales/core';
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { companyDate } from '../../platform/time.ts';
import { customerScope } from '../customers/customers.access.ts';
import { customers } from '../customers/customers.schema.ts';
import { findDealerForChange, findDealerInScope, userInScope } from './dealers.access.ts';
import { dealerFigures, NO_FIGURES } from './dealers.figures.ts';
import { dealerReviews, dealers, dealerVisits } from './dealers.schema.ts';

export const ENTITY = 'dealer';
const AUDITED = ['name', 'customerId', 'territories', 'contacts', 'status', 'ownerId', 'remark'] as const;
const REVIEW_AUDITED = ['month', 'rating', 'comment', 'rewardAmount', 'rewardReason'] as const;
const VISIT_AUDITED = ['visitedOn', 'visitorId', 'purpose', 'findings', 'nextStep'] as const;

/** The dealer's facts: a customer account the user sees and no other dealer has, an owner in scope. */
async function facts(ctx: Ctx, tx: Tx, input: DealerInput, id: number | null) {
  const [customer] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, input.customerId), await customerScope(ctx)));
  if (!customer) throw ValidationError.field('customerId', 'dealers.customer_invalid');
  const [taken] = await tx
    .select({ no: dealers.no })
    .from(dealers)
    .where(and(eq(dealers.customerId, input.customerId), id === null ? undefined : ne(dealers.id, id)));
  if (taken) throw ValidationError.field('customerId', 'dealers.customer_taken', { no: taken.no });
  const owner = await userInScope(ctx, tx, 'ownerId', input.ownerId ?? ctx.principal.userId);
  return {
    name: input.name,
    customerId: input.customerId,
    territories: [...new Set(input.territories)],
    contacts: input.contacts.map((c) => ({ name: c.name, phone: c.phone, role: c.role ?? null })),
    status: input.status,
    ownerId: owner.id,
    ownerDeptId: owner.deptId,
    remark: input.remark,
  };
}

/** Records a dealer outlet (设立经销点) on a customer account. */
export async function createDealer(ctx: Ctx, input: DealerInput) {
  return ctx.db.transaction(async (tx) => {
    const values = await facts(ctx, tx, input, null);
    const no = await nextDocNumber(tx, 'dealer', ctx.now());
    const [row] = await tx
      .insert(dealers)
      .values({ ...values, no, createdBy: ctx.principal.userId, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning({ id: dealers.id });
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: row.id,
      action: 'create',
      changes: createdFields(values, AUDITED),
    });
    return { id: row.id };
  });
}

/** Changes a dealer's facts (territories, contacts, status, owner …). */
export async function updateDealer(ctx: Ctx, id: number, input: DealerUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await findDealerForChange(ctx, id, tx, input.version, 'dealer.manage');
    const values = await facts(ctx, tx, input, id);
    await tx
      .update(dealers)
      .set({ ...values, version: row.version + 1, updatedAt: ctx.now() })
      .where(eq(dealers.id, id));
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'update',
      changes: diffFields(row, values, AUDITED),
    });
  });
}

/**
 * Saves the month's review of a dealer (业绩审评): the figures as they stand now are kept with it,
 * with the rating, comment and the proposed reward. `version` 0 creates it; a later save must
 * name the saved version (412 otherwise).
 */
export async function reviewDealer(ctx: Ctx, id: number, input: DealerReviewInput) {
  return ctx.db.transaction(async (tx) => {
    const dealer = await findDealerInScope(ctx, id, 'dealer.review', tx);
    const month = `${input.month}-01`;
    if (month > companyDate(ctx.now())) throw ValidationError.field('month', 'dealers.future_month');
    const [dealerLock] = await tx.select({ id: dealers.id }).from(dealers).where(eq(dealers.id, id)).for('update');
    if (!dealerLock) throw new NotFoundError();
    const [cur] = await tx
      .select()
      .from(dealerReviews)
      .where(and(eq(dealerReviews.dealerId, id), eq(dealerReviews.month, month)))
      .for('update');
    if ((cur?.version ?? 0) !== input.version) throw new StaleVersionError();
    const fig = (await dealerFigures(tx, [dealer.customerId], input.month)).get(dealer.customerId) ?? NO_FIGURES;
    const values = {
      month,
      rating: input.rating,
      comment: input.comment,
      rewardAmount: money(input.rewardAmount).toFixed(2),
      rewardReason: money(input.rewardAmount).isZero() ? null : input.rewardReason,
      orderCount: fig.orderCount,
      orderAmount: fig.orderAmount,
      returnAmount: fig.returnAmount,
      collectionAmount: fig.collectionAmount,
      reviewedBy: ctx.principal.userId,
      reviewedAt: ctx.now(),
      updatedAt: ctx.now(),
    };
    if (cur) {
      await tx
        .update(dealerReviews)
        .set({ ...values, version: cur.version + 1 })
        .where(eq(dealerReviews.id, cur.id));
    } else {
      await tx.insert(dealerReviews).values({ ...values, dealerId: id, createdAt: ctx.now() });
    }
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'review',
      comment: input.month,
      changes: cur
        ? diffFields({ ...cur, rewardAmount: money(cur.rewardAmount).toFixed(2) }, values, REVIEW_AUDITED)
        : createdFields(values, REVIEW_AUDITED),
    });
  });
}

/** Records a visit to the outlet (走访经销点); the visitor is an active user in the manage scope. */
export async function recordVisit(ctx: Ctx, id: number, input: DealerVisitInput) {
  return ctx.db.transaction(async (tx) => {
    await findDealerInScope(ctx, id, 'dealer.manage', tx);
    if (input.visitedOn > companyDate(ctx.now())) throw ValidationError.field('visitedOn', 'dealers.future_date');
    const visitor = await userInScope(ctx, tx, 'visitorId', input.visitorId);
    const values = {
      visitedOn: input.visitedOn,
      visitorId: visitor.id,
      purpose: input.purpose,
      findings: input.findings,
      nextStep: input.nextStep,
    };
    const [row] = await tx
      .insert(dealerVisits)
      .values({ ...values, dealerId: id, recordedBy: ctx.principal.userId, createdAt: ctx.now() })
      .returning({ id: dealerVisits.id });
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'visit',
      comment: input.purpose,
      changes: createdFields(values, VISIT_AUDITED),
    });
    return { id: row.id };
  });
}
