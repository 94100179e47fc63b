import type { CompetitorInput, CompetitorListQuery, CompetitorUpdate } from '@sales/core';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { cappedCount, likePattern, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { opportunities, opportunityScope } from '../opportunities/index.ts';
import { competitorLostOpportunities, competitorMoves, competitorOffers, competitors } from './research.schema.ts';
import './research.messages.ts';

const ENTITY = 'competitor';

async function findCompetitor(db: Ctx['db'] | Tx, id: number, version?: number) {
  const q = db.select().from(competitors).where(eq(competitors.id, id));
  const [row] = version !== undefined ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  if (version !== undefined && row.version !== version) throw new StaleVersionError();
  return row;
}

async function writeOffers(tx: Tx, competitorId: number, offers: CompetitorInput['offers']) {
  await tx.delete(competitorOffers).where(eq(competitorOffers.competitorId, competitorId));
  if (offers.length) await tx.insert(competitorOffers).values(offers.map((o) => ({ competitorId, ...o })));
}

const nameTaken = (name: string) => ValidationError.field('name', 'research.competitor_exists', { name });

/** Records a competitor with its products, prices and service level (company-wide intelligence). */
export async function createCompetitor(ctx: Ctx, input: CompetitorInput) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(competitors)
      .values({
        name: input.name,
        products: input.products,
        serviceLevel: input.serviceLevel,
        note: input.note,
        createdBy: ctx.principal.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw nameTaken(input.name);
    await writeOffers(tx, row.id, input.offers);
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'name', old: null, new: row.name },
        { field: 'serviceLevel', old: null, new: row.serviceLevel },
        { field: 'offers', old: null, new: input.offers.length },
      ],
    });
    return row;
  });
}

/** Edits a competitor and replaces its price list. */
export async function updateCompetitor(ctx: Ctx, id: number, input: CompetitorUpdate) {
  return ctx.db.transaction(async (tx) => {
    const c = await findCompetitor(tx, id, input.version);
    const [dup] = await tx
      .select({ id: competitors.id })
      .from(competitors)
      .where(and(eq(competitors.name, input.name), sql`${competitors.id} <> ${id}`));
    if (dup) throw nameTaken(input.name);
    await tx
      .update(competitors)
      .set({
        name: input.name,
        products: input.products,
        serviceLevel: input.serviceLevel,
        note: input.note,
        version: c.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(competitors.id, id));
    await writeOffers(tx, id, input.offers);
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'update',
      changes: [
        ...(['name', 'products', 'serviceLevel', 'note'] as const)
          .filter((f) => (c[f] ?? null) !== (input[f] ?? null))
          .map((f) => ({ field: f, old: c[f], new: input[f] })),
        { field: 'offers', old: null, new: input.offers.length },
      ],
    });
  });
}

/** Records an observed move of a competitor (竞争动态), dated. */
export async function addCompetitorMove(ctx: Ctx, id: number, input: { movedOn: string; description: string }) {
  return ctx.db.transaction(async (tx) => {
    const c = await findCompetitor(tx, id);
    const [m] = await tx
      .insert(competitorMoves)
      .values({ competitorId: c.id, ...input, recordedBy: ctx.principal.userId })
      .returning();
    await tx.update(competitors).set({ updatedAt: ctx.now() }).where(eq(competitors.id, id));
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'move',
      changes: [{ field: 'move', old: null, new: `${input.movedOn} ${input.description}` }],
    });
    return m;
  });
}

/** Links a lost opportunity in the user's scope to the competitor it was lost to (idempotent). */
export async function linkLostOpportunity(ctx: Ctx, id: number, opportunityId: number) {
  return ctx.db.transaction(async (tx) => {
    await findCompetitor(tx, id);
    const [opp] = await tx
      .select({ id: opportunities.id, status: opportunities.status })
      .from(opportunities)
      .where(and(eq(opportunities.id, opportunityId), await opportunityScope(ctx)));
    if (!opp) throw new NotFoundError();
    if (opp.status !== 'lost') throw ValidationError.field('opportunityId', 'research.opportunity_not_lost');
    const linked = await tx
      .insert(competitorLostOpportunities)
      .values({ competitorId: id, opportunityId, linkedBy: ctx.principal.userId })
      .onConflictDoNothing()
      .returning();
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'link_lost',
      changes: [{ field: 'lostOpportunity', old: null, new: opportunityId }],
    });
    return { linked: linked.length === 1 };
  });
}

