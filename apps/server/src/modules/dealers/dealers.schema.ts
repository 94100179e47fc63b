import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { moneyCol, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';

/** One contact person of a dealer outlet (店长, 采购, 财务 …). */
export interface DealerContactRow {
  name: string;
  phone: string;
  role: string | null;
}

/**
 * A dealer outlet (经销商 / 经销点, SPEC 5.5; seed 000 设立经销点的经销制). A dealer IS a customer account:
 * the orders of the linked customer are the dealer's orders (attributed by the link, the orders
 * module knows nothing of dealers). Scope: the rep who manages the dealer (owner) and their department.
 */
export const dealers = pgTable(
  'dealers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    name: text('name').notNull(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    // 经销区域: region texts like the customers' region (江苏省/南京市).
    territories: text('territories').array().notNull().default(sql`'{}'::text[]`),
    contacts: jsonb('contacts').$type<DealerContactRow[]>().notNull().default([]),
    status: text('status').notNull().default('active'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    remark: text('remark'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('dealers_status_ck', sql`${t.status} in ('active','suspended')`),
    // One dealer per customer account: its orders are attributed to exactly one dealer.
    uniqueIndex('dealers_customer_uq').on(t.customerId),
    // The list (latest change first) per data scope (all / owner / department) and status filter;
    // the monthly review pages through the dealers by number.
    index('dealers_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('dealers_owner_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('dealers_dept_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('dealers_status_idx').on(t.status, t.updatedAt.desc(), t.id.desc()),
    index('dealers_no_idx').on(t.no, t.id),
  ],
);

/**
 * The monthly performance review of one dealer (每月对所有经销商的业绩审评): the figures of the month as
 * they stood when reviewed (from the indicator facts), the rating and comment, and the proposed
 * reward (对销售业绩突出者予以奖励). One per dealer and month; a later save is a new version.
 */
export const dealerReviews = pgTable(
  'dealer_reviews',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dealerId: bigint('dealer_id', { mode: 'number' })
      .notNull()
      .references(() => dealers.id),
    // The first day of the month reviewed.
    month: date('month', { mode: 'string' }).notNull(),
    orderCount: integer('order_count').notNull().default(0),
    orderAmount: moneyCol('order_amount').notNull().default('0'),
    returnAmount: moneyCol('return_amount').notNull().default('0'),
    collectionAmount: moneyCol('collection_amount').notNull().default('0'),
    rating: text('rating').notNull(),
    comment: text('comment').notNull(),
    rewardAmount: moneyCol('reward_amount').notNull().default('0'),
    rewardReason: text('reward_reason'),
    reviewedBy: integer('reviewed_by')
      .notNull()
      .references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    unique('dealer_reviews_month_uq').on(t.dealerId, t.month),
    check('dealer_reviews_rating_ck', sql`${t.rating} in ('A','B','C','D')`),
    check('dealer_reviews_month_ck', sql`extract(day from ${t.month}) = 1`),
    check('dealer_reviews_reward_ck', sql`${t.rewardAmount} >= 0`),
    check('dealer_reviews_reward_reason_ck', sql`${t.rewardAmount} = 0 or ${t.rewardReason} is not null`),
  ],
);

/** A visit to a dealer outlet (定期走访各经销点): who went, why, what was found, what comes next. */
export const dealerVisits = pgTable(
  'dealer_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dealerId: bigint('dealer_id', { mode: 'number' })
      .notNull()
      .references(() => dealers.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    visitorId: integer('visitor_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    findings: text('findings').notNull(),
    nextStep: text('next_step'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dealer_visits_dealer_idx').on(t.dealerId, t.visitedOn.desc(), t.id.desc())],
);
