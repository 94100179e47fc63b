import { isInternalError, type ReturnInput } from '@sales/core';
import Decimal from 'decimal.js';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { deliveryLines, findDeliveryInScope } from '../deliveries/index.ts';
import { orderLines } from '../orders/index.ts';
import { products } from '../products/products.schema.ts';
import { batchesById } from '../stock/index.ts';
import { findReturnForChange } from './returns.access.ts';
import { RETURN_DOC } from './returns.doc.ts';
import { salesReturnLines, salesReturns } from './returns.schema.ts';
import './returns.messages.ts';

/** Returns that still hold their quantities (not rejected or withdrawn). */
const LIVE = sql.raw(`'submitted','returned','completed'`);

/**
 * The lines of a signed delivery with what may still be returned: delivered (the customer's
 * received qty, else the shipped qty) minus what live returns already claim.
 */
export async function returnableLines(ctx: Ctx, deliveryId: number, db: DbOrTx = ctx.db) {
  const d = await findDeliveryInScope(ctx, deliveryId, 'delivery.view', db);
  const rows = await db
    .select({
      deliveryLineId: deliveryLines.id,
      orderLineId: deliveryLines.orderLineId,
      productId: deliveryLines.productId,
      productName: products.name,
      productCode: products.code,
      unit: products.unit,
      batchId: deliveryLines.batchId,
      delivered: sql<string>`coalesce(${deliveryLines.receivedQty}, ${deliveryLines.qty})::text`,
      returned: sql<string>`coalesce((select sum(rl.qty) from ${salesReturnLines} rl join ${salesReturns} r on r.id = rl.return_id
        where rl.delivery_line_id = ${deliveryLines.id} and r.status in (${LIVE})), 0)::text`,
      orderQty: orderLines.qty,
      orderGross: orderLines.grossAmount,
    })
    .from(deliveryLines)
    .innerJoin(orderLines, eq(orderLines.id, deliveryLines.orderLineId))
    .innerJoin(products, eq(products.id, deliveryLines.productId))
    .where(eq(deliveryLines.deliveryId, d.id))
    .orderBy(deliveryLines.id);
  const batches = await batchesById(
    db,
    rows.flatMap((r) => (r.batchId ? [r.batchId] : [])),
  );
  const lines = rows.map((r) => {
    const returnable = Decimal.max(0, new Decimal(r.delivered).minus(r.returned));
    return {
      deliveryLineId: r.deliveryLineId,
      orderLineId: r.orderLineId,
      productId: r.productId,
      productName: r.productName,
      productCode: r.productCode,
      unit: r.unit,
      batchId: r.batchId,
      batchNo: r.batchId ? (batches.get(r.batchId)?.batchNo ?? null) : null,
      delivered: new Decimal(r.delivered).toString(),
      returned: new Decimal(r.returned).toString(),
      returnable: returnable.toString(),
      // Gross per unit at the order's price.
      unitGross: new Decimal(r.orderGross).div(r.orderQty).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      orderQty: r.orderQty,
      orderGross: r.orderGross,
    };
  });
  return { delivery: d, lines };
}

/**
 * Files a sales return (销后退回申请表) against a signed delivery and submits it to its approval
 * chain (seed 000 第三条: 开票组 → 采购 → 质管 → 运营 → 验收员). Quantities may not exceed what was
 * delivered less what other live returns claim.
 */
