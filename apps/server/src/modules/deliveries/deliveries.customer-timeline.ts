import { and, desc, eq, sql } from 'drizzle-orm';
import { registerTimelineSource } from '../customers/index.ts';
import { deliveryScope } from './deliveries.access.ts';
import { deliveries } from './deliveries.schema.ts';

// A customer's delivery notes on its timeline (SPEC 2.4), within the viewer's delivery scope.
registerTimelineSource({
  entityType: 'delivery',
  documents: async (ctx, customerId, limit) =>
    ctx.db
      .select({ id: deliveries.id, no: deliveries.no, amount: sql<string | null>`null`, status: deliveries.status })
      .from(deliveries)
      .where(and(eq(deliveries.customerId, customerId), await deliveryScope(ctx)))
      .orderBy(desc(deliveries.id))
      .limit(limit),
});
