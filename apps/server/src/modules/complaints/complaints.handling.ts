import {
  type CompensationState,
  type ComplaintDecideInput,
  type ComplaintDecision,
  type ComplaintFindingInput,
  type ComplaintInvestigateInput,
  type ComplaintStatus,
  type ComplaintVerifyInput,
  canVerify,
} from '@sales/core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { tasks, upsertTasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { createReplacementDelivery, deliveryFacts, linesOfDelivery } from '../deliveries/index.ts';
import { openTicket } from '../service/index.ts';
import { findComplaintForChange, findComplaintInScope } from './complaints.access.ts';
import { getComplaint } from './complaints.queries.ts';
import { complaintInvestigators, complaints } from './complaints.schema.ts';
import { activeUsers } from './complaints.service.ts';
import { nextOrThrow } from './complaints.state.ts';

export const COMPENSATION_DOC = 'complaint_compensation';

async function customerName(tx: Tx, id: number) {
  const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, id));
  return c?.name ?? '';
}

/**
 * 商务部 organises the investigation (seed 000 4.2.2: 组织相关技术、生产、质检等人员): each person gets
 * a task due after policy complaints.investigationWorkingDays working days (or the given date).
 * Called again, it adds people.
 */
export async function investigateComplaint(ctx: Ctx, id: number, input: ComplaintInvestigateInput) {
  await ctx.db.transaction(async (tx) => {
    const c = await findComplaintForChange(ctx, id, input.version, tx);
    const status = nextOrThrow(ctx, c.status, 'investigate');
    const names = await activeUsers(
      tx,
      input.investigators.map((i) => i.userId),
    );
    for (const [i, inv] of input.investigators.entries())
      if (!names.has(inv.userId))
        throw ValidationError.field(`investigators.${i}.userId`, 'complaint.investigator_invalid');
    const cal = await loadWorkCalendar(tx);
    const days = await getPolicy(tx, 'complaints.investigationWorkingDays');
    const due = input.dueDate ?? cal.addWorkingDays(companyDate(ctx.now()), days);
    await tx
      .insert(complaintInvestigators)
      .values(input.investigators.map((i) => ({ complaintId: id, userId: i.userId, role: i.role, dueDate: due })))
      .onConflictDoNothing();
    const customer = await customerName(tx, c.customerId);
    await upsertTasks(
      tx,
      input.investigators.map((i) => ({
        userId: i.userId,
        kind: 'complaint.investigate',
        titleKey: 'task.complaint.investigate',
        params: { no: c.no, customer, subject: c.subject },
        link: `/complaints/${id}`,
        refType: 'complaint',
        refId: id,
        dueDate: due,
        dedupeKey: `complaint-investigate:${id}:${i.userId}`,
      })),
    );
    await tx
      .update(complaints)
      .set({ status, handlerId: c.handlerId ?? ctx.principal.userId, version: c.version + 1, updatedAt: ctx.now() })
      .where(eq(complaints.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'complaint',
      entityId: id,
      action: 'investigate',
      changes: [
        { field: 'status', old: c.status, new: status },
        ...input.investigators.map((i) => ({ field: `investigator:${i.role}`, old: null, new: names.get(i.userId) })),
        { field: 'dueDate', old: null, new: due },
      ],
    });
  });
  return getComplaint(ctx, id);
}

/** An investigator records what they found (their task is done). */
export async function recordFinding(ctx: Ctx, id: number, input: ComplaintFindingInput) {
  await ctx.db.transaction(async (tx) => {
    const c = await findComplaintForChange(ctx, id, input.version, tx, 'view');
    nextOrThrow(ctx, c.status, 'finding');
    const [inv] = await tx
      .select()
      .from(complaintInvestigators)
      .where(and(eq(complaintInvestigators.complaintId, id), eq(complaintInvestigators.userId, ctx.principal.userId)));
    if (!inv) throw new ForbiddenError('complaint.not_investigator');
    const now = ctx.now();
    await tx
      .update(complaintInvestigators)
      .set({ finding: input.finding, foundAt: now })
      .where(eq(complaintInvestigators.id, inv.id));
    await tx
      .update(tasks)
      .set({ status: 'done', doneAt: now })
      .where(and(eq(tasks.dedupeKey, `complaint-investigate:${id}:${ctx.principal.userId}`), eq(tasks.status, 'open')));
    await tx
      .update(complaints)
      .set({ version: c.version + 1, updatedAt: now })
      .where(eq(complaints.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'complaint',
      entityId: id,
      action: 'finding',
      changes: [{ field: `finding:${inv.role}`, old: inv.finding, new: input.finding }],
    });
  });
  return getComplaint(ctx, id);
}

