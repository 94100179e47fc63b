import { type EmergencyReleaseInput, type InspectionStatus, RELEASABLE_STATUSES } from '@sales/core';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { findDeliveryForChange, findDeliveryInScope } from './deliveries.access.ts';
import { numberedLines } from './deliveries.inspect.ts';
import { getDelivery } from './deliveries.queries.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';
import { emergencyOpenOf } from './deliveries.service.ts';
import { assertVersion, nextOrThrow } from './deliveries.state.ts';

/** Approval document type of an emergency release (紧急放行): one delivery line. */
export const EMERGENCY_DOC = 'emergency_release';

/**
 * Asks for an emergency release of one line (seed 000 4.3.4 b: 因销售急需来不及检验的产品): only goods
 * not yet inspected (待检 / 待处理), routed through the approval engine (default 质管部 → 总经理).
 */
export async function requestEmergencyRelease(ctx: Ctx, id: number, input: EmergencyReleaseInput) {
  const approval = await ctx.db.transaction(async (tx) => {
    const d = await findDeliveryForChange(ctx, id, 'delivery.create', tx);
    assertVersion(d, input.version);
    nextOrThrow(ctx, d.status, 'request_release');
    const line = (await numberedLines(tx, d)).find((l) => l.id === input.lineId);
    if (!line) throw ValidationError.field('lineId', 'delivery.line.unknown');
    if (!RELEASABLE_STATUSES.includes(line.inspectionStatus as InspectionStatus))
      throw new ConflictError('delivery.release.not_allowed', {
        lineNo: line.lineNo,
        product: line.label,
        status: translate(ctx.locale, `inspection.${line.inspectionStatus}`),
      });
    if (line.emergencyRelease === 'pending' || line.emergencyRelease === 'approved')
      throw new ConflictError('delivery.release.exists', { lineNo: line.lineNo, state: line.emergencyRelease });
    await tx
      .update(deliveryLines)
      .set({ emergencyRelease: 'pending', emergencyReason: input.reason })
      .where(eq(deliveryLines.id, line.id));
    await tx
      .update(deliveries)
      .set({ version: d.version + 1, updatedAt: sql`now()` })
      .where(eq(deliveries.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'delivery',
      entityId: id,
      action: 'emergency_request',
      changes: [{ field: `line:${line.lineNo}.emergencyRelease`, old: line.emergencyRelease, new: 'pending' }],
      comment: input.reason,
    });
    return submitForApproval(tx, ctx, EMERGENCY_DOC, line.id);
  });
  return { ...(await getDelivery(ctx, id)), approval };
}

async function loadLine(tx: Tx, lineId: number) {
  const [l] = await tx.select().from(deliveryLines).where(eq(deliveryLines.id, lineId));
  if (!l) throw new NotFoundError();
  const [d] = await tx.select().from(deliveries).where(eq(deliveries.id, l.deliveryId)).for('update');
  const line = (await numberedLines(tx, d)).find((x) => x.id === lineId);
  if (!line) throw new NotFoundError();
  return { d, line };
}

registerApprovalDocType({
  type: EMERGENCY_DOC,
  fields: [
    { key: 'qty', type: 'number' },
    { key: 'inspectionStatus', type: 'enum', options: ['pending', 'on_hold'] },
  ],
  async describe(tx, _ctx, lineId) {
    const { d, line } = await loadLine(tx, lineId);
    return {
      facts: {
        qty: line.qty,
        inspectionStatus: line.inspectionStatus,
        deliveryNo: d.no,
        product: line.label,
        reason: line.emergencyReason,
      },
      summaryKey: 'approval.summary.emergency_release',
      summaryParams: { no: d.no, line: line.lineNo, product: line.label, qty: line.qty },
      link: `/deliveries/${d.id}`,
    };
  },
  async assertVisible(ctx, lineId) {
    const [l] = await ctx.db
      .select({ deliveryId: deliveryLines.deliveryId })
      .from(deliveryLines)
      .where(eq(deliveryLines.id, lineId));
    if (!l) throw new NotFoundError();
    await findDeliveryInScope(ctx, l.deliveryId);
  },
  async onApproved(tx, ctx, lineId) {
    const { d, line } = await loadLine(tx, lineId);
    await tx.update(deliveryLines).set({ emergencyRelease: 'approved' }).where(eq(deliveryLines.id, lineId));
    const emergencyOpen = await emergencyOpenOf(tx, d.id);
    await tx
      .update(deliveries)
      .set({ emergencyOpen, version: d.version + 1, updatedAt: sql`now()` })
      .where(eq(deliveries.id, d.id));
    await recordAudit(tx, ctx, {
      entityType: 'delivery',
      entityId: d.id,
      action: 'emergency_approved',
      changes: [
        { field: `line:${line.lineNo}.emergencyRelease`, old: 'pending', new: 'approved' },
        { field: 'emergencyOpen', old: String(d.emergencyOpen), new: String(emergencyOpen) },
      ],
    });
    await notify(tx, [d.ownerId], {
      kind: 'delivery.release',
      titleKey: 'notify.delivery.release_approved',
      params: { no: d.no, lineNo: line.lineNo },
      link: `/deliveries/${d.id}`,
    });
  },
  async onClosed(tx, ctx, lineId, outcome) {
    const { d, line } = await loadLine(tx, lineId);
    const next = outcome === 'rejected' ? 'rejected' : 'none';
    await tx.update(deliveryLines).set({ emergencyRelease: next }).where(eq(deliveryLines.id, lineId));
    await tx
      .update(deliveries)
      .set({ version: d.version + 1, updatedAt: sql`now()` })
      .where(eq(deliveries.id, d.id));
    await recordAudit(tx, ctx, {
      entityType: 'delivery',
      entityId: d.id,
      action: `emergency_${outcome}`,
      changes: [{ field: `line:${line.lineNo}.emergencyRelease`, old: line.emergencyRelease, new: next }],
    });
  },
  defaultRules: [
    {
      name: '紧急放行',
      priority: 100,
      conditions: [],
      steps: [
        { name: '质管部审批', kind: 'role', role: 'qa', mode: 'any' },
        { name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' },
      ],
    },
  ],
});

/**
 * The emergency-release approvals of a delivery's lines, for everyone who sees the delivery (an
 * instance itself opens only to its applicant and approvers).
 */
export async function deliveryReleaseApprovals(ctx: Ctx, id: number) {
  await findDeliveryInScope(ctx, id);
  const lines = await ctx.db
    .select({ id: deliveryLines.id })
    .from(deliveryLines)
    .where(and(eq(deliveryLines.deliveryId, id), ne(deliveryLines.emergencyRelease, 'none')))
    .orderBy(asc(deliveryLines.id));
  const items = [];
  for (const l of lines) items.push(...(await documentApprovals(ctx, EMERGENCY_DOC, l.id)));
  return items;
}