/**
 * Competitors, latest change first, with how many lost opportunities of the viewer's scope each
 * is linked to (counted in SQL; a viewer without opportunity.view sees none).
 */
export async function listCompetitors(ctx: Ctx, q: CompetitorListQuery) {
  const where: SQL | undefined = q.keyword ? sql`lower(${competitors.name}) like ${likePattern(q.keyword)}` : undefined;
  const oppScope = can(ctx.principal, 'opportunity.view') ? await opportunityScope(ctx) : sql`false`;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        c: competitors,
        lostCount: sql<number>`(select count(*)::int from ${competitorLostOpportunities} l
          join ${opportunities} on ${opportunities.id} = l.opportunity_id
          where l.competitor_id = ${competitors.id} and ${oppScope})`,
        lastMoveOn: sql<
          string | null
        >`(select max(m.moved_on)::text from ${competitorMoves} m where m.competitor_id = ${competitors.id})`,
      })
      .from(competitors)
      .where(where)
      .orderBy(...pageOrder(competitors.updatedAt, 'desc', competitors.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, competitors, where),
  ]);
  return pageResult(
    rows.map(({ c, ...rest }) => ({
      ...c,
      ...rest,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    })),
    count,
    q,
  );
}

/** One competitor: prices, moves (latest first) and the lost opportunities of the viewer's scope. */
export async function getCompetitor(ctx: Ctx, id: number) {
  const c = await findCompetitor(ctx.db, id);
  const offers = await ctx.db
    .select({ product: competitorOffers.product, price: competitorOffers.price })
    .from(competitorOffers)
    .where(eq(competitorOffers.competitorId, id))
    .orderBy(asc(competitorOffers.id));
  const moves = await ctx.db
    .select({
      id: competitorMoves.id,
      movedOn: competitorMoves.movedOn,
      description: competitorMoves.description,
      recordedByName: users.name,
    })
    .from(competitorMoves)
    .leftJoin(users, eq(users.id, competitorMoves.recordedBy))
    .where(eq(competitorMoves.competitorId, id))
    .orderBy(desc(competitorMoves.movedOn), desc(competitorMoves.id))
    .limit(200);
  const seesOpps = can(ctx.principal, 'opportunity.view');
  const scoped = seesOpps ? await opportunityScope(ctx) : sql`false`;
  const linkedInScope = and(eq(competitorLostOpportunities.competitorId, id), scoped);
  const lost = await ctx.db
    .select({
      id: opportunities.id,
      no: opportunities.no,
      name: opportunities.name,
      amount: opportunities.amount,
      closedOn: opportunities.closedOn,
      lostReason: opportunities.lostReason,
      ownerName: users.name,
    })
    .from(competitorLostOpportunities)
    .innerJoin(opportunities, eq(opportunities.id, competitorLostOpportunities.opportunityId))
    .innerJoin(users, eq(users.id, opportunities.ownerId))
    .where(linkedInScope)
    .orderBy(desc(opportunities.closedOn), desc(opportunities.id))
    .limit(200);
  // The total lost to this competitor, in SQL (exact decimal), over the viewer's scope only.
  const [{ lostAmount }] = await ctx.db
    .select({ lostAmount: sql<string>`coalesce(sum(${opportunities.amount}), 0)::numeric(18,2)::text` })
    .from(competitorLostOpportunities)
    .innerJoin(opportunities, eq(opportunities.id, competitorLostOpportunities.opportunityId))
    .where(linkedInScope);
  return {
    ...c,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    offers,
    moves,
    lostOpportunities: lost,
    lostAmount,
  };
}