/**
 * Records the cause and the handling decision (处理意见): repair opens a service ticket (source
 * complaint); replacement creates a replacement delivery of the complaint's signed note; compensation
 * goes to approval (complaint_compensation) as a credit; explanation needs nothing more. A decided
 * compensation that was rejected may be decided again.
 */
export async function decideComplaint(ctx: Ctx, id: number, input: ComplaintDecideInput) {
  await ctx.db.transaction(async (tx) => {
    const c = await findComplaintForChange(ctx, id, input.version, tx);
    const status = nextOrThrow(ctx, c.status, 'decide');
    if (c.status === 'decided' && c.compensationState !== 'rejected')
      throw new ConflictError('complaint.transition', { status: c.status, action: 'decide' });
    const d = input.decision;
    if (d === 'compensation' && input.compensationAmount === null)
      throw ValidationError.field('compensationAmount', 'complaint.amount_required');
    if (d !== 'compensation' && input.compensationAmount !== null)
      throw ValidationError.field('compensationAmount', 'complaint.amount_not_allowed');
    const patch: Partial<typeof complaints.$inferInsert> = {
      status,
      cause: input.cause,
      decision: d,
      decisionNote: input.note,
      decidedAt: ctx.now(),
      decidedBy: ctx.principal.userId,
      handlerId: c.handlerId ?? ctx.principal.userId,
      compensationAmount: input.compensationAmount,
      compensationState: d === 'compensation' ? 'pending' : 'none',
      version: c.version + 1,
      updatedAt: ctx.now(),
    };
    const inner = { ...ctx, db: tx };
    if (d === 'repair' && !c.ticketId) {
      const lines = c.deliveryId ? await linesOfDelivery(tx, c.deliveryId) : [];
      // Inside this transaction, without reading the ticket back (its detail reads in parallel).
      patch.ticketId = await openTicket(tx, inner, {
        type: 'repair',
        source: 'complaint',
        priority: c.severity === 'serious' ? 'high' : 'normal',
        customerId: c.customerId,
        contactName: null,
        contactPhone: null,
        deliveryLineId: lines[0]?.id ?? null,
        subject: `${c.no} ${c.subject}`.slice(0, 200),
        description: input.cause,
        dueAt: null,
      });
    }
    if (d === 'replacement') {
      const facts = c.deliveryId ? await deliveryFacts(tx, c.deliveryId) : undefined;
      if (facts?.status !== 'signed' || !facts)
        throw ValidationError.field('decision', 'complaint.replacement_needs_delivery');
      if (!input.replacementLines.length)
        throw ValidationError.field('replacementLines', 'complaint.replacement_lines_required');
      const r = await createReplacementDelivery(tx, inner, {
        originalDeliveryId: facts.id,
        lines: input.replacementLines,
        reason: 'complaint',
        sourceType: 'complaint',
        sourceId: id,
      });
      patch.replacementDeliveryId = r.id;
    }
    await tx.update(complaints).set(patch).where(eq(complaints.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'complaint',
      entityId: id,
      action: 'decide',
      changes: [
        { field: 'status', old: c.status, new: status },
        { field: 'cause', old: c.cause, new: input.cause },
        { field: 'decision', old: c.decision, new: d },
        ...(input.compensationAmount
          ? [{ field: 'compensationAmount', old: null, new: input.compensationAmount }]
          : []),
        ...(patch.ticketId ? [{ field: 'ticketId', old: null, new: patch.ticketId }] : []),
        ...(patch.replacementDeliveryId
          ? [{ field: 'replacementDeliveryId', old: null, new: patch.replacementDeliveryId }]
          : []),
      ],
    });
    if (d === 'compensation') await submitForApproval(tx, ctx, COMPENSATION_DOC, id);
  });
  return getComplaint(ctx, id);
}

