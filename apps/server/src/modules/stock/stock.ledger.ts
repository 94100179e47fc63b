import { money, QTY_MAX } from '@sales/core';
import Decimal from 'decimal.js';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { productLabels } from '../products/index.ts';
import { type BatchInfo, batchesById } from './stock.lookups.ts';
import { stockItems, stockLots, stockMovements, stockReservations } from './stock.schema.ts';
import './stock.messages.ts';

export interface Availability {
  onHand: string;
  reserved: string;
  available: string;
}

/** On hand, reserved and available (on hand − reserved) per product, in one warehouse or all. */
export async function availableQty(
  db: DbOrTx,
  productIds: number[],
  warehouseId?: number,
): Promise<Map<number, Availability>> {
  const out = new Map<number, Availability>();
  if (productIds.length === 0) return out;
  const where: SQL[] = [inArray(stockItems.productId, productIds)];
  if (warehouseId !== undefined) where.push(eq(stockItems.warehouseId, warehouseId));
  const rows = await db
    .select({
      productId: stockItems.productId,
      onHand: sql<string>`coalesce(sum(${stockItems.onHand}), 0)::numeric(18,4)::text`,
      reserved: sql<string>`coalesce(sum(${stockItems.reserved}), 0)::numeric(18,4)::text`,
      available: sql<string>`coalesce(sum(${stockItems.onHand} - ${stockItems.reserved}), 0)::numeric(18,4)::text`,
    })
    .from(stockItems)
    .where(and(...where))
    .groupBy(stockItems.productId);
  for (const id of productIds) out.set(id, { onHand: '0.0000', reserved: '0.0000', available: '0.0000' });
  for (const r of rows) out.set(r.productId, { onHand: r.onHand, reserved: r.reserved, available: r.available });
  return out;
}

async function productCode(db: DbOrTx, productId: number): Promise<string> {
  const p = (await productLabels(db, [productId])).get(productId);
  return p ? `${p.code} ${p.name}` : String(productId);
}

async function availableOne(db: DbOrTx, warehouseId: number, productId: number): Promise<string> {
  return (await availableQty(db, [productId], warehouseId)).get(productId)?.available ?? '0';
}

/**
 * Reserves stock for an approved order's lines. Each line is one conditional update
 * (`on_hand − reserved ≥ qty`), so concurrent reviews can never reserve more than is on hand
 * (SPEC 3.5: no negative stock); short → ConflictError('stock.insufficient') and the caller's tx rolls back.
 */
export async function reserveStock(
  tx: Tx,
  ctx: Ctx,
  orderId: number,
  warehouseId: number,
  lines: { orderLineId: number; productId: number; qty: string }[],
): Promise<void> {
  if (lines.length === 0) return;
  const sorted = [...lines].sort((a, b) => a.productId - b.productId || a.orderLineId - b.orderLineId);
  const need = new Map<number, Decimal>();
  for (const l of sorted) need.set(l.productId, (need.get(l.productId) ?? money(0)).plus(l.qty));
  const ids = [...need.keys()];
  // Fixed lock order (product id) so two orders reserving the same products cannot deadlock.
  await tx
    .select({ id: stockItems.id })
    .from(stockItems)
    .where(and(eq(stockItems.warehouseId, warehouseId), inArray(stockItems.productId, ids)))
    .orderBy(asc(stockItems.productId))
    .for('update');
  // One conditional update for all products: a row is changed only where on_hand − reserved ≥ need.
  const done = await tx.execute<{ product_id: number }>(sql`
    update stock_items s set reserved = s.reserved + v.qty, updated_at = now()
    from (select unnest(${`{${ids.join(',')}}`}::bigint[]) as product_id, unnest(${`{${ids.map((id) => need.get(id)?.toFixed(4)).join(',')}}`}::numeric[]) as qty) v
    where s.warehouse_id = ${warehouseId} and s.product_id = v.product_id and s.on_hand - s.reserved >= v.qty
    returning s.product_id`);
  if (done.rows.length !== ids.length) {
    const ok = new Set(done.rows.map((r) => Number(r.product_id)));
    const short = ids.find((id) => !ok.has(id)) as number;
    throw new ConflictError('stock.insufficient', {
      product: await productCode(tx, short),
      available: await availableOne(tx, warehouseId, short),
    });
  }
  await tx
    .insert(stockReservations)
    .values(
      sorted.map((l) => ({ orderId, orderLineId: l.orderLineId, warehouseId, productId: l.productId, qty: l.qty })),
    );
  await recordAudit(tx, ctx, {
    entityType: 'order',
    entityId: orderId,
    action: 'stock_reserve',
    changes: sorted.map((l) => ({ field: `line:${l.orderLineId}.reserved`, old: null, new: l.qty })),
  });
}

