import { desc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { type LinkedType, registerLinkEdge, registerLinkedKind, scopeOrNone } from '../../platform/links/index.ts';
import { orderScope } from './orders.access.ts';
import { orders } from './orders.schema.ts';

// Orders in the sales chain's links (issue 11 item 3), visible within the viewer's order scope.
registerLinkedKind({
  type: 'order',
  describe: async (ctx, ids) =>
    ctx.db
      .select({
        id: orders.id,
        no: orders.no,
        name: sql<string | null>`null`,
        status: orders.status,
        visible: sql<boolean>`${await scopeOrNone(orderScope(ctx))}`,
      })
      .from(orders)
      .where(sql`${orders.id} = any(${sql.param(ids)}::bigint[])`),
});

/** Orders made from a quote (converted) or a contract (ordered against it), by their reference column. */
function orderEdge(from: LinkedType, ref: AnyPgColumn) {
  registerLinkEdge({
    from,
    to: 'order',
    followUps: async (db: DbOrTx, id, limit) =>
      (await db.select({ id: orders.id }).from(orders).where(eq(ref, id)).orderBy(desc(orders.id)).limit(limit)).map(
        (r) => r.id,
      ),
    sources: async (db: DbOrTx, id) =>
      (
        await db
          .select({ id: sql<number | null>`${ref}` })
          .from(orders)
          .where(eq(orders.id, id))
      ).flatMap((r) => (r.id === null ? [] : [Number(r.id)])),
  });
}
orderEdge('quote', orders.quoteId);
orderEdge('contract', orders.contractId);
