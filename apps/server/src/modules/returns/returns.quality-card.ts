import { asc, eq } from 'drizzle-orm';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { registerQualityCardSource } from '../deliveries/index.ts';
import { salesReturnLines, salesReturns } from './returns.schema.ts';

// Returns of a delivered batch on its quality tracking card (产品质量跟踪卡, SPEC 4.4), one row per return.
registerQualityCardSource({
  kind: 'sales_return',
  entries: async (ctx, batchId) =>
    (
      await ctx.db
        .selectDistinct({
          id: salesReturns.id,
          no: salesReturns.no,
          createdAt: salesReturns.createdAt,
          status: salesReturns.status,
          customerName: customers.name,
          description: salesReturns.description,
        })
        .from(salesReturnLines)
        .innerJoin(salesReturns, eq(salesReturns.id, salesReturnLines.returnId))
        .innerJoin(customers, eq(customers.id, salesReturns.customerId))
        .where(eq(salesReturnLines.batchId, batchId))
        .orderBy(asc(salesReturns.id))
    ).map((r) => ({
      kind: 'sales_return',
      id: r.id,
      no: r.no,
      date: companyDate(r.createdAt),
      status: r.status,
      customerName: r.customerName,
      summary: r.description,
    })),
});
