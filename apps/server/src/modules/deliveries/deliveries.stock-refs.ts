import { inArray, sql } from 'drizzle-orm';
import { can } from '../../platform/permissions/principal.ts';
import { registerMovementRef } from '../stock/index.ts';
import { deliveryScope } from './deliveries.access.ts';
import { deliveries } from './deliveries.schema.ts';

// Stock movements of a shipment name their delivery note by its number, linked when the viewer may open it.
registerMovementRef('delivery', async (ctx, ids) => {
  if (!can(ctx.principal, 'delivery.view')) return new Map();
  const rows = await ctx.db
    .select({ id: deliveries.id, no: deliveries.no, visible: sql<boolean>`${await deliveryScope(ctx)}` })
    .from(deliveries)
    .where(inArray(deliveries.id, ids));
  return new Map(rows.map((r) => [r.id, { no: r.no, visible: r.visible }]));
});
