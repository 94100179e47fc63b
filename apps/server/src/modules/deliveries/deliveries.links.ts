import { desc, eq, sql } from 'drizzle-orm';
import { registerLinkEdge, registerLinkedKind, scopeOrNone } from '../../platform/links/index.ts';
import { deliveryScope } from './deliveries.access.ts';
import { deliveries } from './deliveries.schema.ts';

// Delivery notes in the sales chain's links (issue 11 item 3), visible within the viewer's delivery scope.
registerLinkedKind({
  type: 'delivery',
  describe: async (ctx, ids) =>
    ctx.db
      .select({
        id: deliveries.id,
        no: deliveries.no,
        name: sql<string | null>`null`,
        status: deliveries.status,
        visible: sql<boolean>`${await scopeOrNone(deliveryScope(ctx))}`,
      })
      .from(deliveries)
      .where(sql`${deliveries.id} = any(${sql.param(ids)}::bigint[])`),
});

// A delivery note ships (part of) one order.
registerLinkEdge({
  from: 'order',
  to: 'delivery',
  followUps: async (db, id, limit) =>
    (
      await db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(eq(deliveries.orderId, id))
        .orderBy(desc(deliveries.id))
        .limit(limit)
    ).map((r) => r.id),
  sources: async (db, id) =>
    (await db.select({ id: deliveries.orderId }).from(deliveries).where(eq(deliveries.id, id))).map((r) => r.id),
});
