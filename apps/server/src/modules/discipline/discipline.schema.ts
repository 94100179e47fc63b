import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { moneyCol, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';

/**
 * One incident or reward of one person (奖惩记录, SPEC 5.6; seed 000 员工奖惩处理规定). Scope: the person
 * (personId) and the person's department when it was recorded (personDeptId), so a later transfer
 * does not move the record. The level and its basis are computed from the policies and frozen at
 * the decision; the person acknowledges the decided record.
 */
export const disciplineRecords = pgTable(
  'discipline_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    kind: text('kind').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => users.id),
    personDeptId: integer('person_dept_id')
      .notNull()
      .references(() => departments.id),
    occurredOn: date('occurred_on').notNull(),
    rule: text('rule').notNull(),
    description: text('description').notNull(),
    lossAmount: moneyCol('loss_amount').notNull().default('0'),
    // Incidents only: 一级 / 二级 / 三级 / 重大, with the repeat count and thresholds it came from.
    level: text('level'),
    repeatCount: integer('repeat_count'),
    levelBasis: jsonb('level_basis').$type<Record<string, string | number>>(),
    status: text('status').notNull().default('draft'),
    outcome: text('outcome'),
    decision: text('decision'),
    compensationAmount: moneyCol('compensation_amount').notNull().default('0'),
    contributionAmount: moneyCol('contribution_amount').notNull().default('0'),
    fineAmount: moneyCol('fine_amount').notNull().default('0'),
    rewardAmount: moneyCol('reward_amount').notNull().default('0'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgeComment: text('acknowledge_comment'),
    voidReason: text('void_reason'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('discipline_records_kind_ck', sql`${t.kind} in ('incident','reward')`),
    check('discipline_records_status_ck', sql`${t.status} in ('draft','decided','acknowledged','void')`),
    check(
      'discipline_records_level_ck',
      sql`(${t.kind} = 'incident' and ${t.level} in ('level1','level2','level3','major'))
        or (${t.kind} = 'reward' and ${t.level} is null)`,
    ),
    check(
      'discipline_records_outcome_ck',
      sql`${t.outcome} is null or ${t.outcome} in ('warning','compensation','penalty','reward')`,
    ),
    check(
      'discipline_records_amounts_ck',
      sql`${t.lossAmount} >= 0 and ${t.compensationAmount} >= 0 and ${t.contributionAmount} >= 0
        and ${t.fineAmount} >= 0 and ${t.rewardAmount} >= 0`,
    ),
    // A decided record carries its outcome; a void one its reason (never silently dropped).
    check('discipline_records_decided_ck', sql`${t.status} in ('draft','void') or ${t.outcome} is not null`),
    check('discipline_records_void_ck', sql`${t.status} <> 'void' or ${t.voidReason} is not null`),
    index('discipline_records_list_idx').on(t.occurredOn.desc(), t.id.desc()),
    index('discipline_records_person_idx').on(t.personId, t.occurredOn.desc(), t.id.desc()),
    index('discipline_records_dept_idx').on(t.personDeptId, t.occurredOn.desc(), t.id.desc()),
  ],
);
