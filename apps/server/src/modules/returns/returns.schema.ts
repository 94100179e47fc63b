import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { moneyCol, qtyCol } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { deliveries, deliveryLines } from '../deliveries/deliveries.schema.ts';
import { invoices } from '../finance/finance.schema.ts';
import { orderLines, orders } from '../orders/orders.schema.ts';
import { products } from '../products/products.schema.ts';
import { stockBatches, warehouses } from '../stock/stock.schema.ts';

/**
 * A sales return (销后退回申请表, seed 000 医药公司销后退回管理规定) against one signed delivery of an
 * order. Scope: owner and department of the order (the rep whose sale it was); the applicant is
 * `createdBy`. The deadline clock starts when the goods reach the warehouse (`arrivedAt`).
 */
export const salesReturns = pgTable(
  'sales_returns',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => deliveries.id),
    // return | exchange (换货: on completion a replacement delivery re-ships the goods).
    kind: text('kind').notNull().default('return'),
    reason: text('reason').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull().default('submitted'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    // Internal-error returns: the person charged (第二条 由申请人或责任人承担).
    responsibleUserId: integer('responsible_user_id').references(() => users.id),
    totalQty: qtyCol('total_qty').notNull(),
    totalAmount: moneyCol('total_amount').notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    warehouseId: integer('warehouse_id').references(() => warehouses.id),
    dueAt: timestamp('due_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    // Frozen at completion (live until then): 保管费 days × per day, the clerks' share.
    storageFeeDays: integer('storage_fee_days'),
    storageFee: moneyCol('storage_fee'),
    storageFeeClerks: moneyCol('storage_fee_clerks'),
    // Cost attribution, decided at completion (第一、二条).
    costBearer: text('cost_bearer'),
    chargeAmount: moneyCol('charge_amount'),
    expiredLossAmount: moneyCol('expired_loss_amount'),
    redInvoiceId: bigint('red_invoice_id', { mode: 'number' }).references(() => invoices.id),
    replacementDeliveryId: bigint('replacement_delivery_id', { mode: 'number' }).references(() => deliveries.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'sales_returns_reason_ck',
      sql`${t.reason} in ('quality','policy','breakage','wrong_sale','wrong_purchase','customer_error')`,
    ),
    check('sales_returns_status_ck', sql`${t.status} in ('submitted','returned','completed','rejected','withdrawn')`),
    check('sales_returns_qty_ck', sql`${t.totalQty} > 0 and ${t.totalAmount} >= 0`),
    check('sales_returns_arrival_ck', sql`(${t.arrivedAt} is null) = (${t.dueAt} is null)`),
    check('sales_returns_arrival_wh_ck', sql`(${t.arrivedAt} is null) = (${t.warehouseId} is null)`),
    // Finished = booked into stock: only after the goods arrived; the attribution is then fixed.
    check(
      'sales_returns_completed_ck',
      sql`(${t.status} = 'completed') = (${t.completedAt} is not null)
        and (${t.status} <> 'completed' or (${t.arrivedAt} is not null and ${t.costBearer} is not null and ${t.storageFee} is not null))`,
    ),
    check('sales_returns_bearer_ck', sql`${t.costBearer} is null or ${t.costBearer} in ('company','responsible')`),
    check('sales_returns_kind_ck', sql`${t.kind} in ('return','exchange')`),
    // The money side belongs to returns; an exchange's counterpart is its replacement delivery.
    check(
      'sales_returns_red_ck',
      sql`${t.redInvoiceId} is null or (${t.status} = 'completed' and ${t.kind} = 'return')`,
    ),
    check('sales_returns_exchange_ck', sql`${t.replacementDeliveryId} is null or ${t.kind} = 'exchange'`),
    index('sales_returns_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('sales_returns_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('sales_returns_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('sales_returns_customer_idx').on(t.customerId, t.id.desc()),
    index('sales_returns_delivery_idx').on(t.deliveryId),
    index('sales_returns_order_idx').on(t.orderId),
    index('sales_returns_due_idx').on(t.status, t.dueAt),
  ],
);

/** The delivered lines a return sends back: qty ≤ delivered − already returned (on live returns). */
export const salesReturnLines = pgTable(
  'sales_return_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    returnId: bigint('return_id', { mode: 'number' })
      .notNull()
      .references(() => salesReturns.id),
    deliveryLineId: bigint('delivery_line_id', { mode: 'number' })
      .notNull()
      .references(() => deliveryLines.id),
    orderLineId: bigint('order_line_id', { mode: 'number' })
      .notNull()
      .references(() => orderLines.id),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    batchId: bigint('batch_id', { mode: 'number' }).references(() => stockBatches.id),
    qty: qtyCol('qty').notNull(),
    // Gross value at the order's price: qty × the order line's gross per unit.
    amount: moneyCol('amount').notNull(),
  },
  (t) => [
    check('sales_return_lines_qty_ck', sql`${t.qty} > 0 and ${t.amount} >= 0`),
    index('sales_return_lines_return_idx').on(t.returnId),
    // The batch's quality tracking card lists its returns.
    index('sales_return_lines_batch_idx').on(t.batchId),
    index('sales_return_lines_dline_idx').on(t.deliveryLineId),
  ],
);

/**
 * Charges a return puts on people, for their appraisal (第二、三条): the per-piece charge of an
 * internal-error return to the responsible person, and the storage fee of a late return to the
 * applicant with the warehouse clerks' share. Append-only.
 */
export const salesReturnCharges = pgTable(
  'sales_return_charges',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    returnId: bigint('return_id', { mode: 'number' })
      .notNull()
      .references(() => salesReturns.id),
    kind: text('kind').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    qty: qtyCol('qty'),
    amount: moneyCol('amount').notNull(),
    clerksShare: moneyCol('clerks_share'),
    chargedAt: timestamp('charged_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('sales_return_charges_kind_ck', sql`${t.kind} in ('internal_error','storage_fee')`),
    check('sales_return_charges_amount_ck', sql`${t.amount} > 0`),
    index('sales_return_charges_user_idx').on(t.userId, t.chargedAt),
    index('sales_return_charges_return_idx').on(t.returnId),
  ],
);
