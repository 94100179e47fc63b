import type { InvoiceFilter, InvoiceListQuery } from '@sales/core';
import { and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { cappedCount, likePattern, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { contracts } from '../contracts/index.ts';
import { customers } from '../customers/index.ts';
import { orders } from '../orders/index.ts';
import { findInvoiceInScope, invoiceScope } from './finance.access.ts';
import { invoiceLines, invoices } from './finance.schema.ts';
import { financeTimeline } from './finance.timeline.ts';
import { presentInvoice } from './invoices.service.ts';
import { receivableInvoices } from './receivables.schema.ts';

async function invoiceWhere(ctx: Ctx, f: InvoiceFilter): Promise<SQL> {
  const parts: (SQL | undefined)[] = [await invoiceScope(ctx)];
  if (f.status) parts.push(eq(invoices.status, f.status));
  if (f.customerId) parts.push(eq(invoices.customerId, f.customerId));
  if (f.orderId) parts.push(eq(invoices.orderId, f.orderId));
  if (f.contractId) parts.push(eq(invoices.contractId, f.contractId));
  if (f.from) parts.push(gte(invoices.issueDate, f.from));
  if (f.to) parts.push(lte(invoices.issueDate, f.to));
  if (f.keyword) {
    const kw = likePattern(f.keyword);
    parts.push(
      sql`(lower(${invoices.no}) like ${kw} or lower(${invoices.externalNo}) like ${kw} or lower(${invoices.buyerName}) like ${kw})`,
    );
  }
  return and(...parts) as SQL;
}

const owner = alias(users, 'owner');

function invoiceSelect(ctx: Ctx) {
  return ctx.db
    .select({
      i: invoices,
      customerName: customers.name,
      ownerName: owner.name,
      orderNo: orders.no,
      contractNo: contracts.no,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(owner, eq(owner.id, invoices.ownerId))
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .leftJoin(contracts, eq(contracts.id, invoices.contractId));
}

type Row = Awaited<ReturnType<ReturnType<typeof invoiceSelect>['where']>>[number];
const present = ({ i, ...rest }: Row) => ({ ...presentInvoice(i), ...rest });

/** Capped count of invoices matching the filters within scope. */
export async function countInvoices(ctx: Ctx, f: InvoiceFilter) {
  return cappedCount(ctx.db, invoices, await invoiceWhere(ctx, f));
}

/** One page of invoices, newest first, with a capped total. */
export async function listInvoices(ctx: Ctx, q: InvoiceListQuery) {
  const where = await invoiceWhere(ctx, q);
  const [rows, count] = await Promise.all([
    invoiceSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(invoices.updatedAt, 'desc', invoices.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    countInvoices(ctx, q),
  ]);
  return pageResult(rows.map(present), count, q);
}

/**
 * One invoice with its lines, the invoice it replaces / that replaced it, and — while issued — its
 * open balance from the maintained receivables (ADR 0003: applied credits, outstanding, days past
 * due in the company's time zone), for collection (催收, issue 11 item 3). 404 out of scope.
 */
export async function getInvoice(ctx: Ctx, id: number) {
  const [row] = await invoiceSelect(ctx).where(and(eq(invoices.id, id), await invoiceScope(ctx)));
  if (!row) throw new NotFoundError();
  const today = companyDate(ctx.now());
  const [lines, [replacedBy], [balance]] = await Promise.all([
    ctx.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id)).orderBy(asc(invoiceLines.lineNo)),
    ctx.db.select({ id: invoices.id, no: invoices.no }).from(invoices).where(eq(invoices.replacesInvoiceId, id)),
    ctx.db
      .select({
        applied: receivableInvoices.applied,
        outstanding: receivableInvoices.outstanding,
        daysOverdue: sql<number>`greatest(0, ${today}::date - ${receivableInvoices.dueDate})::int`,
      })
      .from(receivableInvoices)
      .where(eq(receivableInvoices.invoiceId, id)),
  ]);
  return { ...present(row), lines, replacedBy: replacedBy ?? null, balance: balance ?? null };
}

/** The invoice's audit history, newest first. */
export async function invoiceTimeline(ctx: Ctx, id: number) {
  await findInvoiceInScope(ctx, id);
  return financeTimeline(ctx, 'invoice', id);
}
