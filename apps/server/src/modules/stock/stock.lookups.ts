import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ValidationError } from '../../platform/errors/errors.ts';
import { stockBatches, stockLots, warehouses } from './stock.schema.ts';

// Read-only look-ups of warehouses, batches and lots, used by the ledger and by other modules.

export interface BatchInfo {
  id: number;
  productId: number;
  batchNo: string;
  serialNo: string | null;
  expiryDate: string | null;
}

const batchCols = {
  id: stockBatches.id,
  productId: stockBatches.productId,
  batchNo: stockBatches.batchNo,
  serialNo: stockBatches.serialNo,
  expiryDate: stockBatches.expiryDate,
};

/** Warehouse names by id, for documents that name their warehouse to readers without stock.view. */
export async function warehouseNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: warehouses.id, name: warehouses.name })
    .from(warehouses)
    .where(inArray(warehouses.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Batches by id (for delivery notes and traceability). */
export async function batchesById(db: DbOrTx, ids: number[]): Promise<Map<number, BatchInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select(batchCols).from(stockBatches).where(inArray(stockBatches.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** On hand of batches in one warehouse, by batch id (batches without a lot there are absent). Read-only: no lock. */
export async function lotOnHand(db: DbOrTx, warehouseId: number, batchIds: number[]): Promise<Map<number, string>> {
  if (batchIds.length === 0) return new Map();
  const rows = await db
    .select({ batchId: stockLots.batchId, onHand: stockLots.onHand })
    .from(stockLots)
    .where(and(eq(stockLots.warehouseId, warehouseId), inArray(stockLots.batchId, batchIds)));
  return new Map(rows.map((r) => [r.batchId, r.onHand]));
}

/** Batches of a product and/or with a batch number (exact), newest first, at most 200. */
export async function findBatches(db: DbOrTx, q: { productId?: number; batchNo?: string }): Promise<BatchInfo[]> {
  const where: SQL[] = [];
  if (q.productId !== undefined) where.push(eq(stockBatches.productId, q.productId));
  if (q.batchNo) where.push(eq(stockBatches.batchNo, q.batchNo));
  return db
    .select(batchCols)
    .from(stockBatches)
    .where(where.length ? and(...where) : undefined)
    .orderBy(sql`${stockBatches.id} desc`)
    .limit(200);
}

/** The id of an active warehouse, checked (field error otherwise); null → the first active warehouse. */
export async function resolveWarehouse(db: DbOrTx, id: number | null, field = 'warehouseId'): Promise<number | null> {
  const rows = await db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(id === null ? eq(warehouses.active, true) : and(eq(warehouses.id, id), eq(warehouses.active, true)))
    .orderBy(asc(warehouses.id))
    .limit(1);
  if (rows.length === 0 && id !== null) throw ValidationError.field(field, 'stock.warehouse_inactive');
  return rows[0]?.id ?? null;
}

/** Expiry from a product's shelf life: the manufacturing date (else `today`) plus the shelf-life days. */
export function shelfLifeExpiry(mfgDate: string | null, today: string, shelfLifeDays: number | null): string | null {
  if (!shelfLifeDays) return null;
  const d = new Date(`${mfgDate ?? today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + shelfLifeDays);
  return d.toISOString().slice(0, 10);
}
