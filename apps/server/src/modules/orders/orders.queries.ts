import {
  amountInWords,
  LABEL_CHECK_STATUSES,
  type OrderAction,
  type OrderStatus,
  orderActions,
  toMoneyString,
} from '@sales/core';

import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { referenceNamer } from '../../platform/audit/reference-names.ts';
import type { Ctx } from '../../platform/context.ts';
import { users } from '../../platform/org/org.schema.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { customers } from '../customers/index.ts';
import { reservationsOf, warehouseNames } from '../stock/index.ts';
import { findOrderInScope, orderLinesOf } from './orders.access.ts';
import { creditApprovalInstanceOf } from './orders.credit.ts';
import { maskContactChanges, presentOrderContact, seesOrderContact } from './orders.masking.ts';
import { orderReviews, type orders } from './orders.schema.ts';

// Which permission each action needs (the web shows a button only when the server would accept it).
const ACTION_PERMISSION: Record<OrderAction, Permission[]> = {
  edit: ['order.edit'],
  confirm: ['order.edit'],
  submit: ['order.edit'],
  start_review: ['order.review'],
  pass_review: ['order.review'],
  return_to_draft: ['order.edit'],
  prepare: ['order.edit', 'order.plan'],
  deliver_part: ['delivery.create'],
  deliver_all: ['delivery.create'],
  complete: ['order.edit'],
  cancel: ['order.cancel'],
};

type Order = typeof orders.$inferSelect;

// While a credit-override approval runs, the order waits for its decision (the services refuse these).
const WAIT_FOR_CREDIT_OVERRIDE = new Set<OrderAction>(['pass_review', 'return_to_draft', 'cancel']);

function allowedActions(ctx: Ctx, o: Order): OrderAction[] {
  const own = o.ownerId === ctx.principal.userId || o.createdBy === ctx.principal.userId;
  return orderActions(o.status as OrderStatus).filter((a) => {
    if ((a === 'start_review' || a === 'pass_review') && own) return false;
    if (o.creditOverride === 'pending' && WAIT_FOR_CREDIT_OVERRIDE.has(a)) return false;
    return ACTION_PERMISSION[a].some((p) => ctx.principal.grants.has(p));
  });
}

function reviewRow(r: typeof orderReviews.$inferSelect & { reviewedByName: string | null }) {
  return {
    id: r.id,
    outcome: r.outcome,
    blockers: r.blockers,
    evidence: r.evidence,
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
    reviewedByName: r.reviewedByName,
  };
}

async function reviewsOf(db: DbOrTx, orderId: number, limit: number) {
  const rows = await db
    .select({ r: orderReviews, reviewedByName: users.name })
    .from(orderReviews)
    .leftJoin(users, eq(users.id, orderReviews.reviewedBy))
    .where(eq(orderReviews.orderId, orderId))
    .orderBy(desc(orderReviews.id))
    .limit(limit);
  return rows.map(({ r, reviewedByName }) => reviewRow({ ...r, reviewedByName }));
}

