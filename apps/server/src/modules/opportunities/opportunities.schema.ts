import type { ChecklistAuto } from '@sales/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { departments, users } from '../../platform/org/org.schema.ts';
// The table definition only (not the module's index), so drizzle-kit loads no services.
import { customers } from '../customers/customers.schema.ts';

export interface ChecklistItemDef {
  key: string;
  label: string;
  auto: ChecklistAuto | null;
}

/** Ticked checklist items: stage id → item key → who ticked it and when. */
export type ChecklistState = Record<string, Record<string, { at: string; by: number }>>;

/** A sales process (销售流程) with its ordered stages (SPEC 2.6). */
export const pipelines = pgTable('pipelines', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  // Set on the pipelines the system seeds, so seeding is idempotent.
  code: text('code').unique(),
  name: text('name').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    pipelineId: integer('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: integer('probability').notNull(),
    kind: text('kind').notNull().default('open'),
    // Items that must be ticked before an opportunity moves forward past this stage.
    checklist: jsonb('checklist').$type<ChecklistItemDef[]>().notNull().default([]),
    // Removed from the pipeline; kept because opportunities and history refer to it.
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('pipeline_stages_pipeline_idx').on(t.pipelineId, t.position),
    check('pipeline_stages_probability_ck', sql`${t.probability} between 0 and 100`),
    check('pipeline_stages_kind_ck', sql`${t.kind} in ('open','won','lost')`),
  ],
);

/** A sales opportunity (商机) moving through a pipeline. */
export const opportunities = pgTable(
  'opportunities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    name: text('name').notNull(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    pipelineId: integer('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    stageId: integer('stage_id')
      .notNull()
      .references(() => pipelineStages.id),
    // The open stage it was in when it was won or lost, where a reopen returns it.
    lastOpenStageId: integer('last_open_stage_id').references(() => pipelineStages.id),
    status: text('status').notNull().default('open'),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull().default('0'),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    // null: the stage's probability applies; a stage move clears it.
    probabilityOverride: integer('probability_override'),
    lostReason: text('lost_reason'),
    lostCategory: text('lost_category'),
    closedOn: date('closed_on', { mode: 'string' }),
    checklist: jsonb('checklist').$type<ChecklistState>().notNull().default({}),
    remark: text('remark'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    // Department of the owner, kept in step with ownerId: the data-scope filter reads it.
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    // number + name, for the trigram keyword search (customer names are searched on customers).
    searchText: text('search_text').notNull().default(''),
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
    check('opportunities_status_ck', sql`${t.status} in ('open','won','lost')`),
    check('opportunities_amount_ck', sql`${t.amount} >= 0`),
    check(
      'opportunities_probability_ck',
      sql`${t.probabilityOverride} is null or ${t.probabilityOverride} between 0 and 100`,
    ),
    // 输单须填写原因; a closed opportunity has its close date, an open one none.
    check('opportunities_lost_reason_ck', sql`${t.status} <> 'lost' or ${t.lostReason} is not null`),
    check('opportunities_closed_on_ck', sql`(${t.status} = 'open') = (${t.closedOn} is null)`),
    index('opportunities_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('opportunities_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('opportunities_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    // One index per sort the list offers (col DESC NULLS LAST, id DESC NULLS LAST: platform/lists
    // pageOrder), so any sort pages by walking an index (test/list-order-index.test.ts).
    index('opportunities_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('opportunities_close_sort_idx').on(t.expectedCloseDate.desc(), t.id.desc()),
    index('opportunities_amount_idx').on(t.amount.desc(), t.id.desc()),
    index('opportunities_no_idx').on(t.no.desc(), t.id.desc()),
    index('opportunities_name_idx').on(t.name.desc(), t.id.desc()),
    index('opportunities_pipeline_stage_idx').on(t.pipelineId, t.stageId, t.updatedAt.desc(), t.id.desc()),
    index('opportunities_customer_idx').on(t.customerId, t.updatedAt.desc()),
    // The customer 360's newest opportunities of a customer (issue 11 item 3).
    index('opportunities_customer_recent_idx').on(t.customerId, t.id.desc()),
    index('opportunities_status_close_idx').on(t.status, t.expectedCloseDate),
    index('opportunities_close_idx').on(t.expectedCloseDate),
    index('opportunities_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export interface DecisionMaker {
  name: string;
  title: string | null;
  role: 'decision' | 'influence' | 'user' | 'other';
  attitude: string | null;
}
export interface Competitor {
  name: string;
  strengths: string | null;
  weaknesses: string | null;
}
export interface NeedsAnalysisData {
  needs: string;
  budget: string | null;
  budgetNote: string | null;
  decisionMakers: DecisionMaker[];
  timeline: string | null;
  expectedPurchaseDate: string | null;
  competitors: Competitor[];
  painPoints: string | null;
  remark: string | null;
}

/** The 销售需求分析表 of an opportunity (SPEC 3.1), one per opportunity, versioned on its own. */
export const opportunityNeedsAnalyses = pgTable('opportunity_needs_analyses', {
  opportunityId: bigint('opportunity_id', { mode: 'number' })
    .primaryKey()
    .references(() => opportunities.id),
  data: jsonb('data').$type<NeedsAnalysisData>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A proposal (销售提案) sent to the customer and answered accepted / rejected (SPEC 3.1). */
export const opportunityProposals = pgTable(
  'opportunity_proposals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    opportunityId: bigint('opportunity_id', { mode: 'number' })
      .notNull()
      .references(() => opportunities.id),
    title: text('title').notNull(),
    items: text('items').notNull(),
    price: numeric('price', { precision: 18, scale: 2 }).notNull(),
    deliveryTerm: text('delivery_term'),
    sentOn: date('sent_on', { mode: 'string' }),
    response: text('response').notNull().default('pending'),
    respondedOn: date('responded_on', { mode: 'string' }),
    responseNote: text('response_note'),
    remark: text('remark'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // 已归档: a delete within the retention period (policy records.retentionYears) archives instead.
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedBy: integer('archived_by'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('opportunity_proposals_opportunity_idx').on(t.opportunityId, t.id.desc()),
    check('opportunity_proposals_response_ck', sql`${t.response} in ('pending','accepted','rejected')`),
    check('opportunity_proposals_price_ck', sql`${t.price} >= 0`),
  ],
);
