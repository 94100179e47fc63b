import {
  type OpportunityFilter,
  type OpportunityListQuery,
  type OpportunityStatus,
  type StageKind,
  toMoneyString,
} from '@sales/core';
import { and, asc, eq, gte, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import {
  cappedCount,
  keysetBatches,
  likePattern,
  listViewCounts,
  listViewWhere,
  pageOffset,
  pageOrder,
  pageResult,
} from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { opportunityScope } from './opportunities.access.ts';
import { opportunities, pipelineStages, pipelines } from './opportunities.schema.ts';

/** WHERE for the list filters, always combined with the user's data scope for `permission`. */
export async function opportunityWhere(
  ctx: Ctx,
  f: OpportunityFilter,
  permission: 'opportunity.view' | 'opportunity.export' = 'opportunity.view',
): Promise<SQL> {
  const parts: (SQL | undefined)[] = [await opportunityScope(ctx, permission)];
  // Archived ones (deleted within the retention period) leave the normal lists; 已归档 shows them
  // to users who may delete them.
  if (f.archived) parts.push(await opportunityScope(ctx, 'opportunity.delete'), isNotNull(opportunities.archivedAt));
  else parts.push(isNull(opportunities.archivedAt));
  if (f.pipelineId) parts.push(eq(opportunities.pipelineId, f.pipelineId));
  if (f.stageId) parts.push(eq(opportunities.stageId, f.stageId));
  if (f.status) parts.push(eq(opportunities.status, f.status));
  parts.push(await listViewWhere(ctx, 'opportunity.view', f.view, opportunities.ownerId, opportunities.ownerDeptId));
  if (f.ownerId) parts.push(eq(opportunities.ownerId, f.ownerId));
  if (f.deptId) parts.push(eq(opportunities.ownerDeptId, f.deptId));
  if (f.customerId) parts.push(eq(opportunities.customerId, f.customerId));
  if (f.closeFrom) parts.push(gte(opportunities.expectedCloseDate, f.closeFrom));
  if (f.closeTo) parts.push(lte(opportunities.expectedCloseDate, f.closeTo));
  if (f.keyword) {
    const kw = likePattern(f.keyword);
    // Number and name on the opportunity (trigram index); customer names through the customers'
    // trigram index, matched on the name alone (never on their phone numbers).
    parts.push(
      sql`(${opportunities.searchText} like ${kw} or ${opportunities.customerId} in (select ${customers.id} from ${customers} where ${customers.searchText} like ${kw} and lower(${customers.name}) like ${kw} and ${customers.deletedAt} is null))`,
    );
  }
  return and(...parts) as SQL;
}

/** The probability that applies: the override while open, the stage's otherwise. */
export const probabilitySql = sql<number>`case when ${pipelineStages.kind} = 'open' then coalesce(${opportunities.probabilityOverride}, ${pipelineStages.probability}) else ${pipelineStages.probability} end`;

/** The columns a list row or kanban card shows. */
export function listSelect(ctx: Ctx) {
  return ctx.db
    .select({
      id: opportunities.id,
      no: opportunities.no,
      name: opportunities.name,
      customerId: opportunities.customerId,
      customerName: customers.name,
      pipelineId: opportunities.pipelineId,
      pipelineName: pipelines.name,
      stageId: opportunities.stageId,
      stageName: pipelineStages.name,
      stageKind: pipelineStages.kind,
      stageChecklist: pipelineStages.checklist,
      checklist: opportunities.checklist,
      status: opportunities.status,
      amount: opportunities.amount,
      probability: probabilitySql,
      expectedCloseDate: opportunities.expectedCloseDate,
      closedOn: opportunities.closedOn,
      lostReason: opportunities.lostReason,
      ownerId: opportunities.ownerId,
      ownerName: users.name,
      deptName: departments.name,
      version: opportunities.version,
      createdAt: opportunities.createdAt,
      updatedAt: opportunities.updatedAt,
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .innerJoin(pipelines, eq(pipelines.id, opportunities.pipelineId))
    .innerJoin(pipelineStages, eq(pipelineStages.id, opportunities.stageId))
    .leftJoin(users, eq(users.id, opportunities.ownerId))
    .leftJoin(departments, eq(departments.id, opportunities.ownerDeptId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['where']>>[number];

/** A row as the API returns it: money as a 2-decimal string, the current stage's checklist progress. */
export function presentRow(r: ListRow) {
  const { stageChecklist, checklist, ...rest } = r;
  const done = stageChecklist.filter((i) => checklist[String(r.stageId)]?.[i.key]).length;
  return {
    ...rest,
    stageKind: r.stageKind as StageKind,
    status: r.status as OpportunityStatus,
    amount: toMoneyString(r.amount),
    probability: Number(r.probability),
    checklistDone: done,
    checklistTotal: stageChecklist.length,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const SORTS = {
  updatedAt: opportunities.updatedAt,
  createdAt: opportunities.createdAt,
  expectedCloseDate: opportunities.expectedCloseDate,
  amount: opportunities.amount,
  no: opportunities.no,
  name: opportunities.name,
} as const;

/** Capped count of opportunities matching the filters within scope. */
export async function countOpportunities(ctx: Ctx, f: OpportunityFilter) {
  return cappedCount(ctx.db, opportunities, await opportunityWhere(ctx, f));
}

/** The capped count of each list view the user has (我负责的 / 下属的 / 全部), under the other filters. */
export function countOpportunityViews(ctx: Ctx, f: OpportunityFilter) {
  return listViewCounts(ctx, 'opportunity.view', (view) => countOpportunities(ctx, { ...f, view }));
}

/** One page of the opportunity list (filter + sort), with a capped total. */
export async function listOpportunities(ctx: Ctx, q: OpportunityListQuery) {
  const where = await opportunityWhere(ctx, q);
  const [rows, count] = await Promise.all([
    listSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(SORTS[q.sort], q.order, opportunities.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    countOpportunities(ctx, q),
  ]);
  return pageResult(rows.map(presentRow), count, q);
}

/** Streams every opportunity matching the filters within export scope, in keyset batches. */
export async function* exportOpportunityRows(ctx: Ctx, f: OpportunityFilter, batch = 2000) {
  const where = await opportunityWhere(ctx, f, 'opportunity.export');
  const batchAfter = (after: number, limit: number) =>
    listSelect(ctx)
      .where(and(where, sql`${opportunities.id} > ${after}`))
      .orderBy(asc(opportunities.id))
      .limit(limit);
  for await (const rows of keysetBatches(batchAfter, batch)) yield rows.map(presentRow);
}
