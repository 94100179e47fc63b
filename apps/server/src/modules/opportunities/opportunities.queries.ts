import { type OpportunityStatus, toMoneyString } from '@sales/core';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { findOpportunityInScope } from './opportunities.access.ts';
import { opportunities, opportunityNeedsAnalyses, opportunityProposals, pipelines } from './opportunities.schema.ts';
import { allowedActions, effectiveProbability, isItemDone, missingItems } from './opportunities.state.ts';
import { loadStages } from './pipelines.service.ts';

async function userNames(ctx: Ctx, ids: number[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique))
    : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The proposals of an opportunity the caller has already found in scope, newest first. */
export async function proposalsOf(ctx: Ctx, opportunityId: number) {
  const rows = await ctx.db
    .select({ p: opportunityProposals, createdByName: users.name })
    .from(opportunityProposals)
    .leftJoin(users, eq(users.id, opportunityProposals.createdBy))
    .where(
      and(
        eq(opportunityProposals.opportunityId, opportunityId),
        isNull(opportunityProposals.deletedAt),
        isNull(opportunityProposals.archivedAt),
      ),
    )
    .orderBy(desc(opportunityProposals.id));
  return rows.map(({ p, createdByName }) => ({
    id: p.id,
    opportunityId: p.opportunityId,
    title: p.title,
    items: p.items,
    price: toMoneyString(p.price),
    deliveryTerm: p.deliveryTerm,
    sentOn: p.sentOn,
    response: p.response,
    respondedOn: p.respondedOn,
    responseNote: p.responseNote,
    remark: p.remark,
    version: p.version,
    createdByName,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }));
}

/** Lists the proposals of an opportunity in the user's scope. */
export async function listProposals(ctx: Ctx, opportunityId: number) {
  await findOpportunityInScope(ctx, opportunityId);
  return proposalsOf(ctx, opportunityId);
}

async function needsAnalysisOf(ctx: Ctx, opportunityId: number) {
  const [row] = await ctx.db
    .select({ n: opportunityNeedsAnalyses, updatedByName: users.name })
    .from(opportunityNeedsAnalyses)
    .leftJoin(users, eq(users.id, opportunityNeedsAnalyses.updatedBy))
    .where(eq(opportunityNeedsAnalyses.opportunityId, opportunityId));
  if (!row) return null;
  return {
    ...row.n.data,
    version: row.n.version,
    updatedByName: row.updatedByName,
    updatedAt: row.n.updatedAt.toISOString(),
  };
}

/**
 * One opportunity as its detail page shows it: the record, its pipeline's stages with the
 * checklist state, the needs analysis, the proposals and the actions its status allows.
 */
export async function getOpportunity(ctx: Ctx, id: number) {
  const row = await findOpportunityInScope(ctx, id);
  const owner = alias(users, 'owner');
  const creator = alias(users, 'creator');
  const [names] = await ctx.db
    .select({
      customerName: customers.name,
      customerNo: customers.no,
      pipelineName: pipelines.name,
      ownerName: owner.name,
      deptName: departments.name,
      createdByName: creator.name,
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .innerJoin(pipelines, eq(pipelines.id, opportunities.pipelineId))
    .leftJoin(owner, eq(owner.id, opportunities.ownerId))
    .leftJoin(departments, eq(departments.id, opportunities.ownerDeptId))
    .leftJoin(creator, eq(creator.id, opportunities.createdBy))
    .where(eq(opportunities.id, id));
  if (!names) throw new NotFoundError();
  const [stages, needsAnalysis, proposals] = await Promise.all([
    loadStages(ctx.db, row.pipelineId),
    needsAnalysisOf(ctx, id),
    proposalsOf(ctx, id),
  ]);
  const marks = Object.values(row.checklist).flatMap((s) => Object.values(s).map((m) => m.by));
  const who = await userNames(ctx, marks);
  const current = stages.find((s) => s.id === row.stageId);
  const status = row.status as OpportunityStatus;
  return {
    id: row.id,
    no: row.no,
    name: row.name,
    customerId: row.customerId,
    customerName: names.customerName,
    customerNo: names.customerNo,
    pipelineId: row.pipelineId,
    pipelineName: names.pipelineName,
    stageId: row.stageId,
    stageName: current?.name ?? null,
    stageKind: current?.kind ?? null,
    status,
    amount: toMoneyString(row.amount),
    expectedCloseDate: row.expectedCloseDate,
    probability: current ? effectiveProbability(current, row.probabilityOverride) : (row.probabilityOverride ?? 0),
    probabilityOverride: row.probabilityOverride,
    lostReason: row.lostReason,
    lostCategory: row.lostCategory,
    closedOn: row.closedOn,
    remark: row.remark,
    ownerId: row.ownerId,
    ownerName: names.ownerName,
    ownerDeptId: row.ownerDeptId,
    deptName: names.deptName,
    createdByName: names.createdByName,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stages: stages.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      kind: s.kind,
      probability: s.probability,
      current: s.id === row.stageId,
      checklist: s.checklist.map((i) => {
        const mark = row.checklist[String(s.id)]?.[i.key];
        return {
          key: i.key,
          label: i.label,
          auto: i.auto,
          done: isItemDone(row.checklist, s.id, i.key),
          doneAt: mark?.at ?? null,
          doneByName: mark ? (who.get(mark.by) ?? null) : null,
        };
      }),
    })),
    // What still blocks a move forward past the current stage.
    missingToAdvance: current && status === 'open' ? missingItems(current, row.checklist).map((m) => m.label) : [],
    allowedActions: allowedActions(status),
    needsAnalysis,
    proposals,
  };
}
