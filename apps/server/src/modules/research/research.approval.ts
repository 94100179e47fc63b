import { eq } from 'drizzle-orm';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { findStage } from './research.access.ts';
import { promotionStages, promotions } from './research.schema.ts';

export const STAGE_DOC = 'promotion_stage';

/**
 * Each stage of a promotion is approved on its own (seed 000 5.2.1: 阶段性营销推广方案按《权责手册》
 * 审批后组织推广活动). Approved = it may run; rejected, returned or withdrawn = back to be changed.
 */
registerApprovalDocType({
  type: STAGE_DOC,
  fields: [{ key: 'budget', type: 'money' }],
  async describe(tx, _ctx, id) {
    const [row] = await tx
      .select({ s: promotionStages, promotion: promotions.name })
      .from(promotionStages)
      .innerJoin(promotions, eq(promotions.id, promotionStages.promotionId))
      .where(eq(promotionStages.id, id));
    if (!row) throw new NotFoundError();
    const { s } = row;
    return {
      facts: { budget: s.budget },
      summaryKey: 'approval.summary.promotion_stage',
      summaryParams: { promotion: row.promotion, seq: s.seq, name: s.name, budget: s.budget },
      link: `/research/promotions/${s.promotionId}`,
    };
  },
  async assertVisible(ctx, id) {
    await findStage(ctx, id);
  },
  async onApproved(tx, ctx, id) {
    const [s] = await tx.select().from(promotionStages).where(eq(promotionStages.id, id)).for('update');
    if (s?.status !== 'pending') return;
    await tx
      .update(promotionStages)
      .set({ status: 'approved', version: s.version + 1, updatedAt: ctx.now() })
      .where(eq(promotionStages.id, id));
    await recordAudit(tx, ctx, {
      entityType: STAGE_DOC,
      entityId: id,
      action: 'approve',
      changes: [{ field: 'status', old: 'pending', new: 'approved' }],
    });
  },
  async onClosed(tx, ctx, id, outcome) {
    const [s] = await tx.select().from(promotionStages).where(eq(promotionStages.id, id)).for('update');
    if (s?.status !== 'pending') return;
    const next = outcome === 'rejected' ? 'rejected' : 'draft';
    await tx
      .update(promotionStages)
      .set({ status: next, version: s.version + 1, updatedAt: ctx.now() })
      .where(eq(promotionStages.id, id));
    await recordAudit(tx, ctx, {
      entityType: STAGE_DOC,
      entityId: id,
      action: outcome,
      changes: [{ field: 'status', old: 'pending', new: next }],
    });
  },
  defaultRules: [
    {
      name: '促销活动阶段方案',
      priority: 100,
      conditions: [],
      steps: [{ name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' }],
    },
  ],
});
