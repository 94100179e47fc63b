import {
  type EmergencyReleaseState,
  formatYuan,
  type InspectionStatus,
  isValidContactPhone,
  lineShipBlock,
  money,
  type ShipInput,
  type SignInput,
} from '@sales/core';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, type FieldIssue, ValidationError } from '../../platform/errors/errors.ts';
import { registerAttachmentOwner, saveAttachment } from '../../platform/files/index.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { recordDeliveredQty } from '../orders/index.ts';
import { issueStock } from '../stock/index.ts';
import { findDeliveryForChange, findDeliveryInScope } from './deliveries.access.ts';
import { deliveryDelivered, deliveryDeliveredData } from './deliveries.events.ts';
import { numberedLines } from './deliveries.inspect.ts';
import { orderPaymentState } from './deliveries.order-view.ts';
import { getDelivery } from './deliveries.queries.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';
import { emergencyOpenOf } from './deliveries.service.ts';
import { assertVersion, nextOrThrow } from './deliveries.state.ts';

// Signed copies are visible to whoever may see the delivery note.
registerAttachmentOwner('delivery', async (ctx, id) => {
  await findDeliveryInScope(ctx, id);
});

/**
 * What shipping needs on the note itself (SPEC 3.5 发货: consignee, address, phone, box count): the
 * box count (件数) and a phone the consignee can be reached on — each missing one a field error.
 */
function assertShippingComplete(d: { boxCount: number | null; consigneePhone: string | null }) {
  const issues: FieldIssue[] = [];
  if (d.boxCount === null || d.boxCount < 1)
    issues.push({ field: 'boxCount', code: 'delivery.ship.box_count_required' });
  if (!d.consigneePhone?.trim()) issues.push({ field: 'consigneePhone', code: 'delivery.ship.phone_required' });
  else if (!isValidContactPhone(d.consigneePhone))
    issues.push({ field: 'consigneePhone', code: 'delivery.phone_invalid' });
  if (issues.length) throw new ValidationError(issues);
}

/**
 * 门市销售 (retail seed 5.2.8: 顾客凭盖有“收款专用章”的销售凭证取货): goods of a counter order are
 * released only once its sales voucher is paid — confirmed payments cover the order total.
 */
async function assertCounterPaid(tx: Tx, orderId: number) {
  const o = await orderPaymentState(tx, orderId);
  if (o?.channel !== 'counter' || money(o.receivedAmount).gte(o.totalGross)) return;
  throw new ConflictError('delivery.ship.counter_unpaid', {
    order: o.no,
    total: formatYuan(o.totalGross),
    received: formatYuan(o.receivedAmount),
    due: formatYuan(money(o.totalGross).minus(o.receivedAmount).toString()),
  });
}

/**
 * Ships a note (发货): only with its box count and a valid consignee phone, a counter order only once
 * paid, when every line passed outbound inspection (合格) or is under an approved emergency release
 * (紧急放行), and the inspection checklist is complete. Stock is issued
 * (reservation consumed, movements written) and the order's delivered qty recorded — in one
 * transaction with the note's change and its audit.
 */
