import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { departments, users } from '../../platform/org/org.schema.ts';
import { pools } from '../pool/pool.schema.ts';

/** Rows every list but 已归档 shows: neither archived nor deleted. */
const live = (t: { archivedAt: AnyPgColumn; deletedAt: AnyPgColumn }) =>
  sql`${t.archivedAt} is null and ${t.deletedAt} is null`;

export const customers = pgTable(
  'customers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    // Normalised keys for the duplicate check (SPEC 2.3 查重).
    nameNorm: text('name_norm').notNull(),
    creditCode: text('credit_code'),
    idNumber: text('id_number'),
    mobile: text('mobile'),
    mobileNorm: text('mobile_norm'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    region: text('region'),
    industry: text('industry'),
    source: text('source'),
    class: text('class'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    remark: text('remark'),
    // Attributes for invitations and one-to-one follow-up (seed 001 客户邀约管理); dictionary codes
    // (@sales/core GENDERS, OCCUPATIONS, INTERESTS, PURCHASE_INTENTS). birth_date is personal data.
    gender: text('gender'),
    birthDate: date('birth_date', { mode: 'string' }),
    occupation: text('occupation'),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    purchaseIntent: text('purchase_intent'),
    ownerId: integer('owner_id').references(() => users.id),
    // Department of the owner, kept in step with ownerId: the data-scope filter reads it.
    ownerDeptId: integer('owner_dept_id').references(() => departments.id),
    lastFollowUpAt: timestamp('last_follow_up_at', { withTimezone: true }),
    // Public pool (公海, modules/pool): owner null + pool_id = in that pool; with an owner, pool_id is
    // the home pool it returns to. assigned_at starts the no-follow-up / no-deal reclaim clocks.
    poolId: integer('pool_id').references((): AnyPgColumn => pools.id),
    poolEnteredAt: timestamp('pool_entered_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    lastDealAt: timestamp('last_deal_at', { withTimezone: true }),
    // 锁定: exempt from automatic reclaim (per-rep limit pool.maxLockedCustomers).
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: integer('locked_by').references(() => users.id),
    // Credit (资信): changed only through an approved credit request.
    creditRating: text('credit_rating'),
    creditLimit: numeric('credit_limit', { precision: 18, scale: 2 }),
    paymentTermsDays: integer('payment_terms_days'),
    // Search keys, written with every change of the fields they derive from (customers.search.ts,
    // docs/adr/0004): number + name + credit code + pinyin (trigram index); phone digits (trigram
    // index, matched only where the phone is visible); 1–2-character grams (GIN array index).
    searchText: text('search_text').notNull().default(''),
    searchPhone: text('search_phone').notNull().default(''),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // 已归档: a delete within the retention period (policy records.retentionYears) archives instead.
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedBy: integer('archived_by'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check('customers_kind_ck', sql`${t.kind} in ('company','individual')`),
    check('customers_class_ck', sql`${t.class} is null or ${t.class} in ('A','B','C','KEY')`),
    // A customer without owner is in a pool; only an owned customer can be locked.
    check('customers_gender_ck', sql`${t.gender} is null or ${t.gender} in ('male','female')`),
    check(
      'customers_intent_ck',
      sql`${t.purchaseIntent} is null or ${t.purchaseIntent} in ('high','medium','low','none')`,
    ),
    check('customers_owner_or_pool_ck', sql`${t.ownerId} is not null or ${t.poolId} is not null`),
    check('customers_lock_owned_ck', sql`${t.lockedAt} is null or ${t.ownerId} is not null`),
    index('customers_pool_idx').on(t.poolId, t.poolEnteredAt.desc(), t.id.desc()).where(sql`${t.ownerId} is null`),
    // The pool list across several pools, by each sort it offers (pool_id = any(…) gives no order).
    index('customers_pool_entered_idx').on(t.poolEnteredAt.desc(), t.id.desc()).where(sql`${t.ownerId} is null`),
    index('customers_pool_created_idx').on(t.createdAt.desc(), t.id.desc()).where(sql`${t.ownerId} is null`),
    index('customers_pool_name_idx').on(t.name.desc(), t.id.desc()).where(sql`${t.ownerId} is null`),
    index('customers_locked_idx').on(t.ownerId).where(sql`${t.lockedAt} is not null`),
    uniqueIndex('customers_credit_code_uq').on(t.creditCode).where(sql`${t.deletedAt} is null`),
    uniqueIndex('customers_id_number_uq').on(t.idNumber).where(sql`${t.deletedAt} is null`),
    uniqueIndex('customers_mobile_uq').on(t.mobileNorm).where(sql`${t.deletedAt} is null`),
    uniqueIndex('customers_company_name_uq')
      .on(t.nameNorm)
      .where(sql`${t.deletedAt} is null and ${t.kind} = 'company'`),
    // List indexes follow the data-scope model (docs/adr/0004): SELF reads owner-led, department
    // scopes dept-led, ALL the global ones; all partial on live rows (what every list but 已归档
    // shows), so a capped count is an index-only scan. Each ends in (sort DESC NULLS LAST, id DESC
    // NULLS LAST), the order the lists ask for (platform/lists pageOrder).
    index('customers_owner_live_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_owner_class_live_idx').on(t.ownerId, t.class, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_dept_live_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_dept_class_live_idx').on(t.ownerDeptId, t.class, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_updated_live_idx').on(t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_created_live_idx').on(t.createdAt.desc(), t.id.desc()).where(live(t)),
    index('customers_name_live_idx').on(t.name.desc(), t.id.desc()).where(live(t)),
    index('customers_no_live_idx').on(t.no.desc(), t.id.desc()).where(live(t)),
    index('customers_class_live_idx').on(t.class, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_region_live_idx').on(t.region, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_source_live_idx').on(t.source, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_industry_live_idx').on(t.industry, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_tags_idx').using('gin', t.tags),
    // Attribute filters (issue 14 item 2). Gender alone halves the rows at best: no index of its own.
    index('customers_intent_live_idx').on(t.purchaseIntent, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_occupation_live_idx').on(t.occupation, t.updatedAt.desc(), t.id.desc()).where(live(t)),
    index('customers_birth_date_live_idx').on(t.birthDate).where(live(t)),
    index('customers_last_deal_live_idx').on(t.lastDealAt).where(live(t)),
    index('customers_interests_idx').using('gin', t.interests),
    index('customers_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('customers_search_phone_trgm_idx').using('gin', sql`${t.searchPhone} gin_trgm_ops`),
    index('customers_search_grams_idx').using('gin', t.searchGrams),
    index('customers_archived_idx').on(t.archivedAt.desc(), t.id.desc()).where(sql`${t.archivedAt} is not null`),
  ],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    title: text('title'),
    mobile: text('mobile'),
    mobileNorm: text('mobile_norm'),
    email: text('email'),
    wechat: text('wechat'),
    isPrimary: boolean('is_primary').notNull().default(false),
    remark: text('remark'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // 已归档: a delete within the retention period (policy records.retentionYears) archives instead.
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedBy: integer('archived_by'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  // Newest first per customer: the customer 360 (issue 11 item 3) reads its latest contacts in index order.
  (t) => [index('customer_contacts_customer_idx').on(t.customerId, t.id.desc())],
);

export const followUps = pgTable(
  'follow_ups',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    contactId: bigint('contact_id', { mode: 'number' }).references(() => customerContacts.id),
    type: text('type').notNull(),
    content: text('content').notNull(),
    outcome: text('outcome').notNull(),
    nextAction: text('next_action'),
    nextActionDate: date('next_action_date', { mode: 'string' }),
    // The browser's position (WGS-84) when the rep shared it; accuracy in metres.
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    locationAccuracy: integer('location_accuracy'),
    // Set when a later follow-up on the same customer supersedes this one's next action.
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('follow_ups_customer_idx').on(t.customerId, t.createdAt.desc()),
    index('follow_ups_due_idx').on(t.createdBy, t.nextActionDate).where(sql`${t.doneAt} is null`),
    check(
      'follow_ups_location_ck',
      sql`(${t.latitude} is null) = (${t.longitude} is null) and (${t.latitude} is null or (${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180))`,
    ),
  ],
);

/** A requested change of a customer's credit; it takes effect only when its approval passes. */
export const creditRequests = pgTable(
  'credit_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    rating: text('rating').notNull(),
    creditLimit: numeric('credit_limit', { precision: 18, scale: 2 }).notNull(),
    paymentTermsDays: integer('payment_terms_days').notNull(),
    oldRating: text('old_rating'),
    oldCreditLimit: numeric('old_credit_limit', { precision: 18, scale: 2 }),
    oldPaymentTermsDays: integer('old_payment_terms_days'),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('credit_requests_customer_idx').on(t.customerId, t.id.desc()),
    check('credit_requests_limit_ck', sql`${t.creditLimit} >= 0`),
  ],
);

/**
 * A saved customer-list filter (issue 14 item 3): the list's filter in its query-string form,
 * parsed with CustomerFilterQuery on save and on use. Private to its owner, or shared read-only
 * with the owner's department (dept_id: the owner's department when saved or last changed).
 */
export const customerSavedFilters = pgTable(
  'customer_saved_filters',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    name: text('name').notNull(),
    shared: boolean('shared').notNull().default(false),
    filter: jsonb('filter').$type<Record<string, string>>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customer_saved_filters_owner_name_uq').on(t.ownerId, t.name),
    index('customer_saved_filters_dept_idx').on(t.deptId).where(sql`${t.shared}`),
  ],
);
