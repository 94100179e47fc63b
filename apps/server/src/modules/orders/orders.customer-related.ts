import { sql } from 'drizzle-orm';
import { companyDay, registerRelatedSource, relatedSelect } from '../customers/index.ts';
import { orderScope } from './orders.access.ts';
import { orders } from './orders.schema.ts';

// A customer's orders in its 360 (issue 11 item 3), within the viewer's order scope.
registerRelatedSource({
  type: 'order',
  select: async (ctx, customerId) =>
    relatedSelect(
      orders,
      { id: orders.id, no: orders.no, name: sql`null::text`, status: orders.status },
      orders.totalGross,
      companyDay(orders.createdAt),
      sql`${orders.customerId} = ${customerId} and ${await orderScope(ctx)}`,
    ),
});
