import type { PaymentFilter, PaymentListQuery } from '@sales/core';
import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { cappedCount, likePattern, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { contracts } from '../contracts/index.ts';
import { customers } from '../customers/index.ts';
import { orders } from '../orders/index.ts';
import { findPaymentInScope, paymentScope } from './finance.access.ts';
import { payments } from './finance.schema.ts';
import { financeTimeline } from './finance.timeline.ts';
import { presentPayment } from './payments.service.ts';

async function paymentWhere(ctx: Ctx, f: PaymentFilter): Promise<SQL> {
  const parts: (SQL | undefined)[] = [await paymentScope(ctx)];
  if (f.status) parts.push(eq(payments.status, f.status));
  if (f.kind) parts.push(eq(payments.kind, f.kind));
  if (f.customerId) parts.push(eq(payments.customerId, f.customerId));
  if (f.orderId) parts.push(eq(payments.orderId, f.orderId));
  if (f.contractId) parts.push(eq(payments.contractId, f.contractId));
  if (f.from) parts.push(gte(payments.receivedDate, f.from));
  if (f.to) parts.push(lte(payments.receivedDate, f.to));
  if (f.keyword) {
    const kw = likePattern(f.keyword);
    parts.push(
      sql`(lower(${payments.no}) like ${kw} or lower(coalesce(${payments.receiptNo}, '')) like ${kw} or lower(coalesce(${payments.payerName}, '')) like ${kw}
        or ${payments.customerId} in (select ${customers.id} from ${customers} where lower(${customers.name}) like ${kw}))`,
    );
  }
  return and(...parts) as SQL;
}

const owner = alias(users, 'owner');
const confirmer = alias(users, 'confirmer');

function paymentSelect(ctx: Ctx) {
  return ctx.db
    .select({
      p: payments,
      customerName: customers.name,
      ownerName: owner.name,
      confirmedByName: confirmer.name,
      orderNo: orders.no,
      orderChannel: orders.channel,
      contractNo: contracts.no,
    })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .leftJoin(owner, eq(owner.id, payments.ownerId))
    .leftJoin(confirmer, eq(confirmer.id, payments.confirmedBy))
    .leftJoin(orders, eq(orders.id, payments.orderId))
    .leftJoin(contracts, eq(contracts.id, payments.contractId));
}

type Row = Awaited<ReturnType<ReturnType<typeof paymentSelect>['where']>>[number];
const present = ({ p, ...rest }: Row) => ({ ...presentPayment(p), ...rest });

/** Capped count of payments matching the filters within scope. */
export async function countPayments(ctx: Ctx, f: PaymentFilter) {
  return cappedCount(ctx.db, payments, await paymentWhere(ctx, f));
}

/** One page of payments, newest first, with a capped total. */
export async function listPayments(ctx: Ctx, q: PaymentListQuery) {
  const where = await paymentWhere(ctx, q);
  const [rows, count] = await Promise.all([
    paymentSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(payments.updatedAt, 'desc', payments.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    countPayments(ctx, q),
  ]);
  return pageResult(rows.map(present), count, q);
}

/** One payment with its customer, owner and document numbers (404 out of scope). */
export async function getPayment(ctx: Ctx, id: number) {
  const [row] = await paymentSelect(ctx).where(and(eq(payments.id, id), await paymentScope(ctx)));
  if (!row) throw new NotFoundError();
  return present(row);
}

/** The payment's audit history, newest first. */
export async function paymentTimeline(ctx: Ctx, id: number) {
  await findPaymentInScope(ctx, id);
  return financeTimeline(ctx, 'payment', id);
}
