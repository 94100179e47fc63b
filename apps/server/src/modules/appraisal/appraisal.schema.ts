import type { ItemEvidence, SchemeIndicator } from '@sales/core';
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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';

/** Points: numeric(6,2) (−9999.99 … 9999.99; a score is 0 … 100 or so). */
const points = (name: string) => numeric(name, { precision: 6, scale: 2 });

export type { SchemeIndicator };

/**
 * An appraisal scheme (考核方案, SPEC 5.2): the period kind and the indicators with weights and
 * scoring rules (@sales/core SchemeIndicator). The migration seeds the default monthly scheme (seed
 * 002 考核细则); its deduction rates are policies (appraisal.*), read by appraisal.compute.ts. An edit
 * bumps `version`; each run keeps the indicators it was computed with.
 */
export const appraisalSchemes = pgTable(
  'appraisal_schemes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    periodKind: text('period_kind').notNull().default('month'),
    indicators: jsonb('indicators').$type<SchemeIndicator[]>().notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [check('appraisal_schemes_period_ck', sql`${t.periodKind} in ('month','quarter','year')`)],
);

/**
 * One run of a scheme over a month for the people in the runner's scope. Scope: the runner and the
 * runner's department (deptId); the people's results carry their own scope. Closed = final: a
 * correction is a new, audited version of the result.
 */
export const appraisalRuns = pgTable(
  'appraisal_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => appraisalSchemes.id),
    // The scheme as the run used it: its version and indicators (a later edit leaves the run alone).
    schemeVersion: integer('scheme_version').notNull().default(1),
    indicators: jsonb('indicators').$type<SchemeIndicator[]>().notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    status: text('status').notNull().default('open'),
    championId: integer('champion_id').references(() => users.id),
    runBy: integer('run_by')
      .notNull()
      .references(() => users.id),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('appraisal_runs_status_ck', sql`${t.status} in ('open','closed')`),
    check('appraisal_runs_period_ck', sql`${t.periodStart} <= ${t.periodEnd}`),
    check('appraisal_runs_closed_ck', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    index('appraisal_runs_list_idx').on(t.periodStart.desc(), t.id.desc()),
    index('appraisal_runs_dept_idx').on(t.deptId, t.periodStart.desc(), t.id.desc()),
  ],
);

/**
 * One person's result of a run. Scope: the person and their department at the run. A person is
 * appraised once per scheme and period (the unique index: a second run of the period is refused).
 * `revision` counts the versions of the score (an accepted objection or a correction after closing
 * makes a new one, the old score kept in the audit trail); `version` is the optimistic lock.
 */
export const appraisalResults = pgTable(
  'appraisal_results',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => appraisalRuns.id),
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => appraisalSchemes.id),
    periodStart: date('period_start').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => users.id),
    personDeptId: integer('person_dept_id')
      .notNull()
      .references(() => departments.id),
    baseScore: points('base_score').notNull(),
    score: points('score').notNull(),
    rank: integer('rank'),
    passed: boolean('passed').notNull(),
    // Consecutive failed periods ending with this one, and whether they reach the policy's N.
    failStreak: integer('fail_streak').notNull().default(0),
    flagged: boolean('flagged').notNull().default(false),
    status: text('status').notNull().default('pending'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgeComment: text('acknowledge_comment'),
    objectionReason: text('objection_reason'),
    // The points the person asks the score to be adjusted by; the approved objection adds exactly these.
    objectionPoints: points('objection_points'),
    objectedAt: timestamp('objected_at', { withTimezone: true }),
    objectionDecision: text('objection_decision'),
    objectionNote: text('objection_note'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    revision: integer('revision').notNull().default(1),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check(
      'appraisal_results_status_ck',
      sql`${t.status} in ('pending','acknowledged','objected','adjusted','rejected')`,
    ),
    check('appraisal_results_score_ck', sql`${t.score} >= 0`),
    check(
      'appraisal_results_objection_ck',
      sql`${t.status} not in ('objected','adjusted','rejected') or ${t.objectionReason} is not null`,
    ),
    check(
      'appraisal_results_decision_ck',
      sql`${t.status} not in ('adjusted','rejected') or ${t.objectionDecision} is not null`,
    ),
    uniqueIndex('appraisal_results_person_period_uq').on(t.schemeId, t.periodStart, t.personId),
    index('appraisal_results_run_idx').on(t.runId, t.rank),
    index('appraisal_results_person_idx').on(t.personId, t.periodStart.desc()),
    index('appraisal_results_dept_idx').on(t.personDeptId, t.periodStart.desc()),
  ],
);

/**
 * One scored line of a result: an indicator's deduction computed from data (auto), a supervisor's
 * manual score with the evidence in words, or the adjustment of an approved objection. `points` is
 * signed (a deduction is negative); `revision` is the result's version it was added in.
 */
export const appraisalResultItems = pgTable(
  'appraisal_result_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    resultId: bigint('result_id', { mode: 'number' })
      .notNull()
      .references(() => appraisalResults.id),
    indicator: text('indicator').notNull(),
    kind: text('kind').notNull(),
    label: text('label'),
    points: points('points').notNull(),
    evidence: jsonb('evidence').$type<ItemEvidence>().notNull(),
    note: text('note'),
    revision: integer('revision').notNull().default(1),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('appraisal_items_kind_ck', sql`${t.kind} in ('auto','manual','adjustment')`),
    check(
      'appraisal_items_indicator_ck',
      sql`${t.indicator} in ('revenue','profit','export','complaints','discipline','returns','sales_volume','new_customers','collections','growth','satisfaction','sla_response','training','manual')`,
    ),
    check('appraisal_items_note_ck', sql`${t.kind} = 'auto' or ${t.note} is not null`),
    index('appraisal_items_result_idx').on(t.resultId, t.id),
  ],
);
