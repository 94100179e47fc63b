import type { ComplaintInput, ComplaintReasonInput } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { registerAttachmentOwner, saveAttachment } from '../../platform/files/index.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { cancelTasksByRef, upsertTasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { customers, findCustomerInScope } from '../customers/index.ts';
import { deliveriesOfBatches, deliveryFacts, linesOfDelivery } from '../deliveries/index.ts';
import { orders } from '../orders/index.ts';
import { findComplaintForChange, findComplaintInScope } from './complaints.access.ts';
import { getComplaint } from './complaints.queries.ts';
import { complaintAffected, complaints } from './complaints.schema.ts';
import { nextOrThrow } from './complaints.state.ts';
import './complaints.messages.ts';

// Evidence files are visible to whoever may see the complaint.
registerAttachmentOwner('complaint', async (ctx, id) => {
  await findComplaintInScope(ctx, id);
});

const AUDITED = ['customerId', 'orderId', 'deliveryId', 'category', 'severity', 'subject', 'qualityIncident'] as const;

export interface FileComplaint {
  customerId: number;
  orderId: number | null;
  deliveryId: number | null;
  category: ComplaintInput['category'];
  severity: ComplaintInput['severity'];
  subject: string;
  description: string;
  qualityIncident: boolean;
  sourceType?: string | null;
  sourceId?: number | null;
}

/**
 * Files an objection inside the caller's transaction (a rep's form, or a low-scored return visit):
 * numbered YY…, owned by the customer's owner when filed (their appraisal, seed 002: 一般投诉扣1分，
 * 严重投诉扣5分), who/when/severity kept; a quality incident traces its batches at once.
 */
export async function fileComplaint(tx: Tx, ctx: Ctx, input: FileComplaint) {
  const [c] = await tx
    .select({ id: customers.id, name: customers.name, ownerId: customers.ownerId, ownerDeptId: customers.ownerDeptId })
    .from(customers)
    .where(eq(customers.id, input.customerId));
  if (!c) throw ValidationError.field('customerId', 'complaint.customer_not_found');
  if (input.orderId !== null) {
    const [o] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, input.orderId), eq(orders.customerId, c.id)));
    if (!o) throw ValidationError.field('orderId', 'complaint.order_invalid');
  }
  let orderId = input.orderId;
  if (input.deliveryId !== null) {
    const d = await deliveryFacts(tx, input.deliveryId);
    if (!d || d.customerId !== c.id) throw ValidationError.field('deliveryId', 'complaint.delivery_invalid');
    orderId ??= d.orderId;
  }
  // A customer in the public pool has no owner: the complaint stays with whoever filed it.
  const ownerId = c.ownerId ?? ctx.principal.userId;
  const ownerDeptId = c.ownerId ? (c.ownerDeptId as number) : ctx.principal.deptId;
  const now = ctx.now();
  const no = await nextDocNumber(tx, 'complaint', now);
  const values = { ...input, orderId, qualityIncident: false };
  const [row] = await tx
    .insert(complaints)
    .values({ ...values, no, ownerId, ownerDeptId, reportedBy: ctx.principal.userId, createdAt: now, updatedAt: now })
    .returning();
  await recordAudit(tx, ctx, {
    entityType: 'complaint',
    entityId: row.id,
    action: 'create',
    changes: [{ field: 'no', old: null, new: no }, ...createdFields(values, AUDITED)],
  });
  if (input.qualityIncident) await traceIncident(tx, ctx, row);
  await notify(
    tx,
    [ownerId].filter((u) => u !== ctx.principal.userId),
    {
      kind: 'complaint.filed',
      titleKey: 'notify.complaint.filed',
      params: {
        no,
        customer: c.name,
        subject: input.subject,
        severity: translate('zh-CN', `complaint.severity.${input.severity}`),
      },
      link: `/complaints/${row.id}`,
    },
  );
  return row;
}

/** Files an objection form (顾客异议处理单, seed 000 4.2.1) from a customer, order or delivery, with evidence files. */
export async function createComplaint(ctx: Ctx, input: ComplaintInput) {
  const id = await ctx.db.transaction(async (tx) => {
    await findCustomerInScope(ctx, input.customerId, 'customer.view', tx).catch((e) => {
      if (e instanceof NotFoundError) throw ValidationError.field('customerId', 'complaint.customer_not_found');
      throw e;
    });
    const row = await fileComplaint(tx, ctx, input);
    for (const f of input.files) await saveAttachment(tx, ctx, 'complaint', row.id, 'evidence', f);
    return row.id;
  });
  return getComplaint(ctx, id);
}

