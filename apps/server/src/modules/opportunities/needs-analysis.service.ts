import { type NeedsAnalysisInput, toMoneyString } from '@sales/core';
import { eq, sql } from 'drizzle-orm';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { StaleVersionError } from '../../platform/errors/errors.ts';
import { findOpportunityForChange } from './opportunities.access.ts';
import { assertOpen } from './opportunities.guards.ts';
import { getOpportunity } from './opportunities.queries.ts';
import { type NeedsAnalysisData, opportunityNeedsAnalyses } from './opportunities.schema.ts';
import { autoTick } from './stage.service.ts';

const FORM_FIELDS = [
  'needs',
  'budget',
  'budgetNote',
  'decisionMakers',
  'timeline',
  'expectedPurchaseDate',
  'competitors',
  'painPoints',
  'remark',
] as const;

/**
 * Saves the opportunity's 销售需求分析表 (SPEC 3.1; version 0 for the first save, its own version
 * after) and ticks the checklist items that wait for it (需求分析表已填写).
 */
export async function saveNeedsAnalysis(ctx: Ctx, opportunityId: number, input: NeedsAnalysisInput) {
  await ctx.db.transaction(async (tx) => {
    const opp = await findOpportunityForChange(ctx, opportunityId, tx);
    const [cur] = await tx
      .select()
      .from(opportunityNeedsAnalyses)
      .where(eq(opportunityNeedsAnalyses.opportunityId, opportunityId))
      .for('update');
    if ((cur?.version ?? 0) !== input.version) throw new StaleVersionError();
    assertOpen(opp);
    const { version: _v, ...form } = input;
    const data: NeedsAnalysisData = { ...form, budget: form.budget === null ? null : toMoneyString(form.budget) };
    if (cur) {
      await tx
        .update(opportunityNeedsAnalyses)
        .set({ data, version: cur.version + 1, updatedBy: ctx.principal.userId, updatedAt: sql`now()` })
        .where(eq(opportunityNeedsAnalyses.opportunityId, opportunityId));
    } else {
      await tx.insert(opportunityNeedsAnalyses).values({ opportunityId, data, updatedBy: ctx.principal.userId });
    }
    await recordAudit(tx, ctx, {
      entityType: 'opportunity',
      entityId: opportunityId,
      action: 'needs_analysis',
      changes: (cur ? diffFields(cur.data, data, FORM_FIELDS) : createdFields(data, FORM_FIELDS)).map((c) => ({
        ...c,
        field: `needsAnalysis.${c.field}`,
      })),
    });
    await autoTick(ctx, tx, opp, ['needs_analysis']);
  });
  return getOpportunity(ctx, opportunityId);
}
