import type { PromotionInput, PromotionListQuery, PromotionStageInput, StageEvaluationInput } from '@sales/core';
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors/errors.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { findPromotion, findStage, ownerScope } from './research.access.ts';
import { STAGE_DOC } from './research.approval.ts';
import { promotionStages, promotions } from './research.schema.ts';
import './research.messages.ts';

const ENTITY = 'promotion';
const datesInOrder = (a: { startDate: string; endDate: string }) => {
  if (a.endDate < a.startDate) throw ValidationError.field('endDate', 'research.dates_order');
};

/** Creates a promotion activity (the plan; its stages are added one by one). */
export async function createPromotion(ctx: Ctx, input: PromotionInput) {
  datesInOrder(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(promotions)
      .values({
        ...input,
        ownerId: ctx.principal.userId,
        ownerDeptId: ctx.principal.deptId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'name', old: null, new: row.name },
        { field: 'startDate', old: null, new: row.startDate },
        { field: 'endDate', old: null, new: row.endDate },
      ],
    });
    return row;
  });
}

/** Adds a stage (阶段性推广方案) with its own budget to a promotion in scope, as a draft. */
export async function addStage(ctx: Ctx, promotionId: number, input: PromotionStageInput) {
  datesInOrder(input);
  return ctx.db.transaction(async (tx) => {
    const p = await findPromotion(ctx, promotionId, tx, true);
    if (!can(ctx.principal, 'promotion.manage')) throw new ForbiddenError();
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${promotionStages.seq}), 0)::int + 1` })
      .from(promotionStages)
      .where(eq(promotionStages.promotionId, p.id));
    const [s] = await tx
      .insert(promotionStages)
      .values({ promotionId: p.id, seq: next, ...input, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    await tx
      .update(promotions)
      .set({ version: p.version + 1, updatedAt: ctx.now() })
      .where(eq(promotions.id, p.id));
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: p.id,
      action: 'add_stage',
      changes: [
        { field: 'stage', old: null, new: `${s.seq} ${s.name}` },
        { field: 'budget', old: null, new: s.budget },
      ],
    });
    return s;
  });
}

/** Submits a draft (or rejected) stage for approval through the approval engine. */
export async function submitStage(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const s = await findStage(ctx, id, tx, version);
    if (s.status !== 'draft' && s.status !== 'rejected') throw new ConflictError('research.stage_not_draft');
    await tx
      .update(promotionStages)
      .set({ status: 'pending', version: s.version + 1, updatedAt: ctx.now() })
      .where(eq(promotionStages.id, id));
    await recordAudit(tx, ctx, {
      entityType: STAGE_DOC,
      entityId: id,
      action: 'submit',
      changes: [{ field: 'status', old: s.status, new: 'pending' }],
    });
    return submitForApproval(tx, ctx, STAGE_DOC, id);
  });
}

/** Records the effect evaluation (推广活动的效果评估) of an approved stage: cost, leads, deals, revenue. */
export async function evaluateStage(ctx: Ctx, id: number, input: StageEvaluationInput) {
  if (input.deals > input.leads) throw ValidationError.field('deals', 'research.deals_over_leads');
  return ctx.db.transaction(async (tx) => {
    const s = await findStage(ctx, id, tx, input.version);
    if (s.status !== 'approved') throw new ConflictError('research.stage_not_approved');
    const { version: _v, ...figures } = input;
    await tx
      .update(promotionStages)
      .set({ ...figures, evaluatedAt: ctx.now(), version: s.version + 1, updatedAt: ctx.now() })
      .where(eq(promotionStages.id, id));
    await recordAudit(tx, ctx, {
      entityType: STAGE_DOC,
      entityId: id,
      action: 'evaluate',
      changes: (['cost', 'leads', 'deals', 'revenue'] as const).map((f) => ({ field: f, old: s[f], new: figures[f] })),
    });
  });
}

/**
 * The evaluation figures in SQL (exact numeric): per stage cost per lead = cost / leads, deal rate,
 * ROI = (revenue − cost) / cost; and the promotion's totals over its evaluated stages.
 */
const perLead = (cost: SQL, leads: SQL) => sql`round(${cost} / nullif(${leads}, 0), 2)::text`;
const dealRate = (deals: SQL, leads: SQL) => sql`round(100.0 * ${deals} / nullif(${leads}, 0), 1)::text`;
const roi = (revenue: SQL, cost: SQL) => sql`round(100 * (${revenue} - ${cost}) / nullif(${cost}, 0), 1)::text`;

async function stagesOf(ctx: Ctx, promotionId: number) {
  const rows = await ctx.db
    .select({
      s: promotionStages,
      costPerLead: perLead(sql`${promotionStages.cost}`, sql`${promotionStages.leads}`),
      dealRate: dealRate(sql`${promotionStages.deals}`, sql`${promotionStages.leads}`),
      roi: roi(sql`${promotionStages.revenue}`, sql`${promotionStages.cost}`),
    })
    .from(promotionStages)
    .where(eq(promotionStages.promotionId, promotionId))
    .orderBy(asc(promotionStages.seq));
  return rows.map(({ s, ...f }) => ({
    ...s,
    ...f,
    evaluatedAt: s.evaluatedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  }));
}

/** The promotion's totals in SQL: budget over all stages; effect over evaluated stages. */
export async function promotionTotals(db: Ctx['db'], promotionId: number) {
  const ev = sql`${promotionStages.evaluatedAt} is not null`;
  const cost = sql`coalesce(sum(${promotionStages.cost}) filter (where ${ev}), 0)`;
  const leads = sql`coalesce(sum(${promotionStages.leads}) filter (where ${ev}), 0)`;
  const deals = sql`coalesce(sum(${promotionStages.deals}) filter (where ${ev}), 0)`;
  const revenue = sql`coalesce(sum(${promotionStages.revenue}) filter (where ${ev}), 0)`;
  const [t] = await db
    .select({
      budget: sql<string>`coalesce(sum(${promotionStages.budget}), 0)::numeric(18,2)::text`,
      approvedBudget: sql<string>`coalesce(sum(${promotionStages.budget}) filter (where ${promotionStages.status} = 'approved'), 0)::numeric(18,2)::text`,
      cost: sql<string>`${cost}::numeric(18,2)::text`,
      leads: sql<number>`${leads}::int`,
      deals: sql<number>`${deals}::int`,
      revenue: sql<string>`${revenue}::numeric(18,2)::text`,
      costPerLead: sql<string | null>`${perLead(cost, leads)}`,
      dealRate: sql<string | null>`${dealRate(deals, leads)}`,
      roi: sql<string | null>`${roi(revenue, cost)}`,
      evaluatedStages: sql<number>`count(*) filter (where ${ev})::int`,
    })
    .from(promotionStages)
    .where(eq(promotionStages.promotionId, promotionId));
  return t;
}

/** One promotion in scope with its stages, their approval states and evaluation, and the totals. */
export async function getPromotion(ctx: Ctx, id: number) {
  const p = await findPromotion(ctx, id);
  const [[owner], stages, totals] = await Promise.all([
    ctx.db.select({ name: users.name }).from(users).where(eq(users.id, p.ownerId)),
    stagesOf(ctx, id),
    promotionTotals(ctx.db, id),
  ]);
  return {
    ...p,
    ownerName: owner?.name ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    stages,
    totals,
    canManage: can(ctx.principal, 'promotion.manage'),
  };
}

/** Promotions in scope, latest change first, with stage counts and budget (in SQL). */
export async function listPromotions(ctx: Ctx, q: PromotionListQuery) {
  const where = (await ownerScope(ctx, 'promotion.view', promotions.ownerId, promotions.ownerDeptId)) as SQL;
  const stage = (expr: SQL) => sql`(select ${expr} from ${promotionStages} s where s.promotion_id = ${promotions.id})`;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        p: promotions,
        ownerName: users.name,
        stages: sql<number>`${stage(sql`count(*)::int`)}`,
        approvedStages: sql<number>`${stage(sql`(count(*) filter (where s.status = 'approved'))::int`)}`,
        pendingStages: sql<number>`${stage(sql`(count(*) filter (where s.status = 'pending'))::int`)}`,
        budget: sql<string>`${stage(sql`coalesce(sum(s.budget), 0)::numeric(18,2)::text`)}`,
      })
      .from(promotions)
      .innerJoin(users, eq(users.id, promotions.ownerId))
      .where(where)
      .orderBy(...pageOrder(promotions.updatedAt, 'desc', promotions.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, promotions, where),
  ]);
  return pageResult(
    rows.map(({ p, ...rest }) => ({
      ...p,
      ...rest,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    })),
    count,
    q,
  );
}
