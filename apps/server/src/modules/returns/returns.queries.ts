import type { ReturnListQuery } from '@sales/core';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { WorkCalendar } from '../../platform/calendar/work-calendar.ts';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { customers } from '../customers/index.ts';
import { deliveries } from '../deliveries/index.ts';
import { invoiceScope, invoices } from '../finance/index.ts';
import { orders } from '../orders/index.ts';
import { products } from '../products/products.schema.ts';
import { batchesById, warehouseNames } from '../stock/index.ts';
import { findReturnInScope, returnScope } from './returns.access.ts';
import { storageFee } from './returns.deadline.ts';
import { RETURN_DOC } from './returns.doc.ts';
import { salesReturnCharges, salesReturnLines, salesReturns } from './returns.schema.ts';

type Row = typeof salesReturns.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Open returns past their deadline (the sweep's and the list's "overdue"). */
export const overdueSql = (now: Date) =>
  sql`${salesReturns.status} in ('submitted','returned') and ${salesReturns.dueAt} < ${now.toISOString()}`;

/**
 * The storage fee as it stands: frozen at completion, else accruing per day past the deadline
 * (第三条 50元/天, half to the warehouse clerks).
 */
function feeOf(r: Row, cal: WorkCalendar, now: Date, perDay: string, clerks: string) {
  if (r.status === 'completed')
    return { days: r.storageFeeDays ?? 0, total: r.storageFee ?? '0.00', clerksShare: r.storageFeeClerks ?? '0.00' };
  if (!r.dueAt || r.status === 'rejected' || r.status === 'withdrawn')
    return { days: 0, total: '0.00', clerksShare: '0.00' };
  return storageFee(cal, r.dueAt, now, perDay, clerks);
}

async function feeKit(ctx: Ctx) {
  const [cal, perDay, clerks] = await Promise.all([
    loadWorkCalendar(ctx.db),
    getPolicy(ctx.db, 'returns.storageFeePerDay'),
    getPolicy(ctx.db, 'returns.storageFeeClerksPercent'),
  ]);
  const now = ctx.now();
  return (r: Row) => ({
    overdue: (r.status === 'submitted' || r.status === 'returned') && !!r.dueAt && r.dueAt < now,
    fee: feeOf(r, cal, now, perDay, clerks),
  });
}

