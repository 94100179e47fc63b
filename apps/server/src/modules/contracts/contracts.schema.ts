import { sql } from 'drizzle-orm';
import {
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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { moneyCol, pricedLineColumns, timestamps } from '../../db/columns.ts';
import type { FieldChange } from '../../platform/audit/audit.schema.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { opportunityProposals } from '../opportunities/opportunities.schema.ts';
import { quotes } from '../quotes/quotes.schema.ts';

/** Contract templates with merge fields ({{customerName}}, {{amount}}, {{amountInWords}} …). */
export const contractTemplates = pgTable('contract_templates', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  body: text('body').notNull(),
  qualityStandard: text('quality_standard'),
  afterSalesTerms: text('after_sales_terms'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  ...timestamps(),
});

/**
 * Contracts (合同, SPEC 3.3): review (合同评审) through the approval engine, signing, ledger
 * amounts maintained by the finance module, amendments as approved revisions.
 */
export const contracts = pgTable(
  'contracts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    title: text('title').notNull(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    // Source of the deal (SPEC 3.1: sign after the customer accepted the proposal): the accepted
    // quote it was converted from, or the proposal it was drafted from.
    quoteId: bigint('quote_id', { mode: 'number' }).references(() => quotes.id),
    proposalId: bigint('proposal_id', { mode: 'number' }).references(() => opportunityProposals.id),
    orderId: bigint('order_id', { mode: 'number' }),
    templateId: integer('template_id').references(() => contractTemplates.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    // draft | in_review | approved | signed | completed | terminated
    status: text('status').notNull().default('draft'),
    // Amendment revision in force (1 = as first signed).
    revision: integer('revision').notNull().default(1),
    amount: moneyCol('amount').notNull(),
    partyA: text('party_a').notNull(),
    partyB: text('party_b').notNull(),
    deliveryTerms: text('delivery_terms'),
    qualityStandard: text('quality_standard'),
    paymentTerms: text('payment_terms'),
    afterSalesTerms: text('after_sales_terms'),
    body: text('body').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    signedDate: date('signed_date', { mode: 'string' }),
    ourSignatory: text('our_signatory'),
    customerSignatory: text('customer_signatory'),
    // Ledger (合同台账), maintained by finance: issued non-void invoices and confirmed receipts.
    invoicedAmount: moneyCol('invoiced_amount').notNull().default('0'),
    receivedAmount: moneyCol('received_amount').notNull().default('0'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    check(
      'contracts_status_ck',
      sql`${t.status} in ('draft','in_review','approved','signed','completed','terminated')`,
    ),
    check('contracts_amount_ck', sql`${t.amount} >= 0`),
    check('contracts_dates_ck', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
    index('contracts_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('contracts_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('contracts_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    // One index per sort the list offers (col DESC NULLS LAST, id DESC NULLS LAST: platform/lists
    // pageOrder), so any sort pages by walking an index (test/list-order-index.test.ts).
    index('contracts_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('contracts_end_sort_idx').on(t.endDate.desc(), t.id.desc()),
    index('contracts_amount_idx').on(t.amount.desc(), t.id.desc()),
    index('contracts_no_idx').on(t.no.desc(), t.id.desc()),
    index('contracts_customer_idx').on(t.customerId, t.id.desc()),
    // The contracts converted from a quote or drafted from a proposal, for their links (issue 11 item 3).
    index('contracts_quote_idx').on(t.quoteId).where(sql`${t.quoteId} is not null`),
    index('contracts_proposal_idx').on(t.proposalId).where(sql`${t.proposalId} is not null`),
    index('contracts_status_idx').on(t.status, t.updatedAt.desc()),
    index('contracts_end_idx').on(t.endDate).where(sql`${t.status} = 'signed'`),
    // Ledger keyword search on number, title and customer name (same expression as contracts.list.ts).
    index('contracts_search_trgm_idx').using(
      'gin',
      sql`lower(${t.no} || ' ' || ${t.title} || ' ' || ${t.partyB}) gin_trgm_ops`,
    ),
  ],
);

export const contractLines = pgTable(
  'contract_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    ...pricedLineColumns(),
  },
  (t) => [index('contract_lines_contract_idx').on(t.contractId, t.lineNo)],
);

/** Payment plan (回款计划): deposit and instalments whose amounts sum to the contract amount. */
export const contractPaymentPlan = pgTable(
  'contract_payment_plan',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    // deposit | down_payment | instalment | final
    kind: text('kind').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amount: moneyCol('amount').notNull(),
    // Confirmed receipts matched to this instalment (finance).
    receivedAmount: moneyCol('received_amount').notNull().default('0'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('contract_payment_plan_seq_uq').on(t.contractId, t.seq),
    check('contract_payment_plan_kind_ck', sql`${t.kind} in ('deposit','down_payment','instalment','final')`),
    check('contract_payment_plan_amount_ck', sql`${t.amount} > 0 and ${t.receivedAmount} >= 0`),
    index('contract_payment_plan_due_idx').on(t.dueDate).where(sql`${t.receivedAmount} < ${t.amount}`),
  ],
);

/** An amendment (变更): a proposed new revision, applied when its approval passes. */
export const contractAmendments = pgTable(
  'contract_amendments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    revision: integer('revision').notNull(),
    reason: text('reason').notNull(),
    // Field-level diff against the revision in force, and the full proposed values.
    changes: jsonb('changes').$type<FieldChange[]>().notNull(),
    proposed: jsonb('proposed').$type<Record<string, unknown>>().notNull(),
    // pending | approved | rejected | returned | withdrawn
    status: text('status').notNull().default('pending'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('contract_amendments_revision_uq').on(t.contractId, t.revision),
    index('contract_amendments_contract_idx').on(t.contractId),
  ],
);

/** Contract disputes (纠纷), each with a responsible owner until resolved. */
export const contractDisputes = pgTable(
  'contract_disputes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    handlerId: integer('handler_id')
      .notNull()
      .references(() => users.id),
    // open | resolved
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('contract_disputes_contract_idx').on(t.contractId),
    index('contract_disputes_handler_idx').on(t.handlerId).where(sql`${t.status} = 'open'`),
  ],
);