/** Releases what is still reserved (qty − consumed) for an order, e.g. when it is cancelled. */
export async function releaseReservations(tx: Tx, ctx: Ctx, orderId: number): Promise<void> {
  const active = await tx
    .select()
    .from(stockReservations)
    .where(and(eq(stockReservations.orderId, orderId), eq(stockReservations.status, 'active')))
    .orderBy(asc(stockReservations.productId))
    .for('update');
  if (active.length === 0) return;
  for (const r of active) {
    await tx
      .update(stockItems)
      .set({
        reserved: sql`${stockItems.reserved} - (${r.qty}::numeric - ${r.consumedQty}::numeric)`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(stockItems.warehouseId, r.warehouseId), eq(stockItems.productId, r.productId)));
    await tx
      .update(stockReservations)
      .set({ status: 'released', updatedAt: sql`now()` })
      .where(eq(stockReservations.id, r.id));
  }
  await recordAudit(tx, ctx, {
    entityType: 'order',
    entityId: orderId,
    action: 'stock_release',
    changes: active.map((r) => ({ field: `line:${r.orderLineId}.reserved`, old: r.qty, new: r.consumedQty })),
  });
}

/**
 * Takes delivered goods out of stock: consumes the order line's active reservation up to qty, then
 * decrements on hand (and the batch's lot) with conditional updates that refuse to go negative
 * or below what other orders have reserved; writes one 'outbound' movement per line.
 */
export async function issueStock(
  tx: Tx,
  ctx: Ctx,
  ref: { type: string; id: number },
  warehouseId: number,
  // orderLineId null: goods issued without an order (parts used on a service ticket), nothing reserved.
  // reserved: false — goods not covered by the order line's reservation (a replacement, 补发).
  lines: { orderLineId: number | null; productId: number; batchId: number | null; qty: string; reserved?: boolean }[],
): Promise<void> {
  const tracking = await productLabels(
    tx,
    lines.map((l) => l.productId),
  );
  const batches = await batchesById(
    tx,
    lines.flatMap((l) => (l.batchId === null ? [] : [l.batchId])),
  );
  const sorted = lines.map((l, i) => ({ ...l, i })).sort((a, b) => a.productId - b.productId || a.i - b.i);
  for (const l of sorted) {
    const p = tracking.get(l.productId);
    if (p && p.tracking !== 'none' && l.batchId === null)
      throw ValidationError.field(`lines.${l.i}.batchId`, 'stock.batch_required', { product: p.code });
    const [res] =
      l.orderLineId === null || l.reserved === false
        ? []
        : await tx
            .select()
            .from(stockReservations)
            .where(and(eq(stockReservations.orderLineId, l.orderLineId), eq(stockReservations.status, 'active')))
            .for('update');
    const open = res ? Decimal.min(money(l.qty), money(res.qty).minus(res.consumedQty)).toFixed(4) : '0';
    const done = await tx
      .update(stockItems)
      .set({
        onHand: sql`${stockItems.onHand} - ${l.qty}::numeric`,
        reserved: sql`${stockItems.reserved} - ${open}::numeric`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(stockItems.warehouseId, warehouseId),
          eq(stockItems.productId, l.productId),
          // the unreserved part must come from what is available to everyone
          sql`${stockItems.onHand} - ${stockItems.reserved} >= ${l.qty}::numeric - ${open}::numeric`,
        ),
      )
      .returning({ id: stockItems.id });
    if (done.length === 0) {
      throw new ConflictError('stock.insufficient', {
        product: await productCode(tx, l.productId),
        available: await availableOne(tx, warehouseId, l.productId),
      });
    }
    if (l.batchId !== null) await takeFromLot(tx, warehouseId, l.batchId, batches.get(l.batchId), l.productId, l.qty);
    if (res) {
      await tx
        .update(stockReservations)
        .set({
          consumedQty: sql`${stockReservations.consumedQty} + ${open}::numeric`,
          status: sql`case when ${stockReservations.consumedQty} + ${open}::numeric >= ${stockReservations.qty} then 'consumed' else 'active' end`,
          updatedAt: sql`now()`,
        })
        .where(eq(stockReservations.id, res.id));
    }
    await tx.insert(stockMovements).values({
      kind: 'outbound',
      warehouseId,
      productId: l.productId,
      batchId: l.batchId,
      qty: sql`-${l.qty}::numeric` as unknown as string,
      refType: ref.type,
      refId: ref.id,
      createdBy: ctx.principal.userId,
    });
  }
}

async function takeFromLot(
  tx: Tx,
  warehouseId: number,
  batchId: number,
  b: BatchInfo | undefined,
  productId: number,
  qty: string,
) {
  if (!b || b.productId !== productId) throw ValidationError.field('batchId', 'stock.batch_mismatch');
  const done = await tx
    .update(stockLots)
    .set({ onHand: sql`${stockLots.onHand} - ${qty}::numeric` })
    .where(
      and(
        eq(stockLots.warehouseId, warehouseId),
        eq(stockLots.batchId, batchId),
        sql`${stockLots.onHand} >= ${qty}::numeric`,
      ),
    )
    .returning({ id: stockLots.id });
  if (done.length === 0) {
    const [lot] = await tx
      .select({ onHand: stockLots.onHand })
      .from(stockLots)
      .where(and(eq(stockLots.warehouseId, warehouseId), eq(stockLots.batchId, batchId)));
    throw new ConflictError('stock.batch_insufficient', { batch: b.batchNo, available: lot?.onHand ?? '0' });
  }
}

