import { eq } from 'drizzle-orm';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { companyDate } from '../../platform/time.ts';
import { findEventInScope } from './events.access.ts';
import { EVENT_DOC } from './events.doc.ts';
import { events } from './events.schema.ts';
import { budgetTotal } from './events.service.ts';

/**
 * Event plans in the approval engine (seed 001 费用预算: 费用预算经公司领导审批后执行, 不得超预算开支).
 * Approved = invitations may start; rejected, returned or withdrawn = a draft again.
 */
registerApprovalDocType({
  type: EVENT_DOC,
  fields: [
    { key: 'budget', type: 'money' },
    { key: 'capacity', type: 'number' },
  ],
  async describe(tx, _ctx, id) {
    const [e] = await tx.select().from(events).where(eq(events.id, id));
    if (!e) throw new NotFoundError();
    const budget = await budgetTotal(tx, id);
    return {
      facts: { budget, capacity: e.capacity },
      summaryKey: 'approval.summary.event',
      summaryParams: { theme: e.theme, date: companyDate(e.startsAt), budget },
      link: `/events/${e.id}`,
    };
  },
  async assertVisible(ctx, id) {
    await findEventInScope(ctx, id);
  },
  async onApproved(tx, ctx, id) {
    const [e] = await tx.select().from(events).where(eq(events.id, id)).for('update');
    if (e?.status !== 'submitted') return;
    await tx
      .update(events)
      .set({ status: 'approved', version: e.version + 1, updatedAt: ctx.now() })
      .where(eq(events.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'event',
      entityId: id,
      action: 'approve',
      changes: [{ field: 'status', old: 'submitted', new: 'approved' }],
    });
  },
  async onClosed(tx, ctx, id, outcome) {
    const [e] = await tx.select().from(events).where(eq(events.id, id)).for('update');
    if (e?.status !== 'submitted') return;
    await tx
      .update(events)
      .set({ status: 'draft', version: e.version + 1, updatedAt: ctx.now() })
      .where(eq(events.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'event',
      entityId: id,
      action: outcome,
      changes: [{ field: 'status', old: 'submitted', new: 'draft' }],
    });
  },
  defaultRules: [
    {
      name: '会销计划',
      priority: 100,
      conditions: [],
      steps: [{ name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' }],
    },
  ],
});