export async function createReturn(ctx: Ctx, input: ReturnInput) {
  const id = await ctx.db.transaction(async (tx) => {
    const { delivery: d, lines } = await returnableLines(ctx, input.deliveryId, tx);
    // Serialise returns of one delivery so two requests cannot both claim the last pieces.
    await tx.execute(sql`select pg_advisory_xact_lock(727020, ${d.id}::int)`);
    if (d.status !== 'signed') throw ValidationError.field('deliveryId', 'return.delivery_not_signed', { no: d.no });
    const seen = new Set<number>();
    const picked = input.lines.map((l, i) => {
      const line = lines.find((x) => x.deliveryLineId === l.deliveryLineId);
      if (!line || seen.has(l.deliveryLineId))
        throw ValidationError.field(`lines.${i}.deliveryLineId`, 'return.line_invalid');
      seen.add(l.deliveryLineId);
      if (new Decimal(l.qty).gt(line.returnable))
        throw ValidationError.field(`lines.${i}.qty`, 'return.qty_exceeds', { max: line.returnable });
      // Gross value at the order's price, rounded per line (ROUND_HALF_UP, core money.ts).
      const amount = new Decimal(line.orderGross)
        .mul(l.qty)
        .div(line.orderQty)
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      return { ...line, qty: l.qty, amount };
    });
    let responsible: number | null = null;
    if (isInternalError(input.reason)) {
      responsible = input.responsibleUserId ?? ctx.principal.userId;
      const [u] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, responsible), eq(users.active, true)));
      if (!u) throw ValidationError.field('responsibleUserId', 'return.responsible_invalid');
    }
    const totalQty = picked.reduce((s, l) => s.plus(l.qty), new Decimal(0));
    const totalAmount = picked.reduce((s, l) => s.plus(l.amount), new Decimal(0));
    const now = ctx.now();
    const no = await nextDocNumber(tx, 'salesReturn', now);
    const [row] = await tx
      .insert(salesReturns)
      .values({
        no,
        customerId: d.customerId,
        orderId: d.orderId,
        deliveryId: d.id,
        kind: input.kind,
        reason: input.reason,
        description: input.description,
        ownerId: d.ownerId,
        ownerDeptId: d.ownerDeptId,
        createdBy: ctx.principal.userId,
        responsibleUserId: responsible,
        totalQty: totalQty.toString(),
        totalAmount: totalAmount.toFixed(2),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: salesReturns.id });
    await tx.insert(salesReturnLines).values(
      picked.map((l) => ({
        returnId: row.id,
        deliveryLineId: l.deliveryLineId,
        orderLineId: l.orderLineId,
        productId: l.productId,
        batchId: l.batchId,
        qty: l.qty,
        amount: l.amount.toFixed(2),
      })),
    );
    await recordAudit(tx, ctx, {
      entityType: 'sales_return',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'no', old: null, new: no },
        { field: 'deliveryId', old: null, new: d.id },
        { field: 'kind', old: null, new: input.kind },
        { field: 'reason', old: null, new: input.reason },
        { field: 'totalQty', old: null, new: totalQty.toString() },
        { field: 'totalAmount', old: null, new: totalAmount.toFixed(2) },
        { field: 'status', old: null, new: 'submitted' },
      ],
      comment: input.description,
    });
    await submitForApproval(tx, ctx, RETURN_DOC, row.id);
    return row.id;
  });
  return id;
}

/** Sends a return that came back for change (退回修改) through its chain again. */
export async function resubmitReturn(ctx: Ctx, id: number, version: number) {
  await ctx.db.transaction(async (tx) => {
    const r = await findReturnForChange(ctx, id, version, tx);
    if (r.status !== 'returned')
      throw new ConflictError('return.action_not_allowed', { status: r.status, action: 'resubmit' });
    if (r.createdBy !== ctx.principal.userId) throw new ConflictError('return.only_applicant');
    const lines = await tx.select().from(salesReturnLines).where(eq(salesReturnLines.returnId, id));
    if (lines.length === 0)
      throw new ConflictError('return.action_not_allowed', { status: r.status, action: 'resubmit' });
    await tx
      .update(salesReturns)
      .set({ status: 'submitted', version: r.version + 1, updatedAt: ctx.now() })
      .where(eq(salesReturns.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'sales_return',
      entityId: id,
      action: 'resubmit',
      changes: [{ field: 'status', old: r.status, new: 'submitted' }],
    });
    await submitForApproval(tx, ctx, RETURN_DOC, id);
  });
}
