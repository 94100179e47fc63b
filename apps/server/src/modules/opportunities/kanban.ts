import { type KanbanQuery, money, toMoneyString } from '@sales/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { listSelect, opportunityWhere, presentRow, probabilitySql } from './opportunities.list.ts';
import { opportunities, pipelineStages, pipelines } from './opportunities.schema.ts';
import { findActivePipeline, loadStages } from './pipelines.service.ts';

/**
 * The pipeline as a kanban board (SPEC 2.6): every stage with its first `perStage` cards (most
 * recently updated first), its count, amount and probability-weighted amount — all within scope.
 */
export async function opportunityKanban(ctx: Ctx, q: KanbanQuery) {
  const pipeline = q.pipelineId
    ? ((await ctx.db.select().from(pipelines).where(eq(pipelines.id, q.pipelineId)))[0] ?? null)
    : await findActivePipeline(ctx.db, null);
  if (!pipeline) throw new NotFoundError();
  const stages = await loadStages(ctx.db, pipeline.id);
  const where = await opportunityWhere(ctx, { ...q, pipelineId: pipeline.id });
  const [sums, ...cards] = await Promise.all([
    ctx.db
      .select({
        stageId: opportunities.stageId,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`coalesce(sum(${opportunities.amount}), 0)`,
        // Each line rounded half-up to fen, then summed (the money rounding rule).
        weighted: sql<string>`coalesce(sum(round(${opportunities.amount} * ${probabilitySql} / 100.0, 2)), 0)`,
      })
      .from(opportunities)
      .innerJoin(pipelineStages, eq(pipelineStages.id, opportunities.stageId))
      .where(where)
      .groupBy(opportunities.stageId),
    ...stages.map((s) =>
      listSelect(ctx)
        .where(and(where, eq(opportunities.stageId, s.id)))
        .orderBy(desc(opportunities.updatedAt), desc(opportunities.id))
        .limit(q.perStage),
    ),
  ]);
  const byStage = new Map(sums.map((r) => [r.stageId, r]));
  let openCount = 0;
  let openAmount = money(0);
  let openWeighted = money(0);
  const columns = stages.map((s, i) => {
    const sum = byStage.get(s.id);
    const count = Number(sum?.count ?? 0);
    if (s.kind === 'open') {
      openCount += count;
      openAmount = openAmount.plus(sum?.amount ?? 0);
      openWeighted = openWeighted.plus(sum?.weighted ?? 0);
    }
    return {
      id: s.id,
      name: s.name,
      position: s.position,
      kind: s.kind,
      probability: s.probability,
      checklist: s.checklist,
      count,
      amount: toMoneyString(sum?.amount ?? 0),
      weightedAmount: toMoneyString(sum?.weighted ?? 0),
      cards: cards[i].map(presentRow),
    };
  });
  return {
    pipeline: { id: pipeline.id, name: pipeline.name, isDefault: pipeline.isDefault, active: pipeline.active },
    stages: columns,
    // The open funnel: what is still to be won.
    open: { count: openCount, amount: toMoneyString(openAmount), weightedAmount: toMoneyString(openWeighted) },
  };
}
