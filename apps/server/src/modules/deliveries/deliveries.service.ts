import {
  type DeliveryCancelInput,
  type DeliveryInput,
  type DeliveryUpdateInput,
  isValidContactPhone,
  money,
} from '@sales/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { keepMaskedContact } from '../orders/index.ts';
import { resolveWarehouse } from '../stock/index.ts';
import { findDeliveryForChange } from './deliveries.access.ts';
import {
  buildChecklist,
  lockDeliverableOrder,
  type OrderRow,
  type PlannedLine,
  planLines,
} from './deliveries.lines.ts';
import { getDelivery } from './deliveries.queries.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';
import { assertVersion, nextOrThrow } from './deliveries.state.ts';
import './deliveries.messages.ts';

/** Header fields recorded field by field in the audit trail. */
const AUDITED = [
  'warehouseId',
  'carrier',
  'trackingNo',
  'consignee',
  'consigneePhone',
  'address',
  'boxCount',
  'plannedDate',
  'remark',
] as const;

type ShippingInput = Omit<DeliveryInput, 'orderId' | 'lines'>;

/** Shipping fields with consignee, phone and address defaulting from the order. */
async function shippingOf(tx: Tx, order: OrderRow, input: ShippingInput) {
  // The order's warehouse unless the note names another (checked active); never a silent guess.
  const warehouseId = input.warehouseId ?? order.warehouseId;
  if (warehouseId === null) throw ValidationError.field('warehouseId', 'delivery.warehouse.required');
  await resolveWarehouse(tx, warehouseId);
  const consignee = input.consignee ?? order.consignee;
  if (!consignee) throw ValidationError.field('consignee', 'delivery.consignee.required');
  // The form is prefilled from the order, masked for users who may not see it in clear.
  const contact = keepMaskedContact(
    { consigneePhone: input.consigneePhone ?? null, shippingAddress: input.address ?? null },
    order,
  );
  const address = contact.shippingAddress ?? order.shippingAddress;
  if (!address) throw ValidationError.field('address', 'delivery.address.required');
  // A phone typed on the note must be one the consignee can be reached on (shipping requires it).
  if (contact.consigneePhone && !isValidContactPhone(contact.consigneePhone))
    throw ValidationError.field('consigneePhone', 'delivery.phone_invalid');
  return {
    warehouseId,
    carrier: input.carrier,
    trackingNo: input.trackingNo,
    consignee,
    consigneePhone: contact.consigneePhone ?? order.consigneePhone,
    address,
    boxCount: input.boxCount,
    plannedDate: input.plannedDate,
    remark: input.remark,
  };
}

const lineChanges = (lines: PlannedLine[]) =>
  lines.map((l, i) => ({
    field: `line:${i + 1}`,
    old: null,
    new: `${l.orderLineId}×${l.qty}${l.batchId ? ` #${l.batchId}` : ''}`,
  }));

/**
 * Creates a draft delivery note (送货单) from an approved order: partial quantities allowed up to
 * the open quantity, batches checked, owner and department copied from the order (its data scope).
 */
export async function createDelivery(ctx: Ctx, input: DeliveryInput) {
  const id = await ctx.db.transaction(async (tx) => {
    const order = await lockDeliverableOrder(ctx, tx, input.orderId);
    const ship = await shippingOf(tx, order, input);
    const lines = await planLines(ctx, tx, order, ship.warehouseId, input.lines, null);
    const checklist = await buildChecklist(tx, lines);
    // Numbered last: a refused create consumes no number.
    const no = await nextDocNumber(tx, 'delivery', ctx.now());
    const [row] = await tx
      .insert(deliveries)
      .values({
        no,
        orderId: order.id,
        customerId: order.customerId,
        ownerId: order.ownerId,
        ownerDeptId: order.ownerDeptId,
        ...ship,
        checklist,
        createdBy: ctx.principal.userId,
      })
      .returning({ id: deliveries.id });
    await tx.insert(deliveryLines).values(lines.map(({ categoryId: _c, ...l }) => ({ ...l, deliveryId: row.id })));
    await recordAudit(tx, ctx, {
      entityType: 'delivery',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'no', old: null, new: no },
        { field: 'orderId', old: null, new: order.id },
        ...createdFields(ship, AUDITED),
        ...lineChanges(lines),
      ],
    });
    return row.id;
  });
  return getDelivery(ctx, id);
}

/**
 * Edits a draft note (version checked, 412 when stale). A line kept with the same order line,
 * batch and qty stays the same row (its inspection and emergency release kept); a changed one is
 * replaced by a new line at 待检.
 */