/** One order with lines, 大写 amount, the actions allowed now, latest review and reservations. */
export async function getOrder(ctx: Ctx, id: number, db: DbOrTx = ctx.db) {
  const o = await findOrderInScope(ctx, id, 'order.view', db);
  const names = () =>
    db
      .select({ customerName: customers.name, ownerName: users.name })
      .from(customers)
      .leftJoin(users, eq(users.id, o.ownerId))
      .where(eq(customers.id, o.customerId))
      .then((r) => r[0]);
  const linesWithCheckers = async () => {
    const lines = await orderLinesOf(db, id);
    const checkerIds = [...new Set(lines.map((l) => l.labelCheckedBy).filter((u): u is number => u !== null))];
    const checkers = new Map(
      checkerIds.length
        ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, checkerIds))).map(
            (u) => [u.id, u.name],
          )
        : [],
    );
    return { lines, checkers };
  };
  const contact = async () => presentOrderContact(ctx, id, o, await seesOrderContact(ctx, o.customerId, db), db);
  // The reads below depend only on the order row. On the pool they run side by side (one round
  // trip of latency instead of six, issue 10 item 4); in a transaction (one connection, e.g. the
  // create use case answering with the detail) they must run one after another.
  const parallel = db === ctx.db;
  const run = async <T extends readonly (() => Promise<unknown>)[]>(
    ...fns: T
  ): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> => {
    if (parallel) return Promise.all(fns.map((f) => f())) as never;
    const out: unknown[] = [];
    for (const f of fns) out.push(await f());
    return out as never;
  };
  const [names_, { lines, checkers }, latest, reservations, creditApprovalInstanceId, view, warehouse] = await run(
    names,
    linesWithCheckers,
    () => reviewsOf(db, id, 1),
    () => reservationsOf(db, id),
    () => creditApprovalInstanceOf(db, id),
    contact,
    () => warehouseNames(db, o.warehouseId === null ? [] : [o.warehouseId]),
  );
  return {
    ...view,
    totalNet: toMoneyString(o.totalNet),
    totalTax: toMoneyString(o.totalTax),
    totalGross: toMoneyString(o.totalGross),
    invoicedAmount: toMoneyString(o.invoicedAmount),
    receivedAmount: toMoneyString(o.receivedAmount),
    writtenOffAmount: toMoneyString(o.writtenOffAmount),
    confirmedAt: o.confirmedAt?.toISOString() ?? null,
    specialConfirmedAt: o.specialConfirmedAt?.toISOString() ?? null,
    submittedAt: o.submittedAt?.toISOString() ?? null,
    approvedAt: o.approvedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    customerName: names_?.customerName ?? '',
    ownerName: names_?.ownerName ?? '',
    // By name: readers of an order (商务, 计划) need not see the warehouse list (stock.view).
    warehouseName: o.warehouseId === null ? null : (warehouse.get(o.warehouseId) ?? null),
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.lineNo,
      productId: l.productId,
      productCode: l.productCode,
      description: l.description,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      deliveredQty: l.deliveredQty,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      taxRate: l.taxRate,
      netAmount: l.netAmount,
      taxAmount: l.taxAmount,
      grossAmount: l.grossAmount,
      listPrice: l.listPrice,
      floorPrice: l.floorPrice,
      attributes: l.attributes,
      requiresChineseLabel: l.requiresChineseLabel,
      labelCheckedAt: l.labelCheckedAt?.toISOString() ?? null,
      labelCheckedByName: l.labelCheckedBy === null ? null : (checkers.get(l.labelCheckedBy) ?? null),
    })),
    amountInWords: amountInWords(o.totalGross),
    actions: allowedActions(ctx, o),
    // 中文标识核对 is the reviewer's or planner's, until the review has passed.
    canCheckLabels:
      (LABEL_CHECK_STATUSES as readonly string[]).includes(o.status) &&
      (ctx.principal.grants.has('order.review') || ctx.principal.grants.has('order.plan')),
    latestReview: latest[0] ?? null,
    creditApprovalInstanceId,
    reservations,
  };
}

/** Every review of an order, newest first. */
export async function listOrderReviews(ctx: Ctx, id: number) {
  await findOrderInScope(ctx, id);
  return reviewsOf(ctx.db, id, 500);
}

/** The order's audit trail (its own rows, newest first). */
export async function orderTimeline(ctx: Ctx, id: number) {
  const o = await findOrderInScope(ctx, id);
  const clear = await seesOrderContact(ctx, o.customerId);
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      changes: auditLog.changes,
      comment: auditLog.comment,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .limit(300);
  const names = await referenceNamer(
    ctx.db,
    rows.flatMap((r) => r.changes),
  );
  const warehouseIds = rows
    .flatMap((r) => r.changes)
    .filter((c) => c.field === 'warehouseId')
    .flatMap((c) => [c.old, c.new])
    .filter((v): v is number => typeof v === 'number');
  const warehouse = await warehouseNames(ctx.db, warehouseIds);
  const name = (field: string, v: unknown) =>
    field === 'warehouseId' && typeof v === 'number' ? (warehouse.get(v) ?? v) : names(field, v);
  return rows.map((r) => ({
    ...r,
    // User, department and warehouse ids as names (issue 11: no ids where a name belongs).
    changes: (clear ? r.changes : maskContactChanges(r.changes)).map((c) => ({
      ...c,
      old: name(c.field, c.old),
      new: name(c.field, c.new),
    })),
    at: r.at.toISOString(),
    entityType: 'order',
    entityId: id,
  }));
}
