import { asc, eq } from 'drizzle-orm';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { registerQualityCardSource } from '../deliveries/index.ts';
import { serviceTickets } from './service.schema.ts';

// Service tickets about a delivered batch/serial on its quality tracking card (产品质量跟踪卡).
registerQualityCardSource({
  kind: 'service_ticket',
  entries: async (ctx, batchId) =>
    (
      await ctx.db
        .select({
          id: serviceTickets.id,
          no: serviceTickets.no,
          createdAt: serviceTickets.createdAt,
          status: serviceTickets.status,
          customerName: customers.name,
          subject: serviceTickets.subject,
        })
        .from(serviceTickets)
        .innerJoin(customers, eq(customers.id, serviceTickets.customerId))
        .where(eq(serviceTickets.batchId, batchId))
        .orderBy(asc(serviceTickets.id))
    ).map((r) => ({
      kind: 'service_ticket',
      id: r.id,
      no: r.no,
      date: companyDate(r.createdAt),
      status: r.status,
      customerName: r.customerName,
      summary: r.subject,
    })),
});
