import { sql } from 'drizzle-orm';
import { companyDay, registerRelatedSource, relatedSelect } from '../customers/index.ts';
import { deliveryScope } from './deliveries.access.ts';
import { deliveries } from './deliveries.schema.ts';

// A customer's delivery notes in its 360 (issue 11 item 3), within the viewer's delivery scope;
// dated by shipping, else the planned date, else creation.
registerRelatedSource({
  type: 'delivery',
  select: async (ctx, customerId) =>
    relatedSelect(
      deliveries,
      { id: deliveries.id, no: deliveries.no, name: sql`null::text`, status: deliveries.status },
      null,
      sql`coalesce(${companyDay(deliveries.shippedAt)}, ${deliveries.plannedDate}, ${companyDay(deliveries.createdAt)})`,
      sql`${deliveries.customerId} = ${customerId} and ${await deliveryScope(ctx)}`,
    ),
});
