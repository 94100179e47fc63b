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
import { customerContacts, customers } from '../customers/customers.schema.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';

/**
 * Quotes (报价, SPEC 3.2). A changed quote is a new version: a new row with the same `no` and the
 * next `revision`; the previous one becomes superseded.
 */
export const quotes = pgTable(
  'quotes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull(),
    revision: integer('revision').notNull().default(1),
    title: text('title').notNull(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    contactId: bigint('contact_id', { mode: 'number' }).references(() => customerContacts.id),
    opportunityId: bigint('opportunity_id', { mode: 'number' }).references(() => opportunities.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    // draft | pending_approval | approved | sent | accepted | rejected | expired | superseded | converted
    status: text('status').notNull().default('draft'),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    ...documentTotals(),
    discountTotal: moneyCol('discount_total').notNull().default('0'),
    // Why it needs internal approval: below_floor, discount_over_limit, policy_all.
    approvalReasons: text('approval_reasons').array().notNull().default(sql`'{}'::text[]`),
    deliveryTerms: text('delivery_terms'),
    paymentTerms: text('payment_terms'),
    remark: text('remark'),
    customerResponseAt: timestamp('customer_response_at', { withTimezone: true }),
    customerResponseNote: text('customer_response_note'),
    convertedOrderId: bigint('converted_order_id', { mode: 'number' }),
    convertedContractId: bigint('converted_contract_id', { mode: 'number' }),
    isLatest: boolean('is_latest').notNull().default(true),
    // lower(no + title), for the trigram keyword search (customer names are searched on customers).
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('quotes_no_revision_uq').on(t.no, t.revision),
    check(
      'quotes_status_ck',
      sql`${t.status} in ('draft','pending_approval','approved','sent','accepted','rejected','expired','superseded','converted')`,
    ),
    index('quotes_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('quotes_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('quotes_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    // One index per sort the list offers (col DESC NULLS LAST, id DESC NULLS LAST: platform/lists
    // pageOrder), so any sort pages by walking an index (test/list-order-index.test.ts).
    index('quotes_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('quotes_valid_sort_idx').on(t.validUntil.desc(), t.id.desc()),
    index('quotes_total_idx').on(t.totalGross.desc(), t.id.desc()),
    index('quotes_no_idx').on(t.no.desc(), t.id.desc()),
    index('quotes_customer_idx').on(t.customerId, t.id.desc()),
    // An opportunity's quotes, for its links (issue 11 item 3).
    index('quotes_opportunity_idx').on(t.opportunityId, t.id.desc()).where(sql`${t.opportunityId} is not null`),
    index('quotes_status_idx').on(t.status, t.updatedAt.desc()),
    index('quotes_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('quotes_valid_idx').on(t.validUntil).where(sql`${t.status} in ('approved','sent')`),
  ],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    quoteId: bigint('quote_id', { mode: 'number' })
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    ...pricedLineColumns(),
    // Floor price of the product when priced; a line below it needs approval.
    floorPrice: moneyCol('floor_price'),
  },
  (t) => [index('quote_lines_quote_idx').on(t.quoteId, t.lineNo), check('quote_lines_qty_ck', sql`${t.qty} > 0`)],
);
