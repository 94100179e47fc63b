import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';

/** A duty group (接待小组): the reps who take turns receiving new visitors and callers (轮值). */
export const dutyGroups = pgTable(
  'duty_groups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('duty_groups_dept_idx').on(t.deptId)],
);

/** The standing members of a group in rotation order (the default roster). */
export const dutyGroupMembers = pgTable(
  'duty_group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => dutyGroups.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] })],
);

/** Who is on duty in a group on a date (值班表), in rotation order; absent members are skipped. */
export const dutyRosters = pgTable(
  'duty_rosters',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => dutyGroups.id, { onDelete: 'cascade' }),
    dutyDate: date('duty_date', { mode: 'string' }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    position: integer('position').notNull(),
    absent: boolean('absent').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.dutyDate, t.userId] }),
    uniqueIndex('duty_rosters_position_uq').on(t.groupId, t.dutyDate, t.position),
    index('duty_rosters_date_idx').on(t.dutyDate),
  ],
);

/**
 * The round-robin pointer of a group on a date. Its row is locked by every assignment, so two
 * registrations at the same moment never pick the same turn.
 */
export const dutyRotation = pgTable(
  'duty_rotation',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => dutyGroups.id, { onDelete: 'cascade' }),
    dutyDate: date('duty_date', { mode: 'string' }).notNull(),
    lastUserId: integer('last_user_id').references(() => users.id),
    lastPosition: integer('last_position'),
    assignedCount: integer('assigned_count').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.dutyDate] })],
);

/** A call or visit registered at the front desk, with the routing decision taken for it. */
export const frontDeskRegistrations = pgTable(
  'front_desk_registrations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    visitorName: text('visitor_name').notNull(),
    phone: text('phone'),
    phoneNorm: text('phone_norm'),
    companyName: text('company_name'),
    channel: text('channel').notNull(),
    intent: text('intent'),
    budget: numeric('budget', { precision: 18, scale: 2 }),
    notes: text('notes'),
    repClaimedUserId: integer('rep_claimed_user_id').references(() => users.id),
    repClaimedText: text('rep_claimed_text'),
    dutyGroupId: integer('duty_group_id').references(() => dutyGroups.id),
    // The company-calendar day of the registration (Asia/Shanghai), for the daily counts.
    regDate: date('reg_date', { mode: 'string' }).notNull(),
    matchedCustomerId: bigint('matched_customer_id', { mode: 'number' }).references(() => customers.id),
    matchedInPool: boolean('matched_in_pool').notNull().default(false),
    customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id),
    isNewCustomer: boolean('is_new_customer').notNull().default(false),
    routedTo: integer('routed_to')
      .notNull()
      .references(() => users.id),
    // The routed rep's department at routing time: the data-scope filter reads it.
    routedDeptId: integer('routed_dept_id')
      .notNull()
      .references(() => departments.id),
    routeReason: text('route_reason').notNull(),
    registeredBy: integer('registered_by')
      .notNull()
      .references(() => users.id),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    // 市场调查: flagged by the front desk when the rep and the visitor confirm it together.
    surveyFlaggedAt: timestamp('survey_flagged_at', { withTimezone: true }),
    surveyFlaggedBy: integer('survey_flagged_by').references(() => users.id),
    surveyRepId: integer('survey_rep_id').references(() => users.id),
    surveyVisitorConfirmed: boolean('survey_visitor_confirmed'),
    surveyNote: text('survey_note'),
    // 归属冲突 (SPEC 2.3): the visitor named a rep (conflict_rep_id) other than the owner of the
    // customer their phone or company matched; routed to the owner and left to the manager to
    // resolve: 'open' → 'kept' (owner stays) or 'reassigned' (customer moved to the named rep).
    conflictRepId: integer('conflict_rep_id').references(() => users.id),
    conflictStatus: text('conflict_status'),
    conflictResolvedBy: integer('conflict_resolved_by').references(() => users.id),
    conflictResolvedAt: timestamp('conflict_resolved_at', { withTimezone: true }),
    conflictNote: text('conflict_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('fdr_kind_ck', sql`${t.kind} in ('call','visit')`),
    check('fdr_reason_ck', sql`${t.routeReason} in ('existing_owner','claimed_rep','rotation','replacement')`),
    check('fdr_budget_ck', sql`${t.budget} is null or ${t.budget} >= 0`),
    check('fdr_survey_ck', sql`${t.surveyFlaggedAt} is null or (${t.kind} = 'visit' and ${t.surveyRepId} is not null)`),
    index('fdr_date_idx').on(t.regDate, t.id),
    // The registrations list, newest first (platform/lists pageOrder).
    index('fdr_registered_idx').on(t.registeredAt.desc(), t.id.desc()),
    index('fdr_routed_idx').on(t.routedTo, t.regDate),
    index('fdr_dept_idx').on(t.routedDeptId, t.regDate),
    index('fdr_survey_idx').on(t.surveyFlaggedAt).where(sql`${t.surveyFlaggedAt} is not null`),
    check(
      'fdr_conflict_ck',
      sql`(${t.conflictStatus} is null and ${t.conflictRepId} is null) or (${t.conflictRepId} is not null and ${t.conflictStatus} in ('open','kept','reassigned'))`,
    ),
    index('fdr_conflict_idx')
      .on(t.conflictStatus, t.regDate.desc(), t.id.desc())
      .where(sql`${t.conflictStatus} is not null`),
  ],
);

/**
 * A 补客户 slot the director granted a rep for a market-survey visit. Until consumed it puts the
 * rep first in the rotation of a group they are on duty in.
 */
export const replacementGrants = pgTable(
  'replacement_grants',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    registrationId: bigint('registration_id', { mode: 'number' })
      .notNull()
      .references(() => frontDeskRegistrations.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    grantedBy: integer('granted_by')
      .notNull()
      .references(() => users.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    note: text('note'),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    consumedRegistrationId: bigint('consumed_registration_id', { mode: 'number' }).references(
      () => frontDeskRegistrations.id,
    ),
  },
  (t) => [
    uniqueIndex('replacement_grants_registration_uq').on(t.registrationId),
    index('replacement_grants_open_idx').on(t.userId, t.grantedAt).where(sql`${t.consumedAt} is null`),
  ],
);
