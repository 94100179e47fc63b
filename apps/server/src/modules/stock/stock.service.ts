import {
  type AdjustInput,
  type InboundInput,
  money,
  QTY_MAX,
  type WarehouseInput,
  type WarehouseUpdateInput,
} from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { companyDate } from '../../platform/time.ts';
import { productLabels } from '../products/index.ts';
import { receiveStock } from './stock.ledger.ts';
import { resolveWarehouse } from './stock.lookups.ts';
import { stockBatches, stockItems, stockLots, stockMovements, warehouses } from './stock.schema.ts';

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const WAREHOUSE_FIELDS = ['code', 'name', 'address', 'active'] as const;

function isUnique(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
}

/** Adds a warehouse. */
export async function createWarehouse(ctx: Ctx, input: WarehouseInput) {
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.code, input.code));
    if (taken) throw ValidationError.field('code', 'stock.warehouse_code_taken', { code: input.code });
    const [row] = await tx.insert(warehouses).values(input).returning();
    await recordAudit(tx, ctx, {
      entityType: 'warehouse',
      entityId: row.id,
      action: 'create',
      changes: createdFields(row, WAREHOUSE_FIELDS),
    });
    return row;
  });
}

/** Changes a warehouse (versioned). */
export async function updateWarehouse(ctx: Ctx, id: number, input: WarehouseUpdateInput) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(warehouses).where(eq(warehouses.id, id)).for('update');
      if (!before) throw new NotFoundError();
      const { version, ...set } = input;
      const [after] = await tx
        .update(warehouses)
        .set({ ...set, version: before.version + 1, updatedAt: sql`now()` })
        .where(and(eq(warehouses.id, id), eq(warehouses.version, version)))
        .returning();
      if (!after) throw new StaleVersionError();
      await recordAudit(tx, ctx, {
        entityType: 'warehouse',
        entityId: id,
        action: 'update',
        changes: diffFields(before, after, WAREHOUSE_FIELDS),
      });
      return after;
    });
  } catch (e) {
    if (isUnique(e)) throw ValidationError.field('code', 'stock.warehouse_code_taken', { code: input.code });
    throw e;
  }
}

/**
 * Books goods into a warehouse (入库). Tracked products need a batch; serial-tracked ones one
 * serial per unit (qty = count). Expiry defaults from the product's shelf life (mfg date or today).
 */
export async function receiveInbound(ctx: Ctx, input: InboundInput) {
  return ctx.db.transaction(async (tx) => {
    const warehouseId = await resolveWarehouse(tx, input.warehouseId);
    const p = (await productLabels(tx, [input.productId])).get(input.productId);
    if (!p?.active) throw ValidationError.field('productId', 'stock.product_inactive');
    if (p.tracking !== 'none' && !input.batchNo)
      throw ValidationError.field('batchNo', 'stock.batch_required', { product: p.code });
    const serials = input.serialNos ?? [];
    if (p.tracking === 'serial') {
      if (!money(input.qty).isInteger()) throw ValidationError.field('qty', 'stock.serial_qty');
      if (serials.length !== Number(input.qty))
        throw ValidationError.field('serialNos', 'stock.serial_count', { count: serials.length });
      const dup = serials.find((s, i) => serials.indexOf(s) !== i);
      if (dup) throw ValidationError.field('serialNos', 'stock.serial_duplicate', { serial: dup });
    }
    const expiry =
      input.expiryDate ??
      (p.shelfLifeDays ? addDaysIso(input.mfgDate ?? companyDate(ctx.now()), p.shelfLifeDays) : null);
    const lines: { productId: number; batchId: number | null; qty: string }[] = [];
    if (p.tracking === 'none') {
      lines.push({ productId: p.id, batchId: null, qty: input.qty });
    } else {
      const units =
        p.tracking === 'serial'
          ? serials.map((s) => ({ serialNo: s, qty: '1' }))
          : [{ serialNo: null, qty: input.qty }];
      for (const u of units) {
        const b = (
          await tx.execute<{ id: number }>(sql`
          insert into stock_batches (product_id, batch_no, serial_no, mfg_date, expiry_date)
          values (${p.id}, ${input.batchNo}, ${u.serialNo}, ${input.mfgDate}, ${expiry})
          on conflict (product_id, batch_no, coalesce(serial_no, '')) do update set batch_no = excluded.batch_no
          returning id`)
        ).rows[0];
        b.id = Number(b.id);
        if (u.serialNo) {
          // A serial number is one unit: it cannot be on hand twice.
          const [lot] = await tx
            .select({ onHand: stockLots.onHand })
            .from(stockLots)
            .where(eq(stockLots.batchId, b.id));
          if (lot && money(lot.onHand).gt(0))
            throw ValidationError.field('serialNos', 'stock.serial_duplicate', { serial: u.serialNo });
        }
        lines.push({ productId: p.id, batchId: b.id, qty: u.qty });
      }
    }
    const movementIds = await receiveStock(tx, ctx, null, warehouseId as number, 'inbound', lines, input.note);
    await recordAudit(
      tx,
      ctx,
      ...movementIds.map((id, i) => ({
        entityType: 'stock_movement',
        entityId: id,
        action: 'inbound',
        changes: [
          { field: 'productId', old: null, new: p.id },
          { field: 'warehouseId', old: null, new: warehouseId },
          { field: 'qty', old: null, new: lines[i].qty },
          ...(lines[i].batchId ? [{ field: 'batchId', old: null, new: lines[i].batchId }] : []),
        ],
        comment: input.note,
      })),
    );
    return { movementIds };
  });
}