/**
 * Marks a complaint a quality incident (质量事故, seed 000 4.2.3): every signed or shipped delivery
 * of the complained-of batches is listed and its owner gets a follow-up task.
 */
export async function markQualityIncident(ctx: Ctx, id: number, version: number) {
  await ctx.db.transaction(async (tx) => {
    const c = await findComplaintForChange(ctx, id, version, tx);
    nextOrThrow(ctx, c.status, 'mark_incident');
    if (c.qualityIncident) throw new ConflictError('complaint.already_incident');
    await traceIncident(tx, ctx, c);
  });
  return getComplaint(ctx, id);
}

async function traceIncident(tx: Tx, ctx: Ctx, c: typeof complaints.$inferSelect) {
  const batchIds = c.deliveryId
    ? [
        ...new Set(
          (await linesOfDelivery(tx, c.deliveryId)).map((l) => l.batchId).filter((b): b is number => b !== null),
        ),
      ]
    : [];
  if (!batchIds.length) throw new ConflictError('complaint.incident_no_batches');
  const reach = await deliveriesOfBatches(tx, batchIds);
  const batchNos = new Map(
    (
      await tx.execute<{ id: string; batch_no: string }>(
        sql`select id, batch_no from stock_batches where id = any(${sql.param(batchIds)}::bigint[])`,
      )
    ).rows.map((r) => [Number(r.id), r.batch_no]),
  );
  if (reach.length)
    await tx
      .insert(complaintAffected)
      .values(
        reach.map((r) => ({
          complaintId: c.id,
          batchId: r.batchId as number,
          deliveryId: r.deliveryId,
          customerId: r.customerId,
          ownerId: r.ownerId,
          qty: r.qty,
        })),
      )
      .onConflictDoNothing();
  const today = companyDate(ctx.now());
  await upsertTasks(
    tx,
    reach.map((r) => ({
      userId: r.ownerId,
      kind: 'complaint.incident_followup',
      titleKey: 'task.complaint.incident_followup',
      params: {
        no: c.no,
        customer: r.customerName,
        delivery: r.deliveryNo,
        batch: batchNos.get(r.batchId as number) ?? '',
      },
      link: `/complaints/${c.id}`,
      refType: 'complaint',
      refId: c.id,
      dueDate: today,
      dedupeKey: `complaint-incident:${c.id}:${r.deliveryId}:${r.batchId}`,
    })),
  );
  await tx
    .update(complaints)
    .set({ qualityIncident: true, version: c.version + 1, updatedAt: ctx.now() })
    .where(eq(complaints.id, c.id));
  await recordAudit(tx, ctx, {
    entityType: 'complaint',
    entityId: c.id,
    action: 'mark_incident',
    changes: [
      { field: 'qualityIncident', old: 'false', new: 'true' },
      { field: 'affectedDeliveries', old: null, new: String(new Set(reach.map((r) => r.deliveryId)).size) },
    ],
  });
}

/** Withdraws a complaint before its handling is decided, with a reason; its open tasks are cancelled. */
export async function cancelComplaint(ctx: Ctx, id: number, input: ComplaintReasonInput) {
  await ctx.db.transaction(async (tx) => {
    const c = await findComplaintForChange(ctx, id, input.version, tx);
    const status = nextOrThrow(ctx, c.status, 'cancel');
    await tx
      .update(complaints)
      .set({ status, cancelReason: input.reason, version: c.version + 1, updatedAt: ctx.now() })
      .where(eq(complaints.id, id));
    await cancelTasksByRef(tx, 'complaint', id, ctx.now());
    await recordAudit(tx, ctx, {
      entityType: 'complaint',
      entityId: id,
      action: 'cancel',
      changes: [{ field: 'status', old: c.status, new: status }],
      comment: input.reason,
    });
  });
  return getComplaint(ctx, id);
}

/** Active users by id (investigators must exist and be active). */
export async function activeUsers(tx: Tx, ids: number[]) {
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(sql`${users.id} = any(${sql.param(ids)}::int[])`, eq(users.active, true)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