export async function shipDelivery(ctx: Ctx, id: number, input: ShipInput) {
  await ctx.db.transaction(async (tx) => {
    const d = await findDeliveryForChange(ctx, id, 'delivery.ship', tx);
    assertVersion(d, input.version);
    const status = nextOrThrow(ctx, d.status, 'ship');
    const lines = await numberedLines(tx, d);
    for (const l of lines) {
      const block = lineShipBlock({
        inspectionStatus: l.inspectionStatus as InspectionStatus,
        emergencyRelease: l.emergencyRelease as EmergencyReleaseState,
      });
      if (block)
        throw new ConflictError('delivery.ship.line_blocked', {
          lineNo: l.lineNo,
          product: l.label,
          status: translate(ctx.locale, `inspection.${block}`),
        });
    }
    const missing = d.checklist.filter((i) => !i.ok);
    if (missing.length)
      throw new ConflictError('delivery.ship.checklist', { items: missing.map((i) => i.label).join('、') });
    assertShippingComplete(d);
    // A replacement (补发) re-ships goods already delivered and paid for: no payment gate, no order
    // reservation consumed, and the order's delivered qty unchanged (deliveries.replacement.ts).
    const replacement = d.replacementOf !== null;
    if (!replacement) await assertCounterPaid(tx, d.orderId);
    const items = lines.map((l) => ({
      orderLineId: l.orderLineId,
      productId: l.productId,
      batchId: l.batchId,
      qty: l.qty,
      reserved: !replacement,
    }));
    await issueStock(tx, ctx, { type: 'delivery', id }, d.warehouseId, items);
    if (!replacement) await recordDeliveredQty(tx, ctx, d.orderId, items);
    const emergencyOpen = await emergencyOpenOf(tx, id);
    await tx
      .update(deliveries)
      .set({
        status,
        shippedAt: sql`now()`,
        shippedBy: ctx.principal.userId,
        emergencyOpen,
        version: d.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(deliveries.id, id));
    const released = lines.filter((l) => l.inspectionStatus !== 'passed').map((l) => `第${l.lineNo}行`);
    await recordAudit(tx, ctx, {
      entityType: 'delivery',
      entityId: id,
      action: 'ship',
      changes: [
        { field: 'status', old: d.status, new: status },
        { field: 'emergencyOpen', old: String(d.emergencyOpen), new: String(emergencyOpen) },
      ],
      comment: released.length ? `紧急放行发货：${released.join('、')}` : null,
    });
  });
  return getDelivery(ctx, id);
}

/**
 * Records the customer's sign-off (签收, seed 002: 由接收方验收，在送货单上签字): signer, date, the
 * signed copy, the received qty of every line, and a discrepancy note when any differs.
 */
export async function signDelivery(ctx: Ctx, id: number, input: SignInput) {
  await ctx.db.transaction(async (tx) => {
    const d = await findDeliveryForChange(ctx, id, 'delivery.sign', tx);
    assertVersion(d, input.version);
    const status = nextOrThrow(ctx, d.status, 'sign');
    const lines = await numberedLines(tx, d);
    const received = new Map(input.lines.map((l) => [l.lineId, l.receivedQty]));
    if (
      received.size !== input.lines.length ||
      lines.length !== received.size ||
      lines.some((l) => !received.has(l.id))
    )
      throw ValidationError.field('lines', 'delivery.sign.lines');
    let differs = false;
    for (const [i, l] of lines.entries()) {
      const r = money(received.get(l.id) as string);
      if (r.gt(l.qty))
        throw ValidationError.field(`lines.${i}.receivedQty`, 'delivery.sign.received_over', {
          lineNo: l.lineNo,
          received: r.toString(),
          qty: money(l.qty).toString(),
        });
      if (!r.eq(l.qty)) differs = true;
    }
    if (differs && !input.discrepancy) throw ValidationError.field('discrepancy', 'delivery.sign.discrepancy_required');
    const file = await saveAttachment(tx, ctx, 'delivery', id, 'signed_delivery_note', input.file);
    for (const l of lines) {
      await tx
        .update(deliveryLines)
        .set({ receivedQty: money(received.get(l.id) as string).toFixed(4) })
        .where(eq(deliveryLines.id, l.id));
    }
    await tx
      .update(deliveries)
      .set({
        status,
        signerName: input.signerName,
        signedDate: input.signedDate,
        signedRecordedBy: ctx.principal.userId,
        discrepancy: input.discrepancy,
        version: d.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(deliveries.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'delivery',
      entityId: id,
      action: 'sign',
      changes: [
        { field: 'status', old: d.status, new: status },
        { field: 'signerName', old: null, new: input.signerName },
        { field: 'signedDate', old: null, new: input.signedDate },
        { field: 'signedCopy', old: null, new: file.id },
        ...lines
          .filter((l) => !money(received.get(l.id) as string).eq(l.qty))
          .map((l) => ({
            field: `line:${l.lineNo}.receivedQty`,
            old: money(l.qty).toString(),
            new: money(received.get(l.id) as string).toString(),
          })),
      ],
      comment: input.discrepancy,
    });
    await deliveryDelivered.emit(tx, deliveryDeliveredData(d, status, input.signedDate, lines, received));
  });
  return getDelivery(ctx, id);
}
