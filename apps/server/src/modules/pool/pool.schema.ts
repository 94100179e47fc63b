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
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';

/**
 * A public pool (公海, SPEC 2.4). Its customers (customers.owner_id null, pool_id = this pool) are
 * visible and claimable to users of its member departments and everything below them.
 */
export const pools = pgTable(
  'pools',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description'),
    // The company's pool of last resort (公共客户池): reclaimed customers without a better pool go here.
    isDefault: boolean('is_default').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pools_name_uq').on(t.name),
    uniqueIndex('pools_default_uq').on(t.isDefault).where(sql`${t.isDefault}`),
  ],
);

export const poolMembers = pgTable(
  'pool_members',
  {
    poolId: integer('pool_id')
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.deptId] }), index('pool_members_dept_idx').on(t.deptId)],
);

/**
 * Every time a customer left an owner for a pool: who lost it, when, why and how. The previous
 * owner may not claim it back for pool.reclaimBlockDays.
 */
export const poolHistory = pgTable(
  'pool_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    poolId: integer('pool_id')
      .notNull()
      .references(() => pools.id),
    releasedAt: timestamp('released_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    how: text('how').notNull(),
    // Who did it: the owner (release), a manager (transfer), null for the reclaim sweep.
    actorId: integer('actor_id').references(() => users.id),
  },
  (t) => [
    check('pool_history_how_ck', sql`${t.how} in ('release','reclaim','transfer')`),
    index('pool_history_customer_idx').on(t.customerId, t.releasedAt.desc(), t.id.desc()),
    index('pool_history_user_idx').on(t.userId, t.customerId, t.releasedAt.desc()),
  ],
);

/**
 * The reclaim warning sent for a customer's current reclaim cycle (one per cycle). A cycle is
 * identified by owner + the due moment computed from the customer's dates; a follow-up, deal or
 * new owner moves the due moment and so starts a new cycle.
 */
export const poolReclaimNotices = pgTable('pool_reclaim_notices', {
  customerId: bigint('customer_id', { mode: 'number' })
    .primaryKey()
    .references(() => customers.id),
  ownerId: integer('owner_id').notNull(),
  cycleDue: timestamp('cycle_due', { withTimezone: true }).notNull(),
  // Never earlier than the notice plus the warning days: a late notice still gives full notice.
  reclaimAt: timestamp('reclaim_at', { withTimezone: true }).notNull(),
  notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull(),
});
