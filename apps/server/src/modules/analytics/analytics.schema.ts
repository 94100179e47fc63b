import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { moneyCol, qtyCol } from '../../db/columns.ts';

/**
 * Indicator facts (SPEC 5.1, ARCHITECTURE "Indicators"): one row per booked event, written in the
 * transaction of the event itself. rep_id / dept_id are the credited rep and their department AT
 * BOOKING TIME (snapshot columns): a later customer transfer never moves a fact. Reversals
 * (cancellation, return, red-letter invoice) are rows of their own with negative values, so every
 * measure is a plain SUM and history is append-only.
 *
 * kind: order | order_cancel | return | invoice | payment | customer | lead | lead_deal | quote
 *       | follow_up | stage
 */
export const analyticsFacts = pgTable(
  'analytics_facts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    // The company-calendar day (Asia/Shanghai) the event was booked.
    factDate: date('fact_date', { mode: 'string' }).notNull(),
    repId: integer('rep_id'),
    deptId: integer('dept_id'),
    customerId: bigint('customer_id', { mode: 'number' }),
    productId: bigint('product_id', { mode: 'number' }),
    categoryId: integer('category_id'),
    region: text('region'),
    // Order channel, customer source, registration channel — per kind.
    channel: text('channel'),
    // Sub-kind: registration kind (call/visit), stage id, follow-up type.
    sub: text('sub'),
    // The record behind the fact, for drill-down and idempotent rebuilds.
    sourceType: text('source_type').notNull(),
    sourceId: bigint('source_id', { mode: 'number' }).notNull(),
    lineId: bigint('line_id', { mode: 'number' }),
    // Count contribution (1, or -1 for a reversal; 0 for the 2nd+ line of a document).
    n: integer('n').notNull().default(0),
    qty: qtyCol('qty').notNull().default('0'),
    // Gross (含税) amount — what the order, invoice and payment lists show.
    amount: moneyCol('amount').notNull().default('0'),
    // Net (不含税) amount; gross margin = net − cost.
    netAmount: moneyCol('net_amount').notNull().default('0'),
    // Product cost × qty at booking time; null when the product has no cost on file.
    cost: numeric('cost', { precision: 18, scale: 2 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'analytics_facts_kind_ck',
      sql`${t.kind} in ('order','order_cancel','return','invoice','payment','customer','lead','lead_deal','quote','follow_up','stage')`,
    ),
    index('analytics_facts_kind_date_idx').on(t.kind, t.factDate),
    index('analytics_facts_rep_idx').on(t.repId, t.kind, t.factDate),
    index('analytics_facts_dept_idx').on(t.deptId, t.kind, t.factDate),
    index('analytics_facts_source_idx').on(t.sourceType, t.sourceId),
    // A return finds the sale it reverses by order line.
    index('analytics_facts_line_idx').on(t.lineId).where(sql`${t.lineId} is not null`),
  ],
);

/**
 * Monthly totals of the facts per kind, rep, department, sub-kind and channel (ARCHITECTURE
 * "Indicators": figures that must be instant at scale are maintained summary rows). Written by the
 * same statement that inserts the facts (analytics.facts.ts), so it is exactly the sum of the facts
 * at every commit; checkMonthlyTotals() compares it with the facts from scratch. Whole-month
 * figures without product / category / region / customer filters read it (B8); whole-month figures
 * by product / category or by region read the two summaries below (analytics.engine.ts).
 */
export const analyticsMonthly = pgTable(
  'analytics_monthly',
  {
    // The first day of the month.
    factDate: date('fact_date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    repId: integer('rep_id'),
    deptId: integer('dept_id'),
    sub: text('sub'),
    channel: text('channel'),
    n: bigint('n', { mode: 'number' }).notNull().default(0),
    qty: numeric('qty', { precision: 20, scale: 4 }).notNull().default('0'),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull().default('0'),
    netAmount: numeric('net_amount', { precision: 20, scale: 2 }).notNull().default('0'),
    // Net amount and cost of the rows whose product had a cost: margin = margin_net − cost.
    marginNet: numeric('margin_net', { precision: 20, scale: 2 }).notNull().default('0'),
    cost: numeric('cost', { precision: 20, scale: 2 }).notNull().default('0'),
  },
  (t) => [
    unique('analytics_monthly_key').on(t.factDate, t.kind, t.repId, t.deptId, t.sub, t.channel).nullsNotDistinct(),
    index('analytics_monthly_kind_idx').on(t.kind, t.factDate),
  ],
);

/** The summed columns every monthly summary carries (see analyticsMonthly). */
const sums = () => ({
  n: bigint('n', { mode: 'number' }).notNull().default(0),
  qty: numeric('qty', { precision: 20, scale: 4 }).notNull().default('0'),
  amount: numeric('amount', { precision: 20, scale: 2 }).notNull().default('0'),
  netAmount: numeric('net_amount', { precision: 20, scale: 2 }).notNull().default('0'),
  marginNet: numeric('margin_net', { precision: 20, scale: 2 }).notNull().default('0'),
  cost: numeric('cost', { precision: 20, scale: 2 }).notNull().default('0'),
});

/**
 * Monthly totals per product and category (B8: the dashboard's product / category breakdowns read
 * ~4k rows a month instead of ~600k facts). Maintained exactly like analyticsMonthly — by the
 * statement that inserts the facts — with the scope columns (rep_id, dept_id) the engine filters on.
 */
export const analyticsMonthlyProduct = pgTable(
  'analytics_monthly_product',
  {
    factDate: date('fact_date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    repId: integer('rep_id'),
    deptId: integer('dept_id'),
    productId: bigint('product_id', { mode: 'number' }),
    categoryId: integer('category_id'),
    ...sums(),
  },
  (t) => [
    unique('analytics_monthly_product_key')
      .on(t.factDate, t.kind, t.repId, t.deptId, t.productId, t.categoryId)
      .nullsNotDistinct(),
  ],
);

/** Monthly totals per customer region (B8: the dashboard's region breakdown), maintained likewise. */
export const analyticsMonthlyRegion = pgTable(
  'analytics_monthly_region',
  {
    factDate: date('fact_date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    repId: integer('rep_id'),
    deptId: integer('dept_id'),
    region: text('region'),
    ...sums(),
  },
  (t) => [
    unique('analytics_monthly_region_key').on(t.factDate, t.kind, t.repId, t.deptId, t.region).nullsNotDistinct(),
  ],
);
