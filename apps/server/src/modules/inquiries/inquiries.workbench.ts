import { and, asc, eq, sql } from 'drizzle-orm';
import { registerWorkItemSource } from '../workbench/index.ts';
import { inquiries } from './inquiries.schema.ts';

// SPEC 2.9 / issue 13 item 6: the handler's inquiries waiting for an answer, the online ones
// (reply clock) first by due time, then the rest by when they came in.
registerWorkItemSource({
  key: 'inquiries.toAnswer',
  group: 'action',
  permission: 'inquiry.handle',
  listLink: '/inquiries?status=open',
  link: (r) => `/inquiries/${r.id}`,
  read: async (ctx, q) =>
    ctx.db
      .select({
        id: inquiries.id,
        no: sql<string | null>`null`,
        title: sql<string>`coalesce(${inquiries.company} || ' ' || ${inquiries.contactName}, ${inquiries.contactName})`,
        date: sql<string | null>`(${inquiries.receivedAt} at time zone 'Asia/Shanghai')::date::text`,
        amount: sql<string | null>`null`,
        state: inquiries.channel,
      })
      .from(inquiries)
      .where(and(eq(inquiries.handlerId, ctx.principal.userId), eq(inquiries.status, 'open')))
      .orderBy(sql`${inquiries.replyDueAt} asc nulls last`, asc(inquiries.receivedAt), asc(inquiries.id))
      .limit(q.limit),
});
