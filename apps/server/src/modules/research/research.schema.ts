import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { moneyCol, qtyCol, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { productCategories } from '../products/products.schema.ts';

const owner = () => ({
  ownerId: integer('owner_id')
    .notNull()
    .references(() => users.id),
  // The owner's department when written (scope); history stays with the department it was written in.
  ownerDeptId: integer('owner_dept_id')
    .notNull()
    .references(() => departments.id),
});

/** A half-yearly market research report (seed 003: 每半年撰写一份市场调研报告), one per owner and period. */
export const researchReports = pgTable(
  'research_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    period: text('period').notNull(),
    title: text('title').notNull(),
    findings: text('findings').notNull().default(''),
    status: text('status').notNull().default('draft'),
    ...owner(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('research_reports_owner_period_uq').on(t.ownerId, t.period),
    check('research_reports_period_ck', sql`${t.period} ~ '^[0-9]{4}-H[12]$'`),
    check('research_reports_status_ck', sql`${t.status} in ('draft','submitted')`),
    check('research_reports_submitted_ck', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
    index('research_reports_owner_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('research_reports_dept_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('research_reports_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('research_reports_period_idx').on(t.period, t.updatedAt.desc(), t.id.desc()),
  ],
);

export type CompetitorOfferRow = { product: string; price: string };

/** A competitor (竞争对手, SPEC 2.2): company-wide market intelligence, not owned by a rep. */
export const competitors = pgTable(
  'competitors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    products: text('products').notNull().default(''),
    serviceLevel: text('service_level').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('competitors_name_uq').on(t.name),
    check('competitors_service_level_ck', sql`${t.serviceLevel} in ('excellent','good','average','poor')`),
    index('competitors_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('competitors_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** A competitor's product and its observed price (decimal, CNY). */
export const competitorOffers = pgTable(
  'competitor_offers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    competitorId: bigint('competitor_id', { mode: 'number' })
      .notNull()
      .references(() => competitors.id),
    product: text('product').notNull(),
    price: moneyCol('price').notNull(),
  },
  (t) => [
    index('competitor_offers_competitor_idx').on(t.competitorId, t.id),
    check('competitor_offers_price_ck', sql`${t.price} >= 0`),
  ],
);

/** An observed move of a competitor (竞争动态), dated. */
export const competitorMoves = pgTable(
  'competitor_moves',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    competitorId: bigint('competitor_id', { mode: 'number' })
      .notNull()
      .references(() => competitors.id),
    movedOn: date('moved_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('competitor_moves_competitor_idx').on(t.competitorId, t.movedOn.desc(), t.id.desc())],
);

/** Which competitor an opportunity was lost to (the opportunities schema keeps only a free-text reason). */
export const competitorLostOpportunities = pgTable(
  'competitor_lost_opportunities',
  {
    competitorId: bigint('competitor_id', { mode: 'number' })
      .notNull()
      .references(() => competitors.id),
    opportunityId: bigint('opportunity_id', { mode: 'number' })
      .notNull()
      .references(() => opportunities.id),
    linkedBy: integer('linked_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.competitorId, t.opportunityId] }),
    index('competitor_lost_opportunities_opp_idx').on(t.opportunityId),
  ],
);

/** A market forecast (seed 000 4.1.2 b) of one period, product line and region: the three quantities. */
export const marketForecasts = pgTable(
  'market_forecasts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    period: text('period').notNull(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => productCategories.id),
    region: text('region').notNull(),
    marketDemand: qtyCol('market_demand').notNull(),
    demandPotential: qtyCol('demand_potential').notNull(),
    salesPotential: qtyCol('sales_potential').notNull(),
    note: text('note'),
    ...owner(),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('market_forecasts_key_uq').on(t.period, t.categoryId, t.region),
    check('market_forecasts_period_ck', sql`${t.period} ~ '^[0-9]{4}-H[12]$'`),
    check(
      'market_forecasts_qty_ck',
      sql`${t.marketDemand} >= 0 and ${t.demandPotential} >= 0 and ${t.salesPotential} >= 0`,
    ),
    index('market_forecasts_owner_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('market_forecasts_dept_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('market_forecasts_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
  ],
);

/** A promotion activity (促销活动 / 营销推广方案, seed 000 5.2.1): a plan made of stages. */
export const promotions = pgTable(
  'promotions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    ...owner(),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('promotions_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
    index('promotions_owner_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('promotions_dept_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('promotions_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
  ],
);

/**
 * A stage of a promotion (阶段性营销推广方案): its own budget and approval (按《权责手册》审批), and
 * its effect evaluation (推广活动的效果评估) once run.
 */
export const promotionStages = pgTable(
  'promotion_stages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    promotionId: bigint('promotion_id', { mode: 'number' })
      .notNull()
      .references(() => promotions.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    plan: text('plan'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    budget: moneyCol('budget').notNull(),
    status: text('status').notNull().default('draft'),
    cost: moneyCol('cost'),
    leads: integer('leads'),
    deals: integer('deals'),
    revenue: moneyCol('revenue'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('promotion_stages_seq_uq').on(t.promotionId, t.seq),
    check('promotion_stages_status_ck', sql`${t.status} in ('draft','pending','approved','rejected')`),
    check('promotion_stages_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
    check('promotion_stages_budget_ck', sql`${t.budget} >= 0`),
    // Only an approved stage is run, so only an approved stage is evaluated.
    check('promotion_stages_eval_ck', sql`${t.evaluatedAt} is null or ${t.status} = 'approved'`),
    check('promotion_stages_deals_ck', sql`${t.deals} is null or ${t.leads} is null or ${t.deals} >= 0`),
  ],
);

/**
 * Demand for a product the company does not make (SPEC 2.8, seed 002: 公司不生产但有客户需求产品计划的上报,
 * 督促贸易分公司落实): who asked, what, how many; reported to the trading company; the outcome.
 */
export const productDemands = pgTable(
  'product_demands',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requester: text('requester').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id),
    productDescription: text('product_description').notNull(),
    quantity: qtyCol('quantity').notNull(),
    unit: text('unit').notNull(),
    note: text('note'),
    status: text('status').notNull().default('registered'),
    tradingCompany: text('trading_company'),
    reportedOn: date('reported_on', { mode: 'string' }),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    ...owner(),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('product_demands_status_ck', sql`${t.status} in ('registered','reported','closed')`),
    check(
      'product_demands_outcome_ck',
      sql`${t.outcome} is null or ${t.outcome} in ('sourced','unavailable','declined')`,
    ),
    check('product_demands_reported_ck', sql`${t.status} = 'registered' or ${t.reportedOn} is not null`),
    check('product_demands_closed_ck', sql`(${t.status} = 'closed') = (${t.outcome} is not null)`),
    index('product_demands_owner_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('product_demands_dept_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('product_demands_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('product_demands_status_idx').on(t.status, t.updatedAt.desc(), t.id.desc()),
  ],
);
