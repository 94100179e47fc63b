import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { documentTotals, moneyCol, pricedLineColumns, qtyCol, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { contracts } from '../contracts/contracts.schema.ts';
import { customerContacts, customers } from '../customers/customers.schema.ts';
import { products } from '../products/products.schema.ts';
import { quotes } from '../quotes/quotes.schema.ts';

/**
 * Sales orders (订单, SPEC 3.4). Status follows the table in packages/core orders.ts; the ledger
 * amounts (invoiced, received, written off) are maintained by the finance module.
 */
export const orders = pgTable(
  'orders',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    contactId: bigint('contact_id', { mode: 'number' }).references(() => customerContacts.id),
    quoteId: bigint('quote_id', { mode: 'number' }).references(() => quotes.id),
    contractId: bigint('contract_id', { mode: 'number' }).references(() => contracts.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    // rep | order_desk | phone | counter
    channel: text('channel').notNull().default('rep'),
    // Phone orders are confirmed back to the customer before submission (跟单, SPEC 3.4).
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmationNote: text('confirmation_note'),
    // draft | submitted | under_review | approved | in_preparation | partially_delivered | delivered | completed | cancelled
    status: text('status').notNull().default('draft'),
    requestedDate: date('requested_date', { mode: 'string' }).notNull(),
    promisedDate: date('promised_date', { mode: 'string' }),
    warehouseId: integer('warehouse_id'),
    specialRequirements: text('special_requirements'),
    // Customised specs need the customer's final confirmation before purchasing or production.
    specialConfirmedAt: timestamp('special_confirmed_at', { withTimezone: true }),
    consignee: text('consignee'),
    consigneePhone: text('consignee_phone'),
    shippingAddress: text('shipping_address'),
    ...documentTotals(),
    invoicedAmount: moneyCol('invoiced_amount').notNull().default('0'),
    receivedAmount: moneyCol('received_amount').notNull().default('0'),
    writtenOffAmount: moneyCol('written_off_amount').notNull().default('0'),
    // none | pending | approved | rejected (credit-override approval of the latest review)
    creditOverride: text('credit_override').notNull().default('none'),
    cancelReason: text('cancel_reason'),
    remark: text('remark'),
    slipNotifiedFor: date('slip_notified_for', { mode: 'string' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    check(
      'orders_status_ck',
      sql`${t.status} in ('draft','submitted','under_review','approved','in_preparation','partially_delivered','delivered','completed','cancelled')`,
    ),
    check('orders_channel_ck', sql`${t.channel} in ('rep','order_desk','phone','counter')`),
    check('orders_cancel_reason_ck', sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`),
    check(
      'orders_amounts_ck',
      sql`${t.invoicedAmount} >= 0 and ${t.receivedAmount} >= 0 and ${t.writtenOffAmount} >= 0`,
    ),
    index('orders_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('orders_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('orders_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    // One index per sort the list offers (col DESC NULLS LAST, id DESC NULLS LAST: platform/lists
    // pageOrder), so any sort pages by walking an index (test/list-order-index.test.ts).
    index('orders_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('orders_no_idx').on(t.no.desc(), t.id.desc()),
    index('orders_requested_idx').on(t.requestedDate.desc(), t.id.desc()),
    index('orders_total_idx').on(t.totalGross.desc(), t.id.desc()),
    index('orders_customer_idx').on(t.customerId, t.id.desc()),
    index('orders_status_idx').on(t.status, t.updatedAt.desc()),
    index('orders_contract_idx').on(t.contractId),
    // The orders converted from a quote, for its links (issue 11 item 3).
    index('orders_quote_idx').on(t.quoteId).where(sql`${t.quoteId} is not null`),
    index('orders_no_trgm_idx').using('gin', sql`lower(${t.no}) gin_trgm_ops`),
    index('orders_promised_idx')
      .on(t.promisedDate)
      .where(sql`${t.status} in ('approved','in_preparation','partially_delivered')`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    ...pricedLineColumns(),
    floorPrice: moneyCol('floor_price'),
    deliveredQty: qtyCol('delivered_qty').notNull().default('0'),
    // The product must carry Chinese labelling (seed 000 4.4.3 c), as priced; its check is ticked
    // by the reviewer or planner before the order can be confirmed.
    requiresChineseLabel: boolean('requires_chinese_label').notNull().default(false),
    labelCheckedAt: timestamp('label_checked_at', { withTimezone: true }),
    labelCheckedBy: integer('label_checked_by').references(() => users.id),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId, t.lineNo),
    index('order_lines_product_idx').on(t.productId),
    check('order_lines_qty_ck', sql`${t.qty} > 0 and ${t.deliveredQty} >= 0 and ${t.deliveredQty} <= ${t.qty}`),
  ],
);

/** Evidence of one order review (订单评审): credit, stock/capacity and completeness, decided together. */
export interface OrderReviewEvidence {
  credit: {
    limit: string | null;
    outstanding: string;
    thisOrder: string;
    exposure: string;
    excess: string;
    override: string;
    ok: boolean;
  };
  stock: {
    lineNo: number;
    productId: number | null;
    requested: string;
    available: string;
    capacity: string | null;
    ok: boolean;
  }[];
  completeness: { check: string; ok: boolean }[];
}

export const orderReviews = pgTable(
  'order_reviews',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    // passed | blocked
    outcome: text('outcome').notNull(),
    // credit | stock | completeness — what blocked it
    blockers: text('blockers').array().notNull().default(sql`'{}'::text[]`),
    evidence: jsonb('evidence').$type<OrderReviewEvidence>().notNull(),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_reviews_order_idx').on(t.orderId, t.id.desc())],
);

/**
 * Production / stock tasks (销售任务单) the planner makes from approved orders; their progress
 * feeds the 订货排产情况汇总表.
 */
export const productionTasks = pgTable(
  'production_tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    orderLineId: bigint('order_line_id', { mode: 'number' }).references(() => orderLines.id),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    // stock (备货) | production (排产)
    kind: text('kind').notNull(),
    qty: qtyCol('qty').notNull(),
    doneQty: qtyCol('done_qty').notNull().default('0'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    // planned | in_progress | done | cancelled
    status: text('status').notNull().default('planned'),
    progressNote: text('progress_note'),
    plannerId: integer('planner_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('production_tasks_kind_ck', sql`${t.kind} in ('stock','production')`),
    check('production_tasks_qty_ck', sql`${t.qty} > 0 and ${t.doneQty} >= 0`),
    index('production_tasks_order_idx').on(t.orderId),
    index('production_tasks_due_idx').on(t.dueDate).where(sql`${t.status} in ('planned','in_progress')`),
  ],
);