function present(r: Row) {
  return {
    ...r,
    arrivedAt: iso(r.arrivedAt),
    dueAt: iso(r.dueAt),
    escalatedAt: iso(r.escalatedAt),
    completedAt: iso(r.completedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** One page of returns in scope, latest change first, with the deadline state and fee as of now. */
export async function listReturns(ctx: Ctx, q: ReturnListQuery) {
  const parts: SQL[] = [await returnScope(ctx)];
  if (q.status) parts.push(eq(salesReturns.status, q.status));
  if (q.reason) parts.push(eq(salesReturns.reason, q.reason));
  if (q.customerId) parts.push(eq(salesReturns.customerId, q.customerId));
  if (q.overdue) parts.push(overdueSql(ctx.now()));
  const where = and(...parts) as SQL;
  const [rows, count, kit] = await Promise.all([
    ctx.db
      .select({ r: salesReturns, customerName: customers.name, orderNo: orders.no })
      .from(salesReturns)
      .innerJoin(customers, eq(customers.id, salesReturns.customerId))
      .innerJoin(orders, eq(orders.id, salesReturns.orderId))
      .where(where)
      .orderBy(...pageOrder(salesReturns.updatedAt, 'desc', salesReturns.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, salesReturns, where),
    feeKit(ctx),
  ]);
  return pageResult(
    rows.map(({ r, customerName, orderNo }) => ({
      id: r.id,
      no: r.no,
      customerId: r.customerId,
      customerName,
      orderNo,
      reason: r.reason,
      status: r.status,
      totalQty: r.totalQty,
      totalAmount: r.totalAmount,
      arrivedAt: iso(r.arrivedAt),
      dueAt: iso(r.dueAt),
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
      ...kit(r),
    })),
    count,
    q,
  );
}

/**
 * One return in scope with its lines (product, batch), charges, the storage fee as of now, the
 * latest approval instance, and — for users who issue invoices — the order's invoices to credit.
 */
export async function getReturn(ctx: Ctx, id: number) {
  const r = await findReturnInScope(ctx, id);
  const applicant = alias(users, 'applicant');
  const responsible = alias(users, 'responsible');
  const replacement = alias(deliveries, 'replacement');
  const [[head], lines, charges, [inst], kit] = await Promise.all([
    ctx.db
      .select({
        customerName: customers.name,
        orderNo: orders.no,
        deliveryNo: deliveries.no,
        applicantName: applicant.name,
        responsibleName: responsible.name,
        replacementDeliveryNo: replacement.no,
        replacementDeliveryStatus: replacement.status,
      })
      .from(salesReturns)
      .innerJoin(customers, eq(customers.id, salesReturns.customerId))
      .innerJoin(orders, eq(orders.id, salesReturns.orderId))
      .innerJoin(deliveries, eq(deliveries.id, salesReturns.deliveryId))
      .innerJoin(applicant, eq(applicant.id, salesReturns.createdBy))
      .leftJoin(responsible, eq(responsible.id, salesReturns.responsibleUserId))
      .leftJoin(replacement, eq(replacement.id, salesReturns.replacementDeliveryId))
      .where(eq(salesReturns.id, id)),
    ctx.db
      .select({
        id: salesReturnLines.id,
        deliveryLineId: salesReturnLines.deliveryLineId,
        productId: salesReturnLines.productId,
        productName: products.name,
        productCode: products.code,
        unit: products.unit,
        batchId: salesReturnLines.batchId,
        qty: salesReturnLines.qty,
        amount: salesReturnLines.amount,
      })
      .from(salesReturnLines)
      .innerJoin(products, eq(products.id, salesReturnLines.productId))
      .where(eq(salesReturnLines.returnId, id))
      .orderBy(asc(salesReturnLines.id)),
    ctx.db
      .select({
        id: salesReturnCharges.id,
        kind: salesReturnCharges.kind,
        userId: salesReturnCharges.userId,
        userName: users.name,
        qty: salesReturnCharges.qty,
        amount: salesReturnCharges.amount,
        clerksShare: salesReturnCharges.clerksShare,
        chargedAt: salesReturnCharges.chargedAt,
      })
      .from(salesReturnCharges)
      .innerJoin(users, eq(users.id, salesReturnCharges.userId))
      .where(eq(salesReturnCharges.returnId, id))
      .orderBy(asc(salesReturnCharges.id)),
    ctx.db
      .select({ id: approvalInstances.id, status: approvalInstances.status })
      .from(approvalInstances)
      .where(and(eq(approvalInstances.docType, RETURN_DOC), eq(approvalInstances.docId, id)))
      .orderBy(desc(approvalInstances.id))
      .limit(1),
    feeKit(ctx),
  ]);
  const batches = await batchesById(
    ctx.db,
    lines.flatMap((l) => (l.batchId ? [l.batchId] : [])),
  );
  const wh = r.warehouseId ? await warehouseNames(ctx.db, [r.warehouseId]) : new Map<number, string>();
  const mayInvoice = can(ctx.principal, 'invoice.view');
  const orderInvoices = mayInvoice
    ? await ctx.db
        .select({
          id: invoices.id,
          no: invoices.no,
          externalNo: invoices.externalNo,
          totalGross: invoices.totalGross,
          status: invoices.status,
          creditsInvoiceId: invoices.creditsInvoiceId,
          issueDate: invoices.issueDate,
        })
        .from(invoices)
        .where(and(eq(invoices.orderId, r.orderId), await invoiceScope(ctx)))
        .orderBy(asc(invoices.id))
    : [];
  const redInvoice = r.redInvoiceId ? (orderInvoices.find((i) => i.id === r.redInvoiceId) ?? null) : null;
  return {
    ...present(r),
    ...head,
    warehouseName: r.warehouseId ? (wh.get(r.warehouseId) ?? null) : null,
    ...kit(r),
    lines: lines.map((l) => ({ ...l, batchNo: l.batchId ? (batches.get(l.batchId)?.batchNo ?? null) : null })),
    charges: charges.map((c) => ({ ...c, chargedAt: c.chargedAt.toISOString() })),
    approvalInstanceId: inst?.id ?? null,
    approvalStatus: inst?.status ?? null,
    invoices: orderInvoices,
    redInvoice,
  };
}
