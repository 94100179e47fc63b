import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { customers, registerRelatedSource, registerTimelineSource, relatedSelect } from '../customers/index.ts';
import { deliveryLines, registerQualityCardSource } from '../deliveries/index.ts';
import { visitScope } from './return-visits.access.ts';
import { returnVisits } from './return-visits.schema.ts';

const visitNo = sql<string>`'HF' || ${returnVisits.id}::text`;

// A customer's return visits on its timeline and in its 360 (issue 12 item 8), within the viewer's visit scope.
registerTimelineSource({
  entityType: 'return_visit',
  documents: async (ctx, customerId, limit) =>
    ctx.db
      .select({ id: returnVisits.id, no: visitNo, amount: sql<string | null>`null`, status: returnVisits.status })
      .from(returnVisits)
      .where(and(eq(returnVisits.customerId, customerId), await visitScope(ctx)))
      .orderBy(desc(returnVisits.id))
      .limit(limit),
});

registerRelatedSource({
  type: 'return_visit',
  select: async (ctx, customerId) =>
    relatedSelect(
      returnVisits,
      { id: returnVisits.id, no: visitNo, name: returnVisits.subject, status: returnVisits.status },
      null,
      sql`coalesce((${returnVisits.doneAt} at time zone 'Asia/Shanghai')::date, ${returnVisits.dueDate})`,
      sql`${returnVisits.customerId} = ${customerId} and ${await visitScope(ctx)}`,
    ),
});

// Visits after a delivery that carried the batch, on its quality tracking card (with the score).
registerQualityCardSource({
  kind: 'return_visit',
  entries: async (ctx, batchId) =>
    (
      await ctx.db
        .select({
          id: returnVisits.id,
          no: visitNo,
          date: sql<string>`coalesce((${returnVisits.doneAt} at time zone 'Asia/Shanghai')::date, ${returnVisits.dueDate})::text`,
          status: returnVisits.status,
          customerName: customers.name,
          satisfaction: returnVisits.satisfaction,
          comments: returnVisits.comments,
        })
        .from(returnVisits)
        .innerJoin(customers, eq(customers.id, returnVisits.customerId))
        .where(
          sql`${returnVisits.deliveryId} in (select ${deliveryLines.deliveryId} from ${deliveryLines} where ${deliveryLines.batchId} = ${batchId})`,
        )
        .orderBy(asc(returnVisits.id))
    ).map((r) => ({
      kind: 'return_visit',
      id: r.id,
      no: r.no,
      date: r.date,
      status: r.status,
      customerName: r.customerName,
      summary: r.satisfaction === null ? r.comments : `${r.satisfaction}/5 ${r.comments ?? ''}`.trim(),
    })),
});
