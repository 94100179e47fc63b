import type { QuoteFilter, QuoteListQuery, QuoteStatus } from '@sales/core';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import {
  cappedCount,
  keysetBatches,
  likePattern,
  listViewCounts,
  listViewWhere,
  pageOffset,
  pageOrder,
  pageResult,
} from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { quoteScope } from './quotes.access.ts';
import { quotes } from './quotes.schema.ts';

/** WHERE for the list filters, always combined with the user's data scope for `permission`. */
export async function quoteWhere(
  ctx: Ctx,
  f: QuoteFilter,
  permission: 'quote.view' | 'quote.export' = 'quote.view',
): Promise<SQL> {
  const parts: (SQL | undefined)[] = [await quoteScope(ctx, permission)];
  if (f.allVersions !== 'true') parts.push(eq(quotes.isLatest, true));
  if (f.status) parts.push(eq(quotes.status, f.status));
  if (f.customerId) parts.push(eq(quotes.customerId, f.customerId));
  parts.push(await listViewWhere(ctx, 'quote.view', f.view, quotes.ownerId, quotes.ownerDeptId));
  if (f.ownerId) parts.push(eq(quotes.ownerId, f.ownerId));
  if (f.keyword) {
    const kw = likePattern(f.keyword);
    // Number and title on the quote (trigram index); customer names through the customers'
    // trigram index, matched on the name alone.
    parts.push(
      sql`(${quotes.searchText} like ${kw} or ${quotes.customerId} in (select ${customers.id} from ${customers} where ${customers.searchText} like ${kw} and lower(${customers.name}) like ${kw} and ${customers.deletedAt} is null))`,
    );
  }
  return and(...parts) as SQL;
}

function listSelect(ctx: Ctx) {
  return ctx.db
    .select({
      id: quotes.id,
      no: quotes.no,
      revision: quotes.revision,
      title: quotes.title,
      customerId: quotes.customerId,
      customerName: customers.name,
      status: quotes.status,
      validUntil: quotes.validUntil,
      totalNet: quotes.totalNet,
      totalTax: quotes.totalTax,
      totalGross: quotes.totalGross,
      approvalReasons: quotes.approvalReasons,
      isLatest: quotes.isLatest,
      ownerId: quotes.ownerId,
      ownerName: users.name,
      deptName: departments.name,
      version: quotes.version,
      createdAt: quotes.createdAt,
      updatedAt: quotes.updatedAt,
    })
    .from(quotes)
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .leftJoin(users, eq(users.id, quotes.ownerId))
    .leftJoin(departments, eq(departments.id, quotes.ownerDeptId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['where']>>[number];

function presentRow(r: ListRow) {
  return {
    ...r,
    status: r.status as QuoteStatus,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const SORTS = {
  updatedAt: quotes.updatedAt,
  createdAt: quotes.createdAt,
  validUntil: quotes.validUntil,
  totalGross: quotes.totalGross,
  no: quotes.no,
} as const;

/** Capped count of quotes matching the filters within scope. */
export async function countQuotes(ctx: Ctx, f: QuoteFilter) {
  return cappedCount(ctx.db, quotes, await quoteWhere(ctx, f));
}

/** The capped count of each list view the user has (我负责的 / 下属的 / 全部), under the other filters. */
export function countQuoteViews(ctx: Ctx, f: QuoteFilter) {
  return listViewCounts(ctx, 'quote.view', (view) => countQuotes(ctx, { ...f, view }));
}

/** One page of the quote list (filter + sort), with a capped total. */
export async function listQuotes(ctx: Ctx, q: QuoteListQuery) {
  const where = await quoteWhere(ctx, q);
  const [rows, count] = await Promise.all([
    listSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(SORTS[q.sort], q.order, quotes.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    countQuotes(ctx, q),
  ]);
  return pageResult(rows.map(presentRow), count, q);
}

/** Streams every quote matching the filters within export scope, in keyset batches. */
export async function* exportQuoteRows(ctx: Ctx, f: QuoteFilter, batch = 2000) {
  const where = await quoteWhere(ctx, f, 'quote.export');
  const batchAfter = (after: number, limit: number) =>
    listSelect(ctx)
      .where(and(where, sql`${quotes.id} > ${after}`))
      .orderBy(asc(quotes.id))
      .limit(limit);
  for await (const rows of keysetBatches(batchAfter, batch)) yield rows.map(presentRow);
}
