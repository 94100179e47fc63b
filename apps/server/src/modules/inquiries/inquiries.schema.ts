import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { products } from '../products/products.schema.ts';

/**
 * A pre-sale inquiry (售前咨询, SPEC 2.9): who asked, through which channel, about what, and the
 * answer. Scope follows the handler and the handler's department when it was recorded
 * (`dept_id`), plus the recorder (the front desk sees what it recorded). Online inquiries carry
 * a reply deadline in working time of the company calendar (policy inquiries.onlineReplyMinutes).
 */
export const inquiries = pgTable(
  'inquiries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channel: text('channel').notNull(),
    contactName: text('contact_name').notNull(),
    company: text('company'),
    mobile: text('mobile'),
    email: text('email'),
    topic: text('topic').notNull(),
    question: text('question').notNull(),
    answer: text('answer'),
    status: text('status').notNull().default('open'),
    handlerId: integer('handler_id')
      .notNull()
      .references(() => users.id),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    replyDueAt: timestamp('reply_due_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: integer('answered_by').references(() => users.id),
    // When the reply time ran out unanswered (set on a late answer or by the sweep); alerted once.
    replyBreachedAt: timestamp('reply_breached_at', { withTimezone: true }),
    breachAlertedAt: timestamp('breach_alerted_at', { withTimezone: true }),
    customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id),
    opportunityId: bigint('opportunity_id', { mode: 'number' }).references(() => opportunities.id),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('inquiries_channel_ck', sql`${t.channel} in ('phone', 'online', 'email', 'visit')`),
    check('inquiries_status_ck', sql`${t.status} in ('open', 'answered')`),
    check(
      'inquiries_answered_ck',
      sql`(${t.status} = 'answered') = (${t.answeredAt} is not null and ${t.answer} is not null)`,
    ),
    // Only online inquiries run against the reply clock.
    check('inquiries_due_ck', sql`(${t.replyDueAt} is not null) = (${t.channel} = 'online')`),
    index('inquiries_received_idx').on(t.receivedAt.desc().nullsLast(), t.id.desc().nullsLast()),
    index('inquiries_handler_idx').on(t.handlerId, t.receivedAt.desc().nullsLast(), t.id.desc().nullsLast()),
    index('inquiries_dept_idx').on(t.deptId, t.receivedAt.desc().nullsLast(), t.id.desc().nullsLast()),
    index('inquiries_creator_idx').on(t.createdBy, t.receivedAt.desc().nullsLast()),
    // The sweep reads online inquiries still waiting past their due time.
    index('inquiries_waiting_idx').on(t.replyDueAt).where(sql`${t.answeredAt} is null and ${t.replyDueAt} is not null`),
  ],
);

/** Products an inquiry asked about (the "products asked about" analysis). */
export const inquiryProducts = pgTable(
  'inquiry_products',
  {
    inquiryId: bigint('inquiry_id', { mode: 'number' })
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
  },
  (t) => [primaryKey({ columns: [t.inquiryId, t.productId] }), index('inquiry_products_product_idx').on(t.productId)],
);

/**
 * A pre-sale service request (售前服务: 产品资料, 技术咨询, 样品) raised from an inquiry and tracked to
 * fulfilment by its assignee. A sample names the product, quantity and expected return date;
 * `returned_at` records the return. Scope: the assignee and their department, plus the recorder.
 */
export const presaleRequests = pgTable(
  'presale_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    inquiryId: bigint('inquiry_id', { mode: 'number' })
      .notNull()
      .references(() => inquiries.id),
    kind: text('kind').notNull(),
    detail: text('detail').notNull(),
    productId: bigint('product_id', { mode: 'number' }).references(() => products.id),
    quantity: integer('quantity'),
    expectedReturnDate: date('expected_return_date', { mode: 'string' }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    status: text('status').notNull().default('open'),
    assigneeId: integer('assignee_id')
      .notNull()
      .references(() => users.id),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    fulfilledBy: integer('fulfilled_by').references(() => users.id),
    note: text('note'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('presale_kind_ck', sql`${t.kind} in ('product_info', 'technical', 'sample')`),
    check('presale_status_ck', sql`${t.status} in ('open', 'in_progress', 'fulfilled', 'cancelled')`),
    check(
      'presale_sample_ck',
      sql`${t.kind} <> 'sample' or (${t.productId} is not null and ${t.quantity} > 0 and ${t.expectedReturnDate} is not null)`,
    ),
    check('presale_returned_ck', sql`${t.returnedAt} is null or (${t.kind} = 'sample' and ${t.status} = 'fulfilled')`),
    index('presale_created_idx').on(t.createdAt.desc().nullsLast(), t.id.desc().nullsLast()),
    index('presale_assignee_idx').on(t.assigneeId, t.createdAt.desc().nullsLast(), t.id.desc().nullsLast()),
    index('presale_dept_idx').on(t.deptId, t.createdAt.desc().nullsLast(), t.id.desc().nullsLast()),
    index('presale_inquiry_idx').on(t.inquiryId),
    // Samples out and not back: the overdue-return filter.
    index('presale_samples_out_idx')
      .on(t.expectedReturnDate)
      .where(sql`${t.kind} = 'sample' and ${t.returnedAt} is null and ${t.status} = 'fulfilled'`),
  ],
);
