import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { qtyCol, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { orderLines, orders } from '../orders/orders.schema.ts';
import { products } from '../products/products.schema.ts';
import { stockBatches, warehouses } from '../stock/stock.schema.ts';

/**
 * Delivery notes (送货单, SPEC 3.5) from approved orders; partial deliveries allowed. Owner and
 * department are the order's, so the data scope of a delivery is its order's.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    // draft | shipped | signed | cancelled
    status: text('status').notNull().default('draft'),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    consignee: text('consignee').notNull(),
    consigneePhone: text('consignee_phone'),
    address: text('address').notNull(),
    boxCount: integer('box_count'),
    plannedDate: date('planned_date', { mode: 'string' }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    shippedBy: integer('shipped_by').references(() => users.id),
    // Customer sign-off (签收)
    signerName: text('signer_name'),
    signedDate: date('signed_date', { mode: 'string' }),
    signedRecordedBy: integer('signed_recorded_by').references(() => users.id),
    discrepancy: text('discrepancy'),
    // Some line shipped under an emergency release and is not yet inspected (紧急放行, flagged).
    emergencyOpen: boolean('emergency_open').notNull().default(false),
    checklist: jsonb('checklist')
      .$type<{ key: string; label: string; ok: boolean; note?: string }[]>()
      .notNull()
      .default([]),
    remark: text('remark'),
    // A replacement note (补发/换货) re-ships goods of a signed note: the original, why, and the
    // document that asked for it (a complaint, an exchange). See deliveries.replacement.ts.
    replacementOf: bigint('replacement_of', { mode: 'number' }).references((): AnyPgColumn => deliveries.id),
    replacementReason: text('replacement_reason'),
    sourceType: text('source_type'),
    sourceId: bigint('source_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    check('deliveries_status_ck', sql`${t.status} in ('draft','shipped','signed','cancelled')`),
    check(
      'deliveries_replacement_ck',
      sql`(${t.replacementOf} is null and ${t.replacementReason} is null) or (${t.replacementOf} is not null and ${t.replacementReason} in ('complaint','exchange'))`,
    ),
    index('deliveries_replacement_idx').on(t.replacementOf).where(sql`${t.replacementOf} is not null`),
    index('deliveries_source_idx').on(t.sourceType, t.sourceId).where(sql`${t.sourceType} is not null`),
    index('deliveries_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('deliveries_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('deliveries_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('deliveries_order_idx').on(t.orderId),
    index('deliveries_customer_idx').on(t.customerId, t.id.desc()),
    index('deliveries_emergency_idx').on(t.id).where(sql`${t.emergencyOpen}`),
    index('deliveries_status_idx').on(t.status, t.updatedAt.desc()),
    // Keyword search on the note number and consignee (lists, SPEC 3.5).
    index('deliveries_search_trgm_idx').using('gin', sql`lower(${t.no} || ' ' || ${t.consignee}) gin_trgm_ops`),
  ],
);

/**
 * A delivery line with its outbound inspection (合格 passed / 不合格 failed / 待检 pending /
 * 待处理 on_hold / 报废 scrapped). Only passed lines ship, unless emergency_release = approved.
 */
export const deliveryLines = pgTable(
  'delivery_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    orderLineId: bigint('order_line_id', { mode: 'number' })
      .notNull()
      .references(() => orderLines.id),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    batchId: bigint('batch_id', { mode: 'number' }).references(() => stockBatches.id),
    qty: qtyCol('qty').notNull(),
    receivedQty: qtyCol('received_qty'),
    inspectionStatus: text('inspection_status').notNull().default('pending'),
    inspectedBy: integer('inspected_by').references(() => users.id),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }),
    inspectionNote: text('inspection_note'),
    // none | pending | approved | rejected
    emergencyRelease: text('emergency_release').notNull().default('none'),
    emergencyReason: text('emergency_reason'),
    // On a replacement note: the line of the original note whose goods this line replaces.
    replacesLineId: bigint('replaces_line_id', { mode: 'number' }).references((): AnyPgColumn => deliveryLines.id),
  },
  (t) => [
    check(
      'delivery_lines_inspection_ck',
      sql`${t.inspectionStatus} in ('passed','failed','pending','on_hold','scrapped')`,
    ),
    check('delivery_lines_emergency_ck', sql`${t.emergencyRelease} in ('none','pending','approved','rejected')`),
    check('delivery_lines_qty_ck', sql`${t.qty} > 0 and (${t.receivedQty} is null or ${t.receivedQty} >= 0)`),
    index('delivery_lines_delivery_idx').on(t.deliveryId),
    index('delivery_lines_batch_idx').on(t.batchId),
    index('delivery_lines_order_line_idx').on(t.orderLineId),
    index('delivery_lines_replaces_idx').on(t.replacesLineId).where(sql`${t.replacesLineId} is not null`),
  ],
);