/** Corrects stock by a signed quantity with a reason (盘点调整); never below zero or below what is reserved. */
export async function adjustStock(ctx: Ctx, input: AdjustInput) {
  if (money(input.qty).isZero()) throw ValidationError.field('qty', 'stock.adjust_zero');
  return ctx.db.transaction(async (tx) => {
    const warehouseId = (await resolveWarehouse(tx, input.warehouseId)) as number;
    const p = (await productLabels(tx, [input.productId])).get(input.productId);
    if (!p) throw ValidationError.field('productId', 'stock.product_inactive');
    if (p.tracking !== 'none' && input.batchId === null)
      throw ValidationError.field('batchId', 'stock.batch_required', { product: p.code });
    await tx.insert(stockItems).values({ warehouseId, productId: p.id }).onConflictDoNothing();
    const [item] = await tx
      .select()
      .from(stockItems)
      .where(and(eq(stockItems.warehouseId, warehouseId), eq(stockItems.productId, p.id)))
      .for('update');
    const next = money(item.onHand).plus(input.qty);
    if (next.lt(item.reserved) || next.lt(0))
      throw ValidationError.field('qty', 'stock.negative', { onHand: item.onHand, reserved: item.reserved });
    // On hand must stay within its numeric(18,4) column.
    if (next.gt(QTY_MAX)) throw ValidationError.field('qty', 'stock.too_large', { onHand: item.onHand });
    await tx
      .update(stockItems)
      .set({ onHand: next.toFixed(4), updatedAt: sql`now()` })
      .where(eq(stockItems.id, item.id));
    if (input.batchId !== null) {
      const [b] = await tx
        .select({ productId: stockBatches.productId })
        .from(stockBatches)
        .where(eq(stockBatches.id, input.batchId));
      if (!b || b.productId !== p.id) throw ValidationError.field('batchId', 'stock.batch_mismatch');
      await tx.insert(stockLots).values({ warehouseId, batchId: input.batchId }).onConflictDoNothing();
      const [lot] = await tx
        .select()
        .from(stockLots)
        .where(and(eq(stockLots.warehouseId, warehouseId), eq(stockLots.batchId, input.batchId)))
        .for('update');
      const lotNext = money(lot.onHand).plus(input.qty);
      if (lotNext.lt(0)) throw ValidationError.field('qty', 'stock.negative', { onHand: lot.onHand, reserved: '0' });
      if (lotNext.gt(QTY_MAX)) throw ValidationError.field('qty', 'stock.too_large', { onHand: lot.onHand });
      await tx
        .update(stockLots)
        .set({ onHand: lotNext.toFixed(4) })
        .where(eq(stockLots.id, lot.id));
    }
    const [m] = await tx
      .insert(stockMovements)
      .values({
        kind: 'adjust',
        warehouseId,
        productId: p.id,
        batchId: input.batchId,
        qty: input.qty,
        note: input.reason,
        createdBy: ctx.principal.userId,
      })
      .returning({ id: stockMovements.id });
    await recordAudit(tx, ctx, {
      entityType: 'stock_movement',
      entityId: m.id,
      action: 'adjust',
      changes: [{ field: 'onHand', old: item.onHand, new: next.toFixed(4) }],
      comment: input.reason,
    });
    return { movementId: m.id, onHand: next.toFixed(4) };
  });
}
