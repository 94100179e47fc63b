import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { registerLinkEdge, registerLinkedKind, scopeOrNone } from '../../platform/links/index.ts';
import { opportunityProposals } from '../opportunities/index.ts';
import { contractScope } from './contracts.access.ts';
import { contracts } from './contracts.schema.ts';

// Contracts in the sales chain's links (issue 11 item 3), visible within the viewer's contract scope.
registerLinkedKind({
  type: 'contract',
  describe: async (ctx, ids) =>
    ctx.db
      .select({
        id: contracts.id,
        no: contracts.no,
        name: contracts.title,
        status: contracts.status,
        visible: sql<boolean>`${await scopeOrNone(contractScope(ctx))}`,
      })
      .from(contracts)
      .where(sql`${contracts.id} = any(${sql.param(ids)}::bigint[])`),
});

// A contract converted from an accepted quote.
registerLinkEdge({
  from: 'quote',
  to: 'contract',
  followUps: async (db, id, limit) =>
    (
      await db
        .select({ id: contracts.id })
        .from(contracts)
        .where(eq(contracts.quoteId, id))
        .orderBy(desc(contracts.id))
        .limit(limit)
    ).map((r) => r.id),
  sources: async (db, id) =>
    (await db.select({ id: contracts.quoteId }).from(contracts).where(eq(contracts.id, id))).flatMap((r) =>
      r.id === null ? [] : [r.id],
    ),
});

// A contract drafted from a proposal of an opportunity (SPEC 3.1).
registerLinkEdge({
  from: 'opportunity',
  to: 'contract',
  followUps: async (db, id, limit) =>
    (
      await db
        .select({ id: contracts.id })
        .from(contracts)
        .where(
          sql`${contracts.proposalId} in (select ${opportunityProposals.id} from ${opportunityProposals}
            where ${opportunityProposals.opportunityId} = ${id} and ${opportunityProposals.deletedAt} is null)`,
        )
        .orderBy(desc(contracts.id))
        .limit(limit)
    ).map((r) => r.id),
  sources: async (db, id) =>
    (
      await db
        .select({ id: opportunityProposals.opportunityId })
        .from(contracts)
        .innerJoin(opportunityProposals, eq(opportunityProposals.id, contracts.proposalId))
        .where(and(eq(contracts.id, id), isNull(opportunityProposals.deletedAt)))
    ).map((r) => r.id),
});
