import type { ReturnReason } from '@sales/core';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { completeTasksByRef } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { bookFact } from '../analytics/index.ts';
import { createReplacementDelivery } from '../deliveries/index.ts';
import { invoices } from '../finance/index.ts';
import { receiveStock } from '../stock/index.ts';
import { attributeReturn } from './returns.attribution.ts';
import { storageFee } from './returns.deadline.ts';
import { salesReturnCharges, salesReturnLines, salesReturns } from './returns.schema.ts';

/** The year's sales (issued invoices, red-letter ones netted) and breakage already returned, for 第一条. */
async function breakageBasis(tx: Tx, id: number, year: string) {
  const [s] = await tx
    .select({ v: sql<string>`coalesce(sum(${invoices.totalGross}), 0)::text` })
    .from(invoices)
    .where(and(eq(invoices.status, 'issued'), sql`to_char(${invoices.issueDate}, 'YYYY') = ${year}`));
  const [b] = await tx
    .select({ v: sql<string>`coalesce(sum(${salesReturns.totalAmount}), 0)::text` })
    .from(salesReturns)
    .where(
      and(
        eq(salesReturns.reason, 'breakage'),
        eq(salesReturns.status, 'completed'),
        ne(salesReturns.id, id),
        sql`to_char(${salesReturns.completedAt} at time zone 'Asia/Shanghai', 'YYYY') = ${year}`,
      ),
    );
  return { yearSales: s.v, breakageBefore: b.v };
}

/**
 * The receiving clerk's approval ends the chain (seed 000 第三条: 验收员对销售退回品种确认记账并将实物
 * 交与库管): the goods are booked into the warehouse they reached, by batch; the storage fee owed for
 * a late finish is frozen and charged; the cost is attributed. Runs inside the approval's transaction.
 */
export async function completeReturn(tx: Tx, ctx: Ctx, id: number) {
  const [r] = await tx.select().from(salesReturns).where(eq(salesReturns.id, id)).for('update');
  if (!r) throw new NotFoundError();
  if (r.status !== 'submitted')
    throw new ConflictError('return.action_not_allowed', { status: r.status, action: 'complete' });
  if (!r.arrivedAt || !r.dueAt || !r.warehouseId) throw new ConflictError('return.not_arrived', { no: r.no });
  const now = ctx.now();
  const lines = await tx.select().from(salesReturnLines).where(eq(salesReturnLines.returnId, id));
  await receiveStock(
    tx,
    ctx,
    { type: 'sales_return', id },
    r.warehouseId,
    'return',
    lines.map((l) => ({ productId: l.productId, batchId: l.batchId, qty: l.qty })),
    r.no,
  );
  // 换货 (SPEC 4.3 "exchanges create a replacement delivery"): the same goods ship again from the
  // original warehouse once the returned ones are booked in.
  const replacement =
    r.kind === 'exchange'
      ? await createReplacementDelivery(tx, ctx, {
          originalDeliveryId: r.deliveryId,
          lines: lines.map((l) => ({ deliveryLineId: l.deliveryLineId, qty: l.qty })),
          reason: 'exchange',
          sourceType: 'sales_return',
          sourceId: id,
        })
      : null;
  const cal = await loadWorkCalendar(tx);
  const fee = storageFee(
    cal,
    r.dueAt,
    now,
    await getPolicy(tx, 'returns.storageFeePerDay'),
    await getPolicy(tx, 'returns.storageFeeClerksPercent'),
  );
  const a = attributeReturn({
    reason: r.reason as ReturnReason,
    totalQty: r.totalQty,
    totalAmount: r.totalAmount,
    chargePerPiece: await getPolicy(tx, 'returns.internalErrorChargePerPiece'),
    breakageMaxPerMille: await getPolicy(tx, 'returns.breakageMaxPerMille'),
    ...(await breakageBasis(tx, id, companyDate(now).slice(0, 4))),
  });
  await tx
    .update(salesReturns)
    .set({
      status: 'completed',
      completedAt: now,
      storageFeeDays: fee.days,
      storageFee: fee.total,
      storageFeeClerks: fee.clerksShare,
      costBearer: a.costBearer,
      chargeAmount: a.chargeAmount,
      expiredLossAmount: a.expiredLossAmount,
      replacementDeliveryId: replacement?.id ?? null,
      version: r.version + 1,
      updatedAt: now,
    })
    .where(eq(salesReturns.id, id));
  // SPEC 5.1 net of returns: a return (not an exchange) deducts from the sale it reverses.
  if (r.kind === 'return') await bookFact.returnCompleted(tx, id);
  const charges = [];
  if (a.costBearer === 'responsible' && Number(a.chargeAmount) > 0)
    charges.push({
      returnId: id,
      kind: 'internal_error',
      userId: r.responsibleUserId ?? r.createdBy,
      qty: r.totalQty,
      amount: a.chargeAmount,
      chargedAt: now,
    });
  // 第三条: 不按手续在规定时间内处理, 公司有权收取保管费 — charged to the applicant, half to the clerks.
  if (fee.days > 0 && Number(fee.total) > 0)
    charges.push({
      returnId: id,
      kind: 'storage_fee',
      userId: r.createdBy,
      amount: fee.total,
      clerksShare: fee.clerksShare,
      chargedAt: now,
    });
  if (charges.length) await tx.insert(salesReturnCharges).values(charges);
  await completeTasksByRef(tx, 'sales_return', id, now);
  await recordAudit(tx, ctx, {
    entityType: 'sales_return',
    entityId: id,
    action: 'complete',
    changes: [
      { field: 'status', old: r.status, new: 'completed' },
      { field: 'storageFee', old: null, new: fee.total },
      { field: 'costBearer', old: null, new: a.costBearer },
      { field: 'chargeAmount', old: null, new: a.chargeAmount },
      { field: 'expiredLossAmount', old: null, new: a.expiredLossAmount },
      ...(replacement ? [{ field: 'replacementDeliveryId', old: null, new: replacement.id }] : []),
    ],
  });
  await notify(tx, [...new Set([r.createdBy, r.ownerId])], {
    kind: 'return.completed',
    titleKey: 'notify.return.completed',
    params: { no: r.no },
    link: `/returns/${id}`,
  });
}
