import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { moneyCol, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { orders } from '../orders/orders.schema.ts';

/**
 * A conference-marketing event (会销, SPEC 2.7; seed 001 会议筹备: 主题、议程、演讲嘉宾、参会人员).
 * Scope: the planner (ownerId) and their department; reps also see the events they invite to.
 * The plan goes through approval (draft → submitted → approved); invitations need it approved.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    theme: text('theme').notNull(),
    agenda: text('agenda'),
    speakers: text('speakers'),
    venue: text('venue'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    materials: text('materials'),
    // The gift handed out at check-in: a stocked product, issued from this warehouse.
    giftProductId: bigint('gift_product_id', { mode: 'number' }),
    giftWarehouseId: integer('gift_warehouse_id'),
    responsibleIds: integer('responsible_ids').array().notNull().default(sql`'{}'::int[]`),
    script: text('script'),
    status: text('status').notNull().default('draft'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('events_status_ck', sql`${t.status} in ('draft','submitted','approved','cancelled')`),
    check('events_time_ck', sql`${t.endsAt} > ${t.startsAt} and ${t.capacity} > 0`),
    index('events_list_idx').on(t.startsAt.desc(), t.id.desc()),
    index('events_owner_idx').on(t.ownerId, t.startsAt.desc()),
    index('events_dept_idx').on(t.ownerDeptId, t.startsAt.desc()),
    // The confirmation sweep reads approved events starting soon.
    index('events_sweep_idx').on(t.startsAt).where(sql`${t.status} = 'approved'`),
  ],
);

/** Budget by category (seed 001 费用预算: 预算金额) and what was actually spent (cost in the report). */
export const eventBudgetLines = pgTable(
  'event_budget_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    budget: moneyCol('budget').notNull(),
    actual: moneyCol('actual').notNull().default('0'),
    note: text('note'),
  },
  (t) => [
    check('event_budget_lines_ck', sql`${t.budget} >= 0 and ${t.actual} >= 0`),
    index('event_budget_lines_event_idx').on(t.eventId),
  ],
);

/**
 * One customer invited to one event (seed 001 邀约流程): rep, method, result, the decline reason,
 * the day-before confirmation and the check-in. Scope: the rep and the rep's department.
 * The token is the QR the front desk scans.
 */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    repId: integer('rep_id')
      .notNull()
      .references(() => users.id),
    repDeptId: integer('rep_dept_id')
      .notNull()
      .references(() => departments.id),
    method: text('method').notNull(),
    result: text('result').notNull().default('pending'),
    declineReason: text('decline_reason'),
    reasonNote: text('reason_note'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    token: text('token').notNull().unique(),
    walkIn: boolean('walk_in').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    seat: text('seat'),
    giftGivenAt: timestamp('gift_given_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('event_invitations_result_ck', sql`${t.result} in ('pending','accepted','declined','undecided')`),
    check('event_invitations_method_ck', sql`${t.method} in ('phone','sms','email','wechat','walk_in')`),
    // Seed 001 邀约流程 4: a decline always carries its reason.
    check('event_invitations_reason_ck', sql`${t.result} <> 'declined' or ${t.declineReason} is not null`),
    uniqueIndex('event_invitations_uq').on(t.eventId, t.customerId),
    index('event_invitations_rep_idx').on(t.eventId, t.repId),
    index('event_invitations_dept_idx').on(t.eventId, t.repDeptId),
    index('event_invitations_customer_idx').on(t.customerId),
  ],
);

/** Orders closed at an event (会上成交), attributed by a link, never a column on orders. */
export const eventOrders = pgTable(
  'event_orders',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    attributedBy: integer('attributed_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.orderId] }), uniqueIndex('event_orders_order_uq').on(t.orderId)],
);
