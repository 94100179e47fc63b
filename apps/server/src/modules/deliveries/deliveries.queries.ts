import { type DeliveryAction, type DeliveryStatus, deliveryActions, money } from '@sales/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { listAttachments } from '../../platform/files/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { customers } from '../customers/index.ts';
import { batchesById, warehouseNames } from '../stock/index.ts';
import { findDeliveryInScope } from './deliveries.access.ts';
import { findOrderLinesForDelivery } from './deliveries.order-view.ts';
import { replacementsOf } from './deliveries.replacement.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';

/** Which permission each action needs (the web shows a button only if both status and permission allow). */
const ACTION_PERMISSION: Record<DeliveryAction, Permission> = {
  edit: 'delivery.create',
  cancel: 'delivery.create',
  request_release: 'delivery.create',
  inspect: 'delivery.inspect',
  checklist: 'delivery.inspect',
  ship: 'delivery.ship',
  sign: 'delivery.sign',
};

const qty = (v: string | null) => (v === null ? null : money(v).toString());

/** One delivery note with its lines (product, batch, expiry, inspection, release), files and allowed actions. */
export async function getDelivery(ctx: Ctx, id: number) {
  return (await deliveryWithOrder(ctx, id)).delivery;
}

/** The note as getDelivery answers it, with the order lines it was read with (for the PDF's amounts). */
export async function deliveryWithOrder(ctx: Ctx, id: number) {
  const d = await findDeliveryInScope(ctx, id);
  // Sequential: ctx.db may be a transaction (demo loader, composed use cases).
  const lines = await ctx.db
    .select()
    .from(deliveryLines)
    .where(eq(deliveryLines.deliveryId, id))
    .orderBy(asc(deliveryLines.id));
  const [cust] = await ctx.db.select({ name: customers.name }).from(customers).where(eq(customers.id, d.customerId));
  const order = await findOrderLinesForDelivery(ctx.db, d.orderId);
  const files = await listAttachments(ctx.db, 'delivery', id);
  const batchIds = lines.map((l) => l.batchId).filter((b): b is number => b !== null);
  const userIds = [
    ...new Set(
      [d.ownerId, d.shippedBy, d.createdBy, ...lines.map((l) => l.inspectedBy)].filter((u): u is number => u !== null),
    ),
  ];
  const batches = await batchesById(ctx.db, batchIds);
  // The warehouse by name for every viewer of the note (the warehouse list needs stock.view).
  const warehouse = await warehouseNames(ctx.db, [d.warehouseId]);
  const names = await ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, userIds.length ? userIds : [-1]));
  const instances = await ctx.db
    .select({ docId: approvalInstances.docId, id: sql<number>`max(${approvalInstances.id})` })
    .from(approvalInstances)
    .where(
      and(
        eq(approvalInstances.docType, 'emergency_release'),
        inArray(approvalInstances.docId, lines.length ? lines.map((l) => l.id) : [-1]),
      ),
    )
    .groupBy(approvalInstances.docId);
  const userName = new Map(names.map((u) => [u.id, u.name]));
  const instanceOf = new Map(instances.map((i) => [Number(i.docId), Number(i.id)]));
  const status = d.status as DeliveryStatus;
  const delivery = {
    id: d.id,
    no: d.no,
    status,
    orderId: d.orderId,
    orderNo: order.no,
    orderStatus: order.status,
    customerId: d.customerId,
    customerName: cust?.name ?? '',
    ownerId: d.ownerId,
    ownerName: userName.get(d.ownerId) ?? null,
    warehouseId: d.warehouseId,
    warehouseName: warehouse.get(d.warehouseId) ?? null,
    carrier: d.carrier,
    trackingNo: d.trackingNo,
    consignee: d.consignee,
    consigneePhone: d.consigneePhone,
    address: d.address,
    boxCount: d.boxCount,
    plannedDate: d.plannedDate,
    shippedAt: d.shippedAt?.toISOString() ?? null,
    shippedByName: d.shippedBy ? (userName.get(d.shippedBy) ?? null) : null,
    signerName: d.signerName,
    signedDate: d.signedDate,
    discrepancy: d.discrepancy,
    emergencyOpen: d.emergencyOpen,
    checklist: d.checklist,
    remark: d.remark,
    // A replacement note (补发): its original and why; a signed note: its replacements.
    replacementOf: d.replacementOf,
    replacementOfNo: d.replacementOf ? await findNo(ctx, d.replacementOf) : null,
    replacementReason: d.replacementReason,
    sourceType: d.sourceType,
    sourceId: d.sourceId,
    replacements: await replacementsOf(ctx.db, d.id),
    version: d.version,
    createdByName: d.createdBy ? (userName.get(d.createdBy) ?? null) : null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    actions: deliveryActions(status).filter((a) => can(ctx.principal, ACTION_PERMISSION[a])),
    files,
    lines: lines.map((l, i) => {
      const ol = order.lines.get(l.orderLineId);
      const b = l.batchId === null ? undefined : batches.get(l.batchId);
      return {
        id: l.id,
        lineNo: i + 1,
        orderLineId: l.orderLineId,
        orderLineNo: ol?.lineNo ?? null,
        productId: l.productId,
        productCode: ol?.productCode ?? null,
        productName: ol?.description ?? '',
        spec: ol?.spec ?? null,
        // Variant attributes of the order line (品牌、颜色、尺码 — SPEC 2.8), printed on the note.
        attributes: ol?.attributes ?? {},
        unit: ol?.unit ?? '',
        unitPrice: ol?.unitPrice ?? null,
        batchId: l.batchId,
        batchNo: b?.batchNo ?? null,
        serialNo: b?.serialNo ?? null,
        expiryDate: b?.expiryDate ?? null,
        qty: qty(l.qty) as string,
        receivedQty: qty(l.receivedQty),
        inspectionStatus: l.inspectionStatus,
        inspectionNote: l.inspectionNote,
        inspectedByName: l.inspectedBy ? (userName.get(l.inspectedBy) ?? null) : null,
        inspectedAt: l.inspectedAt?.toISOString() ?? null,
        emergencyRelease: l.emergencyRelease,
        emergencyReason: l.emergencyReason,
        releaseInstanceId: instanceOf.get(l.id) ?? null,
        replacesLineId: l.replacesLineId,
      };
    }),
  };
  return { delivery, order };
}

async function findNo(ctx: Ctx, id: number) {
  const [r] = await ctx.db.select({ no: deliveries.no }).from(deliveries).where(eq(deliveries.id, id));
  return r?.no ?? null;
}
