import type { MovementQuery, StockListQuery } from '@sales/core';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { productCodeOf, productKeywordMatch, productLabels } from '../products/index.ts';
import { availableQty } from './stock.ledger.ts';
import { findBatches } from './stock.lookups.ts';
import { movementRefNumbers } from './stock.refs.ts';
import { stockBatches, stockItems, stockLots, stockMovements, warehouses } from './stock.schema.ts';

/** Warehouses (active and inactive), by code. */
export async function listWarehouses(ctx: Ctx) {
  const rows = await ctx.db
    .select({
      id: warehouses.id,
      code: warehouses.code,
      name: warehouses.name,
      address: warehouses.address,
      active: warehouses.active,
      version: warehouses.version,
    })
    .from(warehouses)
    .orderBy(warehouses.code);
  return { items: rows };
}

/**
 * Stock per warehouse and product with on hand, reserved and available, by product code then
 * warehouse code; capped total. Product labels come from the products module for the page only.
 */
export async function listStock(ctx: Ctx, q: StockListQuery) {
  const where: SQL[] = [];
  if (q.warehouseId) where.push(eq(stockItems.warehouseId, q.warehouseId));
  if (q.productId) where.push(eq(stockItems.productId, q.productId));
  if (q.keyword) where.push(productKeywordMatch(stockItems.productId, q.keyword));
  const w = where.length ? and(...where) : undefined;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        warehouseId: stockItems.warehouseId,
        warehouseName: warehouses.name,
        productId: stockItems.productId,
        onHand: stockItems.onHand,
        reserved: stockItems.reserved,
        available: sql<string>`(${stockItems.onHand} - ${stockItems.reserved})::numeric(18,4)::text`,
      })
      .from(stockItems)
      .innerJoin(warehouses, eq(warehouses.id, stockItems.warehouseId))
      .where(w)
      .orderBy(productCodeOf(stockItems.productId), warehouses.code)
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, stockItems, w),
  ]);
  const labels = await productLabels(
    ctx.db,
    rows.map((r) => r.productId),
  );
  const items = rows.map(({ productId, ...r }) => {
    const p = labels.get(productId);
    return {
      warehouseId: r.warehouseId,
      warehouseName: r.warehouseName,
      productId,
      productCode: p?.code ?? '',
      productName: p?.name ?? '',
      spec: p?.spec ?? null,
      unit: p?.unit ?? '',
      onHand: r.onHand,
      reserved: r.reserved,
      available: r.available,
    };
  });
  return pageResult(items, count, q);
}

/** On hand, reserved and available of products (in one warehouse or all), one item per product asked. */
export async function stockAvailability(ctx: Ctx, productIds: number[], warehouseId?: number) {
  const map = await availableQty(ctx.db, productIds, warehouseId);
  return { items: [...map].map(([productId, a]) => ({ productId, ...a })) };
}

/** Batches with their on hand per warehouse (traceability lookups). */
export async function listBatches(ctx: Ctx, q: { productId?: number; batchNo?: string }) {
  const batches = await findBatches(ctx.db, q);
  const lots = batches.length
    ? await ctx.db
        .select({ batchId: stockLots.batchId, warehouseId: stockLots.warehouseId, onHand: stockLots.onHand })
        .from(stockLots)
        .where(
          inArray(
            stockLots.batchId,
            batches.map((b) => b.id),
          ),
        )
    : [];
  return {
    items: batches.map((b) => ({
      ...b,
      onHand: lots.filter((l) => l.batchId === b.id).map((l) => ({ warehouseId: l.warehouseId, onHand: l.onHand })),
    })),
  };
}

/** Stock movements, newest first, with a capped total. */
export async function listMovements(ctx: Ctx, q: MovementQuery) {
  const where: SQL[] = [];
  if (q.productId) where.push(eq(stockMovements.productId, q.productId));
  if (q.warehouseId) where.push(eq(stockMovements.warehouseId, q.warehouseId));
  if (q.batchId) where.push(eq(stockMovements.batchId, q.batchId));
  const w = where.length ? and(...where) : undefined;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: stockMovements.id,
        kind: stockMovements.kind,
        warehouseName: warehouses.name,
        productId: stockMovements.productId,
        batchNo: stockBatches.batchNo,
        serialNo: stockBatches.serialNo,
        qty: stockMovements.qty,
        refType: stockMovements.refType,
        refId: stockMovements.refId,
        note: stockMovements.note,
        createdByName: users.name,
        createdAt: stockMovements.createdAt,
      })
      .from(stockMovements)
      .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
      .leftJoin(stockBatches, eq(stockBatches.id, stockMovements.batchId))
      .leftJoin(users, eq(users.id, stockMovements.createdBy))
      .where(w)
      .orderBy(desc(stockMovements.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, stockMovements, w),
  ]);
  const labels = await productLabels(
    ctx.db,
    rows.map((r) => r.productId),
  );
  const refNos = await movementRefNumbers(ctx, rows);
  const items = rows.map(({ productId, ...r }) => ({
    id: r.id,
    kind: r.kind,
    warehouseName: r.warehouseName,
    productCode: labels.get(productId)?.code ?? '',
    productName: labels.get(productId)?.name ?? '',
    batchNo: r.batchNo,
    serialNo: r.serialNo,
    qty: r.qty,
    refType: r.refType,
    refId: r.refId,
    // The document's number when the viewer may open it (then the web links to it), else null.
    refNo: refNos.get(`${r.refType}:${r.refId}`) ?? null,
    note: r.note,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
  }));
  return pageResult(items, count, q);
}
