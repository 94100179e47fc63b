import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { qtyCol, timestamps } from '../../db/columns.ts';
import { users } from '../../platform/org/org.schema.ts';
import { products } from '../products/products.schema.ts';

export const warehouses = pgTable('warehouses', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  address: text('address'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  ...timestamps(),
});

/** Batches and serial numbers of tracked products, with expiry (traceability, SPEC 3.5). */
export const stockBatches = pgTable(
  'stock_batches',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    batchNo: text('batch_no').notNull(),
    serialNo: text('serial_no'),
    mfgDate: date('mfg_date', { mode: 'string' }),
    expiryDate: date('expiry_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stock_batches_uq').on(t.productId, t.batchNo, sql`coalesce(${t.serialNo}, '')`),
    index('stock_batches_batch_idx').on(t.batchNo),
  ],
);

/**
 * On-hand and reserved quantity per warehouse and product. Reservations for approved orders
 * raise `reserved`; available = on_hand − reserved. The CHECKs make negative stock impossible
 * whatever the code does (SPEC: no negative stock).
 */
export const stockItems = pgTable(
  'stock_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    onHand: qtyCol('on_hand').notNull().default('0'),
    reserved: qtyCol('reserved').notNull().default('0'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stock_items_uq').on(t.warehouseId, t.productId),
    index('stock_items_product_idx').on(t.productId),
    check('stock_items_on_hand_ck', sql`${t.onHand} >= 0`),
    check('stock_items_reserved_ck', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
  ],
);

/** On-hand per warehouse and batch of a tracked product (sums to stock_items.on_hand). */
export const stockLots = pgTable(
  'stock_lots',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => stockBatches.id),
    onHand: qtyCol('on_hand').notNull().default('0'),
  },
  (t) => [
    uniqueIndex('stock_lots_uq').on(t.warehouseId, t.batchId),
    check('stock_lots_on_hand_ck', sql`${t.onHand} >= 0`),
  ],
);

/** Reservation of stock for an approved order line; consumed by delivery, released on cancel. */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint('order_id', { mode: 'number' }).notNull(),
    orderLineId: bigint('order_line_id', { mode: 'number' }).notNull(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    qty: qtyCol('qty').notNull(),
    consumedQty: qtyCol('consumed_qty').notNull().default('0'),
    // active | released | consumed
    status: text('status').notNull().default('active'),
    ...timestamps(),
  },
  (t) => [
    index('stock_reservations_order_idx').on(t.orderId),
    uniqueIndex('stock_reservations_line_uq').on(t.orderLineId).where(sql`${t.status} = 'active'`),
    check('stock_reservations_qty_ck', sql`${t.qty} > 0 and ${t.consumedQty} >= 0 and ${t.consumedQty} <= ${t.qty}`),
  ],
);

/** Every stock movement (inbound, outbound by delivery, customer return, adjustment). */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // inbound | outbound | return | adjust | opening (期初, booked by the opening-stock import)
    kind: text('kind').notNull(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    batchId: bigint('batch_id', { mode: 'number' }).references(() => stockBatches.id),
    // Signed: + into stock, − out of stock.
    qty: qtyCol('qty').notNull(),
    refType: text('ref_type'),
    refId: bigint('ref_id', { mode: 'number' }),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('stock_movements_kind_ck', sql`${t.kind} in ('inbound','outbound','return','adjust','opening')`),
    index('stock_movements_product_idx').on(t.productId, t.id.desc()),
    index('stock_movements_batch_idx').on(t.batchId),
    index('stock_movements_ref_idx').on(t.refType, t.refId),
  ],
);
