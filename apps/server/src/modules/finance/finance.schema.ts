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
import { documentTotals, moneyCol, pricedLineColumns, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { contractPaymentPlan, contracts } from '../contracts/contracts.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { orders } from '../orders/orders.schema.ts';

/**
 * Payments (收款, SPEC 3.6) against an order or a contract. A rep's reported collection stays
 * `reported` until finance confirms it (核准, seed 002); a cheque stays `pending_clearance` until
 * cleared. Only confirmed and cleared payments count as received. Owner = the document's owner.
 */
export const payments = pgTable(
  'payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    orderId: bigint('order_id', { mode: 'number' }).references(() => orders.id),
    contractId: bigint('contract_id', { mode: 'number' }).references(() => contracts.id),
    planItemId: bigint('plan_item_id', { mode: 'number' }).references(() => contractPaymentPlan.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    // deposit 定金 | down_payment 首期款 | instalment | full
    kind: text('kind').notNull(),
    // transfer | cash | cheque | other
    method: text('method').notNull(),
    chequeNo: text('cheque_no'),
    amount: moneyCol('amount').notNull(),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    // reported | confirmed | pending_clearance | cleared | bounced | rejected
    status: text('status').notNull(),
    receiptNo: text('receipt_no').unique(),
    payerName: text('payer_name'),
    // Counter sales (门市收款, retail seed 5.2.6 唱收唱找): cash handed over and the change given back.
    tenderedAmount: moneyCol('tendered_amount'),
    changeAmount: moneyCol('change_amount'),
    remark: text('remark'),
    reportedBy: integer('reported_by').references(() => users.id),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('payments_kind_ck', sql`${t.kind} in ('deposit','down_payment','instalment','full')`),
    check('payments_method_ck', sql`${t.method} in ('transfer','cash','cheque','other')`),
    check(
      'payments_status_ck',
      sql`${t.status} in ('reported','confirmed','pending_clearance','cleared','bounced','rejected')`,
    ),
    check('payments_amount_ck', sql`${t.amount} > 0`),
    check('payments_target_ck', sql`${t.orderId} is not null or ${t.contractId} is not null`),
    check(
      'payments_change_ck',
      sql`(${t.tenderedAmount} is null and ${t.changeAmount} is null) or (${t.tenderedAmount} >= ${t.amount} and ${t.changeAmount} = ${t.tenderedAmount} - ${t.amount})`,
    ),
    index('payments_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('payments_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('payments_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('payments_customer_idx').on(t.customerId, t.receivedDate),
    // The customer 360's newest payments of a customer (issue 11 item 3).
    index('payments_customer_recent_idx').on(t.customerId, t.id.desc()),
    index('payments_order_idx').on(t.orderId),
    index('payments_contract_idx').on(t.contractId),
    index('payments_status_idx').on(t.status, t.updatedAt.desc()),
  ],
);

/**
 * Invoices (发票). Never edited once issued: a wrong invoice is voided and a new one issued that
 * points back to it (作废重开); `isLate` marks 补开. `externalNo` is the tax invoice number.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    externalNo: text('external_no').notNull(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    orderId: bigint('order_id', { mode: 'number' }).references(() => orders.id),
    contractId: bigint('contract_id', { mode: 'number' }).references(() => contracts.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    // vat_special 增值税专用发票 | vat_normal 增值税普通发票
    kind: text('kind').notNull(),
    // issued | void
    status: text('status').notNull().default('issued'),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    isLate: boolean('is_late').notNull().default(false),
    buyerName: text('buyer_name').notNull(),
    buyerTaxNo: text('buyer_tax_no'),
    buyerPhone: text('buyer_phone'),
    sellerName: text('seller_name').notNull(),
    issuerName: text('issuer_name').notNull(),
    payeeName: text('payee_name').notNull(),
    ...documentTotals(),
    amountInWords: text('amount_in_words').notNull(),
    // Receivable due date: issue date + the customer's payment terms.
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    replacesInvoiceId: bigint('replaces_invoice_id', { mode: 'number' }),
    // A red-letter invoice (红字发票, negative totals) credits this original, e.g. for a sales return.
    creditsInvoiceId: bigint('credits_invoice_id', { mode: 'number' }),
    voidReason: text('void_reason'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: integer('voided_by').references(() => users.id),
    issuedBy: integer('issued_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('invoices_external_no_uq').on(t.externalNo),
    check('invoices_kind_ck', sql`${t.kind} in ('vat_special','vat_normal')`),
    check('invoices_status_ck', sql`${t.status} in ('issued','void')`),
    check('invoices_void_ck', sql`${t.status} <> 'void' or ${t.voidReason} is not null`),
    check('invoices_target_ck', sql`${t.orderId} is not null or ${t.contractId} is not null`),
    check('invoices_red_ck', sql`${t.totalGross} >= 0 or ${t.creditsInvoiceId} is not null`),
    index('invoices_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('invoices_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('invoices_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('invoices_customer_idx').on(t.customerId, t.issueDate),
    // The customer 360's newest invoices of a customer (issue 11 item 3).
    index('invoices_customer_recent_idx').on(t.customerId, t.id.desc()),
    index('invoices_order_idx').on(t.orderId),
    index('invoices_contract_idx').on(t.contractId),
    index('invoices_credits_idx').on(t.creditsInvoiceId),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    invoiceId: bigint('invoice_id', { mode: 'number' })
      .notNull()
      .references(() => invoices.id),
    ...pricedLineColumns(),
  },
  (t) => [index('invoice_lines_invoice_idx').on(t.invoiceId, t.lineNo)],
);

/** Bad-debt write-off (坏账核销) of an order's outstanding amount; applies when approved. */
export const badDebtWriteOffs = pgTable(
  'bad_debt_write_offs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    amount: moneyCol('amount').notNull(),
    reason: text('reason').notNull(),
    // pending | approved | rejected | returned | withdrawn
    status: text('status').notNull().default('pending'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('bad_debt_amount_ck', sql`${t.amount} > 0`),
    index('bad_debt_order_idx').on(t.orderId),
    index('bad_debt_owner_idx').on(t.ownerId, t.id.desc()),
  ],
);