export async function updateDelivery(ctx: Ctx, id: number, input: DeliveryUpdateInput) {
  await ctx.db.transaction(async (tx) => {
    const cur = await findDeliveryForChange(ctx, id, 'delivery.create', tx);
    assertVersion(cur, input.version);
    nextOrThrow(ctx, cur.status, 'edit');
    if (cur.replacementOf !== null) throw new ConflictError('delivery.replacement.fixed');
    const old = await tx
      .select()
      .from(deliveryLines)
      .where(eq(deliveryLines.deliveryId, id))
      .orderBy(asc(deliveryLines.id));
    if (old.some((l) => l.emergencyRelease === 'pending')) throw new ConflictError('delivery.release.pending');
    const order = await lockDeliverableOrder(ctx, tx, cur.orderId);
    const ship = await shippingOf(tx, order, input);
    const lines = await planLines(ctx, tx, order, ship.warehouseId, input.lines, id);
    const checklist = await buildChecklist(tx, lines, cur.checklist);
    // A kept line (same order line, batch and qty) stays as it is — same id, so its inspection and
    // its emergency-release approval (whose document is the line id) stay attached; others are replaced.
    const same = (a: { orderLineId: number; batchId: number | null; qty: string }, b: typeof a) =>
      a.orderLineId === b.orderLineId && a.batchId === b.batchId && money(a.qty).eq(b.qty);
    const kept = new Set<number>();
    const added: PlannedLine[] = [];
    for (const l of lines) {
      const k = old.find((o) => !kept.has(o.id) && same(o, l));
      if (k) kept.add(k.id);
      else added.push(l);
    }
    const dropped = old.filter((o) => !kept.has(o.id)).map((o) => o.id);
    if (dropped.length) await tx.delete(deliveryLines).where(inArray(deliveryLines.id, dropped));
    if (added.length)
      await tx.insert(deliveryLines).values(added.map(({ categoryId: _c, ...l }) => ({ ...l, deliveryId: id })));
    const emergencyOpen = await emergencyOpenOf(tx, id);
    await tx
      .update(deliveries)
      .set({ ...ship, checklist, emergencyOpen, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(deliveries.id, id));
    const changes = diffFields(cur, ship, AUDITED);
    const before = old.map((l) => `${l.orderLineId}×${Number(l.qty)}${l.batchId ? ` #${l.batchId}` : ''}`).join(', ');
    const after = lines.map((l) => `${l.orderLineId}×${Number(l.qty)}${l.batchId ? ` #${l.batchId}` : ''}`).join(', ');
    if (before !== after) changes.push({ field: 'lines', old: before, new: after });
    await recordAudit(tx, ctx, { entityType: 'delivery', entityId: id, action: 'update', changes });
  });
  return getDelivery(ctx, id);
}

/** Cancels (作废) a draft note with a reason; its quantities are open again for other notes. */
export async function cancelDelivery(ctx: Ctx, id: number, input: DeliveryCancelInput) {
  await ctx.db.transaction(async (tx) => {
    const cur = await findDeliveryForChange(ctx, id, 'delivery.create', tx);
    assertVersion(cur, input.version);
    const status = nextOrThrow(ctx, cur.status, 'cancel');
    const pending = await tx
      .select({ id: deliveryLines.id })
      .from(deliveryLines)
      .where(and(eq(deliveryLines.deliveryId, id), eq(deliveryLines.emergencyRelease, 'pending')));
    if (pending.length) throw new ConflictError('delivery.release.pending');
    await tx
      .update(deliveries)
      .set({
        status,
        emergencyOpen: false,
        remark: cur.remark ? `${cur.remark}\n作废：${input.reason}` : `作废：${input.reason}`,
        version: cur.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(deliveries.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'delivery',
      entityId: id,
      action: 'cancel',
      changes: [{ field: 'status', old: cur.status, new: status }],
      comment: input.reason,
    });
  });
  return getDelivery(ctx, id);
}

/**
 * Whether a note has an emergency-released line not yet inspected 合格 (紧急放行 stays flagged
 * until inspected, SPEC 3.5).
 */
export async function emergencyOpenOf(tx: Tx, deliveryId: number): Promise<boolean> {
  const r = await tx
    .select({ id: deliveryLines.id })
    .from(deliveryLines)
    .where(
      and(
        eq(deliveryLines.deliveryId, deliveryId),
        eq(deliveryLines.emergencyRelease, 'approved'),
        sql`${deliveryLines.inspectionStatus} <> 'passed'`,
      ),
    )
    .limit(1);
  return r.length > 0;
}