/** Verifies the effect with the customer (服务效果的验证, seed 000 4.3): verified or not, closing the complaint. */
export async function verifyComplaint(ctx: Ctx, id: number, input: ComplaintVerifyInput) {
  await ctx.db.transaction(async (tx) => {
    const c = await findComplaintForChange(ctx, id, input.version, tx);
    const status = nextOrThrow(ctx, c.status, 'verify');
    const ready = canVerify({
      status: c.status as ComplaintStatus,
      decision: c.decision as ComplaintDecision | null,
      compensationState: c.compensationState as CompensationState,
    });
    if (!ready) throw new ConflictError('complaint.verify_not_ready');
    await tx
      .update(complaints)
      .set({
        status,
        verificationResult: input.result,
        verificationNote: input.note,
        verifiedAt: ctx.now(),
        verifiedBy: ctx.principal.userId,
        version: c.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(complaints.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'complaint',
      entityId: id,
      action: 'verify',
      changes: [
        { field: 'status', old: c.status, new: status },
        { field: 'verificationResult', old: null, new: input.result },
      ],
      comment: input.note,
    });
  });
  return getComplaint(ctx, id);
}

async function loadForApproval(tx: Tx, id: number) {
  const [c] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
  if (!c) throw new NotFoundError();
  return c;
}

async function closeCompensation(tx: Tx, ctx: Ctx, id: number, state: 'approved' | 'rejected', action: string) {
  const c = await loadForApproval(tx, id);
  if (c.compensationState !== 'pending') return;
  await tx
    .update(complaints)
    .set({ compensationState: state, version: c.version + 1, updatedAt: ctx.now() })
    .where(eq(complaints.id, id));
  await recordAudit(tx, ctx, {
    entityType: 'complaint',
    entityId: id,
    action,
    changes: [{ field: 'compensationState', old: 'pending', new: state }],
  });
  await notify(tx, [c.handlerId ?? c.ownerId, c.ownerId], {
    kind: 'complaint.compensation',
    titleKey: 'notify.complaint.compensation',
    params: { no: c.no, amount: c.compensationAmount ?? '0', result: state === 'approved' ? '通过' : '未通过' },
    link: `/complaints/${id}`,
  });
}

// Compensation is a credit to the customer: it takes effect only once approved (SPEC 4.2 处理意见).
registerApprovalDocType({
  type: COMPENSATION_DOC,
  fields: [
    { key: 'amount', type: 'money' },
    { key: 'severity', type: 'enum', options: ['general', 'serious'] },
  ],
  async describe(tx, _ctx, id) {
    const c = await loadForApproval(tx, id);
    const customer = await customerName(tx, c.customerId);
    return {
      facts: { amount: c.compensationAmount, severity: c.severity, customerName: customer, cause: c.cause },
      summaryKey: 'approval.summary.complaint_compensation',
      summaryParams: { no: c.no, customer, amount: c.compensationAmount ?? '0' },
      link: `/complaints/${id}`,
    };
  },
  async assertVisible(ctx, id) {
    await findComplaintInScope(ctx, id);
  },
  async onApproved(tx, ctx, id) {
    await closeCompensation(tx, ctx, id, 'approved', 'compensation_approved');
  },
  async onClosed(tx, ctx, id) {
    await closeCompensation(tx, ctx, id, 'rejected', 'compensation_rejected');
  },
  defaultRules: [
    {
      name: '异议补偿',
      priority: 100,
      conditions: [],
      steps: [
        // A compensation is a credit to the customer's account: finance checks it, the GM approves.
        { name: '财务审核', kind: 'role', role: 'finance', mode: 'any' },
        { name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' },
      ],
    },
  ],
});
