import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { moneyCol } from '../../db/columns.ts';
import { invoices } from './finance.schema.ts';

/**
 * Maintained receivables (ADR 0003). Derived data: every row follows from invoices, counted payments
 * and approved write-offs, recomputed for one document (order or contract) inside each transaction
 * that issues, voids or reissues an invoice, counts a payment or approves a write-off
 * (`syncReceivable`), and checked against a from-scratch computation by the
 * `receivables.consistency` sweep. Credits are applied first in, first out by due date (SPEC 3.6),
 * counting every counted payment whatever its received date — a past `asOf` reads the ledger instead.
 */

/** One row per issued (not voided) invoice: its share of the document's credit. */
export const receivableInvoices = pgTable(
  'receivable_invoices',
  {
    invoiceId: bigint('invoice_id', { mode: 'number' })
      .primaryKey()
      .references(() => invoices.id),
    docKey: text('doc_key').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    ownerId: integer('owner_id').notNull(),
    ownerDeptId: integer('owner_dept_id').notNull(),
    orderId: bigint('order_id', { mode: 'number' }),
    contractId: bigint('contract_id', { mode: 'number' }),
    // Sort keys of the arrears list (客户欠款明细表: customer, document, due date): the customer's
    // name is kept in step by a trigger on customers, the document number never changes.
    customerName: text('customer_name').notNull(),
    documentNo: text('document_no').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    gross: moneyCol('gross').notNull(),
    applied: moneyCol('applied').notNull(),
    outstanding: moneyCol('outstanding').notNull(),
  },
  (t) => [
    check('receivable_invoices_balance_ck', sql`${t.applied} >= 0 and ${t.outstanding} = ${t.gross} - ${t.applied}`),
    index('receivable_invoices_doc_idx').on(t.docKey),
    // Arrears pages, in the list's order, for each kind of scope (all / own / department); open rows only.
    index('receivable_invoices_arrears_idx')
      .on(sql`${t.customerName} collate "zh-x-icu"`, t.customerId, t.documentNo, t.dueDate, t.invoiceId)
      .where(sql`${t.outstanding} > 0`),
    index('receivable_invoices_arrears_owner_idx')
      .on(t.ownerId, sql`${t.customerName} collate "zh-x-icu"`, t.customerId, t.documentNo, t.dueDate, t.invoiceId)
      .where(sql`${t.outstanding} > 0`),
    index('receivable_invoices_arrears_dept_idx')
      .on(t.ownerDeptId, sql`${t.customerName} collate "zh-x-icu"`, t.customerId, t.documentNo, t.dueDate, t.invoiceId)
      .where(sql`${t.outstanding} > 0`),
    // Aging buckets of a page's customers (and the customer-name trigger); the overdue sweep by due date.
    index('receivable_invoices_customer_idx').on(t.customerId, t.dueDate),
    index('receivable_invoices_open_due_idx').on(t.dueDate).where(sql`${t.outstanding} > 0`),
  ],
);

/** One row per order or contract with at least one issued invoice (`o<id>` / `c<id>`). */
export const receivableDocuments = pgTable(
  'receivable_documents',
  {
    docKey: text('doc_key').primaryKey(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    ownerId: integer('owner_id').notNull(),
    ownerDeptId: integer('owner_dept_id').notNull(),
    invoiced: moneyCol('invoiced').notNull(),
    received: moneyCol('received').notNull(),
    writtenOff: moneyCol('written_off').notNull(),
    unapplied: moneyCol('unapplied').notNull(),
    outstanding: moneyCol('outstanding').notNull(),
    invoiceCount: integer('invoice_count').notNull(),
    // Latest received date of a counted payment / approval date of a write-off: an `asOf` before it
    // cannot be answered from these rows.
    lastCreditDate: date('last_credit_date', { mode: 'string' }),
  },
  (t) => [
    check(
      'receivable_documents_balance_ck',
      sql`${t.invoiced} + ${t.unapplied} = ${t.received} + ${t.writtenOff} + ${t.outstanding}`,
    ),
    index('receivable_documents_credit_date_idx').on(t.lastCreditDate),
  ],
);

const customerTotals = () => ({
  invoiced: moneyCol('invoiced').notNull(),
  received: moneyCol('received').notNull(),
  writtenOff: moneyCol('written_off').notNull(),
  unapplied: moneyCol('unapplied').notNull(),
  outstanding: moneyCol('outstanding').notNull(),
  documents: integer('documents').notNull(),
});

/**
 * Per customer and owner (all of an owner's records share one department, org-hooks keep it so):
 * the aging page of a scoped user.
 */
export const receivableCustomerOwners = pgTable(
  'receivable_customer_owners',
  {
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    ownerId: integer('owner_id').notNull(),
    ownerDeptId: integer('owner_dept_id').notNull(),
    ...customerTotals(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.ownerId] }),
    index('receivable_customer_owners_owner_idx').on(t.ownerId, t.outstanding.desc(), t.customerId),
    index('receivable_customer_owners_dept_idx').on(t.ownerDeptId, t.outstanding.desc(), t.customerId),
  ],
);

/**
 * Per department subtree and customer: the figures of every document owned in the department or
 * below it (one row per ancestor-or-self of the owner's department). A department-tree scope — a
 * manager's — reads one department's rows largest balance first by index, instead of summing every
 * customer-owner row of the subtree per request (B9: 2.1 s for a manager at 2 M orders).
 */
export const receivableCustomerSubtrees = pgTable(
  'receivable_customer_subtrees',
  {
    deptId: integer('dept_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    ...customerTotals(),
  },
  (t) => [
    primaryKey({ columns: [t.deptId, t.customerId] }),
    index('receivable_customer_subtrees_dept_idx').on(t.deptId, t.outstanding.desc(), t.customerId),
  ],
);

/**
 * Open outstanding per owner and due date: the bucket totals of the aging and arrears pages are a
 * sum over these (thousands of rows) instead of every open invoice (hundreds of thousands; B9).
 */
export const receivableDueTotals = pgTable(
  'receivable_due_totals',
  {
    ownerId: integer('owner_id').notNull(),
    ownerDeptId: integer('owner_dept_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    outstanding: moneyCol('outstanding').notNull(),
    invoices: integer('invoices').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.dueDate] }), index('receivable_due_totals_dept_idx').on(t.ownerDeptId)],
);

/** Per customer over every owner: the aging page of an all-scope user, largest balance first. */
export const receivableCustomers = pgTable(
  'receivable_customers',
  {
    customerId: bigint('customer_id', { mode: 'number' }).primaryKey(),
    ...customerTotals(),
  },
  (t) => [index('receivable_customers_outstanding_idx').on(t.outstanding.desc(), t.customerId)],
);
