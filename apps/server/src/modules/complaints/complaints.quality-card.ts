import { asc, eq, or, sql } from 'drizzle-orm';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { deliveryLines, registerQualityCardSource } from '../deliveries/index.ts';
import { complaintAffected, complaints } from './complaints.schema.ts';

// Complaints about a batch on its quality tracking card: filed on a delivery that carried it, or
// reaching it as a quality incident.
registerQualityCardSource({
  kind: 'complaint',
  entries: async (ctx, batchId) => {
    const rows = await ctx.db
      .selectDistinct({
        id: complaints.id,
        no: complaints.no,
        createdAt: complaints.createdAt,
        status: complaints.status,
        customerName: customers.name,
        subject: complaints.subject,
      })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(
        or(
          sql`${complaints.deliveryId} in (select ${deliveryLines.deliveryId} from ${deliveryLines} where ${deliveryLines.batchId} = ${batchId})`,
          sql`${complaints.id} in (select ${complaintAffected.complaintId} from ${complaintAffected} where ${complaintAffected.batchId} = ${batchId})`,
        ),
      )
      .orderBy(asc(complaints.id));
    return rows.map((r) => ({
      kind: 'complaint',
      id: r.id,
      no: r.no,
      date: companyDate(r.createdAt),
      status: r.status,
      customerName: r.customerName,
      summary: r.subject,
    }));
  },
});
