import type { TestEnv } from './harness.ts';

/**
 * Direct-SQL seeding of quote-to-cash master data for tests of other modules, so a module's tests
 * do not depend on another module's HTTP routes (products, warehouses, stock on hand).
 */
export async function insertProduct(
  env: TestEnv,
  p: {
    code: string;
    name?: string;
    taxRate?: string;
    standardPrice?: string;
    floorPrice?: string;
    tracking?: 'none' | 'batch' | 'serial';
    unit?: string;
    categoryId?: number | null;
    warrantyMonths?: number;
  },
): Promise<number> {
  const r = await env.database.pool.query(
    `insert into products (code, name, unit, tax_rate, standard_price, floor_price, tracking, category_id, warranty_months, search_text)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, lower($1 || ' ' || $2)) returning id`,
    [
      p.code,
      p.name ?? `产品${p.code}`,
      p.unit ?? '台',
      p.taxRate ?? '13.00',
      p.standardPrice ?? '100.00',
      p.floorPrice ?? '80.00',
      p.tracking ?? 'none',
      p.categoryId ?? null,
      p.warrantyMonths ?? 12,
    ],
  );
  return Number(r.rows[0].id);
}

export async function insertWarehouse(env: TestEnv, code = 'WH-T', name = '测试仓'): Promise<number> {
  const r = await env.database.pool.query(
    `insert into warehouses (code, name) values ($1, $2) on conflict (code) do update set name = excluded.name returning id`,
    [code, name],
  );
  return Number(r.rows[0].id);
}

/** Puts `qty` on hand (optionally in a batch, created if new); returns the batch id or null. */
export async function stockIn(
  env: TestEnv,
  warehouseId: number,
  productId: number,
  qty: string,
  batchNo?: string,
  expiryDate?: string,
): Promise<number | null> {
  const pool = env.database.pool;
  await pool.query(
    `insert into stock_items (warehouse_id, product_id, on_hand) values ($1, $2, $3)
     on conflict (warehouse_id, product_id) do update set on_hand = stock_items.on_hand + excluded.on_hand`,
    [warehouseId, productId, qty],
  );
  let batchId: number | null = null;
  if (batchNo) {
    const b = await pool.query(
      `insert into stock_batches (product_id, batch_no, expiry_date) values ($1, $2, $3)
       on conflict (product_id, batch_no, coalesce(serial_no, '')) do update set batch_no = excluded.batch_no returning id`,
      [productId, batchNo, expiryDate ?? null],
    );
    batchId = Number(b.rows[0].id);
    await pool.query(
      `insert into stock_lots (warehouse_id, batch_id, on_hand) values ($1, $2, $3)
       on conflict (warehouse_id, batch_id) do update set on_hand = stock_lots.on_hand + excluded.on_hand`,
      [warehouseId, batchId, qty],
    );
  }
  await pool.query(
    `insert into stock_movements (kind, warehouse_id, product_id, batch_id, qty, note) values ('inbound', $1, $2, $3, $4, 'test seed')`,
    [warehouseId, productId, batchId, qty],
  );
  return batchId;
}
