import { type ChecklistTickInput, canInspect, type InspectionStatus, type InspectLineInput } from '@sales/core';
import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { FieldChange } from '../../platform/audit/audit.schema.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { orderLinesOf } from '../orders/index.ts';
import { findDeliveryForChange } from './deliveries.access.ts';
import { getDelivery } from './deliveries.queries.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';
import { emergencyOpenOf } from './deliveries.service.ts';
import { assertVersion, lineLabel, nextOrThrow } from './deliveries.state.ts';

type Delivery = typeof deliveries.$inferSelect;
type Line = typeof deliveryLines.$inferSelect;

/** A note's lines in order, each with its line number and the order line's product label. */
export async function numberedLines(tx: Tx, d: Pick<Delivery, 'id' | 'orderId'>) {
  const lines = await tx
    .select()
    .from(deliveryLines)
    .where(eq(deliveryLines.deliveryId, d.id))
    .orderBy(asc(deliveryLines.id));
  const ol = new Map((await orderLinesOf(tx, d.orderId)).map((l) => [l.id, l]));
  return lines.map((l, i) => {
    const o = ol.get(l.orderLineId);
    return { ...l, lineNo: i + 1, label: o ? lineLabel(o) : String(l.productId) };
  });
}

const label = (ctx: Ctx, s: string) => translate(ctx.locale, `inspection.${s}`);

// A shipped emergency-released line found 不合格: the goods are at the customer — recall them.
async function openRecall(tx: Tx, ctx: Ctx, d: Delivery, line: Line & { lineNo: number; label: string }) {
  const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, d.customerId));
  const params = { no: d.no, lineNo: line.lineNo, product: line.label, customer: c?.name ?? '' };
  const who = [...new Set([d.ownerId, ctx.principal.userId])];
  for (const userId of who) {
    await upsertTask(tx, {
      userId,
      kind: 'delivery.recall',
      titleKey: 'task.delivery.recall',
      params,
      link: `/deliveries/${d.id}`,
      refType: 'delivery',
      refId: d.id,
      dueDate: companyDate(ctx.now()),
      dedupeKey: `delivery-recall:${line.id}:${userId}`,
    });
  }
  await notify(tx, who, {
    kind: 'delivery.recall',
    titleKey: 'notify.delivery.recall',
    params,
    link: `/deliveries/${d.id}`,
  });
  await recordAudit(tx, ctx, {
    entityType: 'delivery',
    entityId: d.id,
    action: 'recall',
    changes: [{ field: `line:${line.lineNo}.recall`, old: null, new: 'open' }],
    comment: translate(ctx.locale, 'task.delivery.recall', params),
  });
}

/**
 * Records the outbound inspection (出厂检验) of one line: 合格 / 不合格 / 待检 / 待处理 / 报废 with a
 * note, per INSPECTION_TRANSITIONS. After shipping only emergency-released lines not yet passed
 * are inspected; passing the last one clears the 紧急放行 flag, failing one opens a recall.
 */
export async function inspectLine(ctx: Ctx, id: number, input: InspectLineInput) {
  await ctx.db.transaction(async (tx) => {
    const d = await findDeliveryForChange(ctx, id, 'delivery.inspect', tx);
    assertVersion(d, input.version);
    nextOrThrow(ctx, d.status, 'inspect');
    const line = (await numberedLines(tx, d)).find((l) => l.id === input.lineId);
    if (!line) throw ValidationError.field('lineId', 'delivery.line.unknown');
    const from = line.inspectionStatus as InspectionStatus;
    if (d.status !== 'draft' && (line.emergencyRelease !== 'approved' || from === 'passed'))
      throw new ConflictError('delivery.inspection.after_ship', { lineNo: line.lineNo });
    if (!canInspect(from, input.status))
      throw new ConflictError('delivery.inspection.transition', {
        lineNo: line.lineNo,
        product: line.label,
        from: label(ctx, from),
        to: label(ctx, input.status),
      });
    await tx
      .update(deliveryLines)
      .set({
        inspectionStatus: input.status,
        inspectionNote: input.note,
        inspectedBy: ctx.principal.userId,
        inspectedAt: sql`now()`,
      })
      .where(eq(deliveryLines.id, line.id));
    const emergencyOpen = await emergencyOpenOf(tx, id);
    await tx
      .update(deliveries)
      .set({ emergencyOpen, version: d.version + 1, updatedAt: sql`now()` })
      .where(eq(deliveries.id, id));
    const changes: FieldChange[] = [{ field: `line:${line.lineNo}.inspectionStatus`, old: from, new: input.status }];
    if (emergencyOpen !== d.emergencyOpen)
      changes.push({ field: 'emergencyOpen', old: String(d.emergencyOpen), new: String(emergencyOpen) });
    await recordAudit(tx, ctx, {
      entityType: 'delivery',
      entityId: id,
      action: 'inspect',
      changes,
      comment: input.note,
    });
    if (d.status !== 'draft' && input.status === 'failed') await openRecall(tx, ctx, d, line);
  });
  return getDelivery(ctx, id);
}

/** Ticks one item of the note's delivery-inspection checklist (交车检验表); all must be ok to ship. */
export async function tickChecklist(ctx: Ctx, id: number, input: ChecklistTickInput) {
  await ctx.db.transaction(async (tx) => {
    const d = await findDeliveryForChange(ctx, id, 'delivery.inspect', tx);
    assertVersion(d, input.version);
    nextOrThrow(ctx, d.status, 'checklist');
    const item = d.checklist.find((i) => i.key === input.key);
    if (!item) throw ValidationError.field('key', 'delivery.checklist.unknown', { key: input.key });
    const checklist = d.checklist.map((i) =>
      i.key === input.key ? { ...i, ok: input.ok, ...(input.note ? { note: input.note } : {}) } : i,
    );
    await tx
      .update(deliveries)
      .set({ checklist, version: d.version + 1, updatedAt: sql`now()` })
      .where(eq(deliveries.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'delivery',
      entityId: id,
      action: 'checklist',
      changes: [{ field: `checklist:${item.label}`, old: item.ok, new: input.ok }],
      comment: input.note,
    });
  });
  return getDelivery(ctx, id);
}
