import { and, eq, ne } from 'drizzle-orm';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { findPlanInScope } from './plans.access.ts';
import { PLAN_DOC } from './plans.doc.ts';
import { salesPlans } from './plans.schema.ts';

/**
 * Sales plans in the approval engine (SPEC 1.4 names sales plans first; seed 000 销售计划管理: 按规定的
 * 权限和程序审批后下达执行, 调整后的销售计划需履行相应的审批程序). Approved = in force; the version in
 * force before is superseded at that moment, not earlier.
 */
registerApprovalDocType({
  type: PLAN_DOC,
  fields: [
    { key: 'targetAmount', type: 'money' },
    { key: 'targetCustomers', type: 'number' },
    { key: 'planVersion', type: 'number' },
  ],
  async describe(tx, _ctx, id) {
    const [p] = await tx.select().from(salesPlans).where(eq(salesPlans.id, id));
    if (!p) throw new NotFoundError();
    return {
      facts: { targetAmount: p.targetAmount, targetCustomers: p.targetCustomers, planVersion: p.planVersion },
      summaryKey: 'approval.summary.sales_plan',
      summaryParams: { year: p.year, planVersion: p.planVersion, title: p.title, amount: p.targetAmount },
      link: `/plans/${p.id}`,
    };
  },
  async assertVisible(ctx, id) {
    await findPlanInScope(ctx, id);
  },
  async onApproved(tx, ctx, id) {
    const [p] = await tx.select().from(salesPlans).where(eq(salesPlans.id, id)).for('update');
    if (p?.status !== 'submitted') return;
    const now = ctx.now();
    const superseded = await tx
      .update(salesPlans)
      .set({ status: 'superseded', supersededAt: now, updatedAt: now })
      .where(and(eq(salesPlans.year, p.year), eq(salesPlans.status, 'approved'), ne(salesPlans.id, id)))
      .returning({ id: salesPlans.id });
    await tx
      .update(salesPlans)
      .set({ status: 'approved', approvedAt: now, version: p.version + 1, updatedAt: now })
      .where(eq(salesPlans.id, id));
    await recordAudit(
      tx,
      ctx,
      {
        entityType: 'sales_plan',
        entityId: id,
        action: 'approve',
        changes: [{ field: 'status', old: 'submitted', new: 'approved' }],
      },
      ...superseded.map((s) => ({
        entityType: 'sales_plan',
        entityId: s.id,
        action: 'supersede',
        changes: [{ field: 'status', old: 'approved', new: 'superseded' }],
      })),
    );
  },
  // Rejected, returned or withdrawn: the version is a draft again, to be corrected and resubmitted.
  async onClosed(tx, ctx, id, outcome) {
    const [p] = await tx.select().from(salesPlans).where(eq(salesPlans.id, id)).for('update');
    if (p?.status !== 'submitted') return;
    await tx
      .update(salesPlans)
      .set({ status: 'draft', submittedAt: null, version: p.version + 1, updatedAt: ctx.now() })
      .where(eq(salesPlans.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'sales_plan',
      entityId: id,
      action: outcome,
      changes: [{ field: 'status', old: 'submitted', new: 'draft' }],
    });
  },
  defaultRules: [
    {
      name: '年度销售计划',
      priority: 100,
      conditions: [],
      steps: [{ name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' }],
    },
  ],
});
