import type { InquiryListQuery } from '@sales/core';
import { and, asc, eq, ilike, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { products } from '../products/products.schema.ts';
import { findInquiryInScope, inquiryScope, presaleScope } from './inquiries.access.ts';
import { inquiries, inquiryProducts, presaleRequests } from './inquiries.schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const handler = alias(users, 'handler');

/** Past the reply time at `now`: answered late, or still waiting after the due time. */
export function overdueWhere(now: Date): SQL {
  return or(
    isNotNull(inquiries.replyBreachedAt),
    sql`(${inquiries.answeredAt} is null and ${inquiries.replyDueAt} < ${now})`,
  ) as SQL;
}

function present(ctx: Ctx, r: { q: typeof inquiries.$inferSelect; handlerName: string }) {
  const { q } = r;
  const now = ctx.now();
  return {
    id: q.id,
    channel: q.channel,
    contactName: q.contactName,
    company: q.company,
    mobile: q.mobile,
    email: q.email,
    topic: q.topic,
    question: q.question,
    answer: q.answer,
    status: q.status,
    handlerId: q.handlerId,
    handlerName: r.handlerName,
    receivedAt: q.receivedAt.toISOString(),
    replyDueAt: iso(q.replyDueAt),
    answeredAt: iso(q.answeredAt),
    overdue: !!q.replyBreachedAt || (!q.answeredAt && !!q.replyDueAt && q.replyDueAt < now),
    customerId: q.customerId,
    opportunityId: q.opportunityId,
    convertedAt: iso(q.convertedAt),
    version: q.version,
  };
}

/** Inquiries in scope, newest first; filters: channel, status, overdue, handler, keyword. */
export async function listInquiries(ctx: Ctx, q: InquiryListQuery) {
  const parts: SQL[] = [await inquiryScope(ctx)];
  if (q.channel) parts.push(eq(inquiries.channel, q.channel));
  if (q.status) parts.push(eq(inquiries.status, q.status));
  if (q.handlerId) parts.push(eq(inquiries.handlerId, q.handlerId));
  if (q.overdue === 'true') parts.push(overdueWhere(ctx.now()));
  if (q.keyword) {
    const k = `%${q.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(or(ilike(inquiries.contactName, k), ilike(inquiries.company, k), ilike(inquiries.question, k)) as SQL);
  }
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({ q: inquiries, handlerName: handler.name })
      .from(inquiries)
      .innerJoin(handler, eq(handler.id, inquiries.handlerId))
      .where(where)
      .orderBy(...pageOrder(inquiries.receivedAt, 'desc', inquiries.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, inquiries, where),
  ]);
  return pageResult(
    rows.map((r) => present(ctx, r)),
    count,
    q,
  );
}

/** One inquiry in scope with its products, pre-sale requests and what the viewer may do. */
export async function getInquiry(ctx: Ctx, id: number) {
  await findInquiryInScope(ctx, id);
  const [[row], prods, requests] = await Promise.all([
    ctx.db
      .select({ q: inquiries, handlerName: handler.name })
      .from(inquiries)
      .innerJoin(handler, eq(handler.id, inquiries.handlerId))
      .where(eq(inquiries.id, id)),
    ctx.db
      .select({ id: products.id, code: products.code, name: products.name })
      .from(inquiryProducts)
      .innerJoin(products, eq(products.id, inquiryProducts.productId))
      .where(eq(inquiryProducts.inquiryId, id))
      .orderBy(asc(products.code)),
    ctx.db
      .select({
        id: presaleRequests.id,
        kind: presaleRequests.kind,
        detail: presaleRequests.detail,
        status: presaleRequests.status,
      })
      .from(presaleRequests)
      .where(and(eq(presaleRequests.inquiryId, id), await presaleScope(ctx)))
      .orderBy(asc(presaleRequests.id))
      .limit(50),
  ]);
  const canHandle =
    can(ctx.principal, 'inquiry.handle') &&
    (await findInquiryInScope(ctx, id, 'inquiry.handle').then(
      () => true,
      () => false,
    ));
  return { ...present(ctx, row), products: prods, presaleRequests: requests, canHandle };
}
