import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { ForbiddenError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { registerRelatedSource, registerTimelineSource, relatedSelect } from '../customers/index.ts';
import { registerMovementRef } from '../stock/index.ts';
import { returnScope } from './returns.access.ts';
import { salesReturns } from './returns.schema.ts';

// A customer's sales returns on its timeline (SPEC 2.4, issue 12 item 8), within the viewer's scope.
registerTimelineSource({
  entityType: 'sales_return',
  documents: async (ctx, customerId, limit) =>
    ctx.db
      .select({
        id: salesReturns.id,
        no: salesReturns.no,
        amount: salesReturns.totalAmount,
        status: salesReturns.status,
      })
      .from(salesReturns)
      .where(and(eq(salesReturns.customerId, customerId), await returnScope(ctx)))
      .orderBy(desc(salesReturns.id))
      .limit(limit),
});

// Stock movements of returned goods name their return, linked when the viewer may open it.
registerMovementRef('sales_return', async (ctx, ids) => {
  if (!can(ctx.principal, 'return.view')) return new Map();
  const rows = await ctx.db
    .select({ id: salesReturns.id, no: salesReturns.no, visible: sql<boolean>`${await returnScope(ctx)}` })
    .from(salesReturns)
    .where(inArray(salesReturns.id, ids));
  return new Map(rows.map((r) => [r.id, { no: r.no, visible: r.visible }]));
});

// A customer's sales returns in its 360 (issue 12 item 8), within the viewer's scope.
registerRelatedSource({
  type: 'sales_return',
  select: async (ctx, customerId) => {
    if (!can(ctx.principal, 'return.view')) throw new ForbiddenError();
    return relatedSelect(
      salesReturns,
      { id: salesReturns.id, no: salesReturns.no, name: sql`null::text`, status: salesReturns.status },
      salesReturns.totalAmount,
      sql`(${salesReturns.createdAt} at time zone 'Asia/Shanghai')::date`,
      sql`${salesReturns.customerId} = ${customerId} and ${await returnScope(ctx)}`,
    );
  },
});
