import {
  nextReturnStatus,
  type ReturnAction,
  type ReturnArrivalInput,
  type ReturnCreditInput,
  type ReturnStatus,
} from '@sales/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { invoices } from '../finance/finance.schema.ts';
import { issueRedInvoiceInTx } from '../finance/index.ts';
import { orderLinesOf } from '../orders/index.ts';
import { resolveWarehouse } from '../stock/index.ts';
import { findReturnForChange } from './returns.access.ts';
import { returnDeadline } from './returns.deadline.ts';
import { salesReturnLines, salesReturns } from './returns.schema.ts';

type Row = typeof salesReturns.$inferSelect;

function guard(r: Row, action: ReturnAction): ReturnStatus {
  const next = nextReturnStatus(r.status as ReturnStatus, action);
  if (!next) throw new ConflictError('return.action_not_allowed', { status: r.status, action });
  return next;
}

/**
 * Records the returned goods reaching the warehouse (a quarantine warehouse for quality returns):
 * the processing deadline starts — 第三条 退货三个工作日内完成，以退货送到仓库为起始 — and is fixed
 * now on the company calendar (policy returns.processingDays).
 */
export async function recordReturnArrival(ctx: Ctx, id: number, input: ReturnArrivalInput) {
  await ctx.db.transaction(async (tx) => {
    const r = await findReturnForChange(ctx, id, input.version, tx);
    if (!can(ctx.principal, 'return.receive')) throw new ForbiddenError();
    guard(r, 'arrive');
    if (r.arrivedAt) throw new ConflictError('return.already_arrived', { no: r.no });
    const arrivedAt = new Date(input.arrivedAt);
    if (arrivedAt > ctx.now()) throw ValidationError.field('arrivedAt', 'return.arrival_future');
    const warehouseId = await resolveWarehouse(tx, input.warehouseId);
    const cal = await loadWorkCalendar(tx);
    const dueAt = returnDeadline(cal, arrivedAt, await getPolicy(tx, 'returns.processingDays'));
    await tx
      .update(salesReturns)
      .set({ arrivedAt, warehouseId, dueAt, version: r.version + 1, updatedAt: ctx.now() })
      .where(eq(salesReturns.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'sales_return',
      entityId: id,
      action: 'arrive',
      changes: [
        { field: 'arrivedAt', old: null, new: arrivedAt.toISOString() },
        { field: 'warehouseId', old: null, new: warehouseId },
        { field: 'dueAt', old: null, new: dueAt.toISOString() },
      ],
    });
  });
}

/** The return's lines as red-invoice lines at the order's prices. */
async function creditLines(tx: Tx, r: Row) {
  const [lines, ol] = await Promise.all([
    tx.select().from(salesReturnLines).where(eq(salesReturnLines.returnId, r.id)),
    orderLinesOf(tx, r.orderId),
  ]);
  return lines.map((l) => {
    const o = ol.find((x) => x.id === l.orderLineId);
    if (!o) throw new NotFoundError();
    return {
      productId: o.productId,
      productCode: o.productCode,
      description: o.description,
      spec: o.spec,
      unit: o.unit,
      attributes: o.attributes ?? {},
      qty: l.qty,
      listPrice: o.listPrice,
      unitPrice: o.unitPrice,
      discountPercent: o.discountPercent,
      taxRate: o.taxRate,
    };
  });
}

/**
 * The money side of a finished return (SPEC 4.3): finance issues a red-letter invoice (红字发票)
 * for the returned goods against an issued invoice of the same order — never an edit of it.
 */
export async function creditReturn(ctx: Ctx, id: number, input: ReturnCreditInput) {
  await ctx.db.transaction(async (tx) => {
    const r = await findReturnForChange(ctx, id, input.version, tx);
    if (!can(ctx.principal, 'invoice.issue')) throw new ForbiddenError();
    guard(r, 'credit');
    if (r.kind !== 'return') throw new ConflictError('return.exchange_no_credit', { no: r.no });
    if (r.redInvoiceId) throw new ConflictError('return.already_credited', { no: r.no });
    const [inv] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId));
    if (!inv || inv.orderId !== r.orderId) throw ValidationError.field('invoiceId', 'return.invoice_invalid');
    const red = await issueRedInvoiceInTx(tx, ctx, {
      invoiceId: inv.id,
      externalNo: input.externalNo,
      lines: await creditLines(tx, r),
      reason: r.no,
    });
    await tx
      .update(salesReturns)
      .set({ redInvoiceId: red.id, version: r.version + 1, updatedAt: ctx.now() })
      .where(eq(salesReturns.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'sales_return',
      entityId: id,
      action: 'credit',
      changes: [{ field: 'redInvoiceId', old: null, new: red.id }],
    });
  });
}