/**
 * Puts goods into stock (purchase/production inbound or a customer return): on hand, lot, movement
 * (ref null = a manual booking). Returns the movement ids; the caller audits them in its tx.
 */
export async function receiveStock(
  tx: Tx,
  ctx: Ctx,
  ref: { type: string; id: number } | null,
  warehouseId: number,
  // opening: an opening balance booked by the opening-stock import (期初).
  kind: 'inbound' | 'return' | 'opening',
  lines: { productId: number; batchId: number | null; qty: string }[],
  note: string | null = null,
): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, l] of lines.entries()) {
    // On hand must stay within its numeric(18,4) column: a receipt that would overflow it is refused.
    const item = await tx
      .insert(stockItems)
      .values({ warehouseId, productId: l.productId, onHand: l.qty })
      .onConflictDoUpdate({
        target: [stockItems.warehouseId, stockItems.productId],
        set: { onHand: sql`${stockItems.onHand} + excluded.on_hand`, updatedAt: sql`now()` },
        setWhere: sql`${stockItems.onHand} + excluded.on_hand <= ${QTY_MAX}`,
      })
      .returning({ id: stockItems.id });
    if (item.length === 0) throw await tooLarge(tx, lines.length === 1 ? 'qty' : `lines.${i}.qty`, warehouseId, l);
    if (l.batchId !== null) {
      const lot = await tx
        .insert(stockLots)
        .values({ warehouseId, batchId: l.batchId, onHand: l.qty })
        .onConflictDoUpdate({
          target: [stockLots.warehouseId, stockLots.batchId],
          set: { onHand: sql`${stockLots.onHand} + excluded.on_hand` },
          setWhere: sql`${stockLots.onHand} + excluded.on_hand <= ${QTY_MAX}`,
        })
        .returning({ id: stockLots.id });
      if (lot.length === 0) throw await tooLarge(tx, lines.length === 1 ? 'qty' : `lines.${i}.qty`, warehouseId, l);
    }
    const [m] = await tx
      .insert(stockMovements)
      .values({
        kind,
        warehouseId,
        productId: l.productId,
        batchId: l.batchId,
        qty: l.qty,
        refType: ref?.type ?? null,
        refId: ref?.id ?? null,
        note,
        createdBy: ctx.principal.userId,
      })
      .returning({ id: stockMovements.id });
    ids.push(m.id);
  }
  return ids;
}

async function tooLarge(tx: Tx, field: string, warehouseId: number, l: { productId: number }) {
  const [item] = await tx
    .select({ onHand: stockItems.onHand })
    .from(stockItems)
    .where(and(eq(stockItems.warehouseId, warehouseId), eq(stockItems.productId, l.productId)));
  return ValidationError.field(field, 'stock.too_large', { onHand: item?.onHand ?? '0' });
}

/**
 * Availability of products in one warehouse with their stock rows locked until commit (in product
 * order), so a decision taken on it (the order review) cannot be raced by another reservation.
 */
export async function lockAvailability(
  tx: Tx,
  productIds: number[],
  warehouseId: number,
): Promise<Map<number, Availability>> {
  const out = new Map<number, Availability>();
  for (const id of productIds) out.set(id, { onHand: '0.0000', reserved: '0.0000', available: '0.0000' });
  if (productIds.length === 0) return out;
  const rows = await tx
    .select({ productId: stockItems.productId, onHand: stockItems.onHand, reserved: stockItems.reserved })
    .from(stockItems)
    .where(and(eq(stockItems.warehouseId, warehouseId), inArray(stockItems.productId, productIds)))
    .orderBy(asc(stockItems.productId))
    .for('update');
  for (const r of rows) {
    out.set(r.productId, {
      onHand: r.onHand,
      reserved: r.reserved,
      available: money(r.onHand).minus(r.reserved).toFixed(4),
    });
  }
  return out;
}

/** Reservations of an order (any status), oldest first, for the order detail. */
export async function reservationsOf(db: DbOrTx, orderId: number) {
  return db
    .select({
      orderLineId: stockReservations.orderLineId,
      qty: stockReservations.qty,
      consumedQty: stockReservations.consumedQty,
      status: stockReservations.status,
    })
    .from(stockReservations)
    .where(eq(stockReservations.orderId, orderId))
    .orderBy(asc(stockReservations.id));
}

/** The batch (or serial unit) of a product, created when new (an inbound or an opening balance). */
export async function ensureBatch(
  db: DbOrTx,
  b: { productId: number; batchNo: string; serialNo: string | null; mfgDate: string | null; expiryDate: string | null },
): Promise<number> {
  const res = await db.execute<{ id: number }>(sql`
    insert into stock_batches (product_id, batch_no, serial_no, mfg_date, expiry_date)
    values (${b.productId}, ${b.batchNo}, ${b.serialNo}, ${b.mfgDate}, ${b.expiryDate})
    on conflict (product_id, batch_no, coalesce(serial_no, '')) do update set batch_no = excluded.batch_no
    returning id`);
  return Number(res.rows[0].id);
}
