import { and, desc, eq, sql } from 'drizzle-orm';
import { registerLinkEdge, registerLinkedKind, scopeOrNone } from '../../platform/links/index.ts';
import { quoteScope } from './quotes.access.ts';
import { quotes } from './quotes.schema.ts';

// Quotes in the sales chain's links (issue 11 item 3), visible within the viewer's quote scope.
registerLinkedKind({
  type: 'quote',
  describe: async (ctx, ids) =>
    ctx.db
      .select({
        id: quotes.id,
        no: quotes.no,
        name: quotes.title,
        status: quotes.status,
        visible: sql<boolean>`${await scopeOrNone(quoteScope(ctx))}`,
      })
      .from(quotes)
      .where(sql`${quotes.id} = any(${sql.param(ids)}::bigint[])`),
});

// A quote made for an opportunity (its current revision on the opportunity's side).
registerLinkEdge({
  from: 'opportunity',
  to: 'quote',
  followUps: async (db, id, limit) =>
    (
      await db
        .select({ id: quotes.id })
        .from(quotes)
        .where(and(eq(quotes.opportunityId, id), eq(quotes.isLatest, true)))
        .orderBy(desc(quotes.id))
        .limit(limit)
    ).map((r) => r.id),
  sources: async (db, id) =>
    (await db.select({ id: quotes.opportunityId }).from(quotes).where(eq(quotes.id, id))).flatMap((r) =>
      r.id === null ? [] : [r.id],
    ),
});
