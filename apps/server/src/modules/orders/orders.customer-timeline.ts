import { and, desc, eq } from 'drizzle-orm';
import { registerTimelineSource } from '../customers/index.ts';
import { orderScope } from './orders.access.ts';
import { orders } from './orders.schema.ts';

// A customer's orders on its timeline (SPEC 2.4), within the viewer's order scope.
registerTimelineSource({
  entityType: 'order',
  documents: async (ctx, customerId, limit) =>
    ctx.db
      .select({ id: orders.id, no: orders.no, amount: orders.totalGross, status: orders.status })
      .from(orders)
      .where(and(eq(orders.customerId, customerId), await orderScope(ctx)))
      .orderBy(desc(orders.id))
      .limit(limit),
});
