import { and, desc, eq, sql } from 'drizzle-orm';
import { companyDay, registerRelatedSource, registerTimelineSource, relatedSelect } from '../customers/index.ts';
import { complaintScope } from './complaints.access.ts';
import { complaints } from './complaints.schema.ts';

// A customer's complaints on its timeline and in its 360 (issue 12 item 8), within the viewer's complaint scope.
registerTimelineSource({
  entityType: 'complaint',
  documents: async (ctx, customerId, limit) =>
    ctx.db
      .select({
        id: complaints.id,
        no: complaints.no,
        amount: complaints.compensationAmount,
        status: complaints.status,
      })
      .from(complaints)
      .where(and(eq(complaints.customerId, customerId), await complaintScope(ctx)))
      .orderBy(desc(complaints.id))
      .limit(limit),
});

registerRelatedSource({
  type: 'complaint',
  select: async (ctx, customerId) =>
    relatedSelect(
      complaints,
      { id: complaints.id, no: complaints.no, name: complaints.subject, status: complaints.status },
      complaints.compensationAmount,
      companyDay(complaints.createdAt),
      sql`${complaints.customerId} = ${customerId} and ${await complaintScope(ctx)}`,
    ),
});
