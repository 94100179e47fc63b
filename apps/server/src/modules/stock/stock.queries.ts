import type { MovementQuery, StockListQuery } from '@sales/core';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { COUNT_CAP, likePattern } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { products } from '../products/products.schema.ts';
import { findBatches } from './stock.ledger.ts';
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

/** Stock per warehouse and product with on hand, reserved and available; capped total. */
export async function listStock(ctx: Ctx, q: StockListQuery) {
  const where: SQL[] = [];
  if (q.warehouseId) where.push(eq(stockItems.warehouseId, q.warehouseId));
  if (q.productId) where.push(eq(stockItems.productId, q.productId));
  if (q.keyword) where.push(sql`lower(${products.searchText}) like ${likePattern(q.keyword)}`);
  const w = where.length ? and(...where) : undefined;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        warehouseId: stockItems.warehouseId,
        warehouseName: warehouses.name,
        productId: stockItems.productId,
        productCode: products.code,
        productName: products.name,
        spec: products.spec,
        unit: products.unit,
        onHand: stockItems.onHand,
        reserved: stockItems.reserved,
        available: sql<string>`(${stockItems.onHand} - ${stockItems.reserved})::numeric(18,4)::text`,
      })
      .from(stockItems)
      .innerJoin(products, eq(products.id, stockItems.productId))
      .innerJoin(warehouses, eq(warehouses.id, stockItems.warehouseId))
      .where(w)
      .orderBy(products.code, warehouses.code)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${stockItems} join ${products} on ${products.id} = ${stockItems.productId} ${w ? sql`where ${w}` : sql``} limit ${COUNT_CAP + 1}) t`,
    ),
  ]);
  const n = Number(count.rows[0].n);
  return { items: rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
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
        productCode: products.code,
        productName: products.name,
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
      .innerJoin(products, eq(products.id, stockMovements.productId))
      .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
      .leftJoin(stockBatches, eq(stockBatches.id, stockMovements.batchId))
      .leftJoin(users, eq(users.id, stockMovements.createdBy))
      .where(w)
      .orderBy(desc(stockMovements.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${stockMovements} ${w ? sql`where ${w}` : sql``} limit ${COUNT_CAP + 1}) t`,
    ),
  ]);
  const n = Number(count.rows[0].n);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
  };
}
