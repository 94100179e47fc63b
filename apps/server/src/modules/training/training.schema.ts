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
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';

/**
 * A training plan (seed 001 培训计划 2: 培训目标、培训内容、培训方式、培训时间、培训师资). Scope: the
 * organiser (ownerId) and their department; a plan is also visible to whoever sees one of its
 * participants. kind 'onboarding' = 岗前培训 (passing it activates a new rep, seed 003 考核合格者方可正式上岗),
 * 'in_service' = 在职培训 (每季度至少一次).
 */
export const trainingPlans = pgTable(
  'training_plans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    goals: text('goals').notNull(),
    content: text('content').notNull(),
    method: text('method').notNull(),
    trainer: text('trainer').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
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
    check('training_plans_kind_ck', sql`${t.kind} in ('onboarding','in_service')`),
    check('training_plans_method_ck', sql`${t.method} in ('internal','external','online','case_study','simulation')`),
    check('training_plans_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    index('training_plans_list_idx').on(t.startsOn.desc(), t.id.desc()),
    index('training_plans_owner_idx').on(t.ownerId),
    index('training_plans_dept_idx').on(t.ownerDeptId),
  ],
);

/** One held (or scheduled) session of a plan, with how it is assessed and the pass mark (out of 100). */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    planId: bigint('plan_id', { mode: 'number' })
      .notNull()
      .references(() => trainingPlans.id),
    topic: text('topic').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location'),
    trainer: text('trainer'),
    assessmentMethod: text('assessment_method').notNull().default('exam'),
    passScore: numeric('pass_score', { precision: 4, scale: 1 }).notNull().default('60'),
    status: text('status').notNull().default('scheduled'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('training_sessions_status_ck', sql`${t.status} in ('scheduled','completed')`),
    check('training_sessions_assessment_ck', sql`${t.assessmentMethod} in ('exam','practical','survey','feedback')`),
    check('training_sessions_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('training_sessions_pass_ck', sql`${t.passScore} between 0 and 100`),
    index('training_sessions_plan_idx').on(t.planId, t.startsAt),
    index('training_sessions_time_idx').on(t.startsAt),
  ],
);

/**
 * A participant of a session: enrolled, then present or absent; the assessment score (0–100) and
 * whether it reached the pass mark; the trainee's feedback (seed 001 培训评估: 考试…学员反馈).
 * Scope: the participant and their department (users.dept_id).
 */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: bigint('session_id', { mode: 'number' })
      .notNull()
      .references(() => trainingSessions.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('enrolled'),
    score: numeric('score', { precision: 4, scale: 1 }),
    passed: boolean('passed'),
    feedbackRating: smallint('feedback_rating'),
    feedback: text('feedback'),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('training_attendance_status_ck', sql`${t.status} in ('enrolled','present','absent')`),
    check('training_attendance_score_ck', sql`${t.score} is null or (${t.score} between 0 and 100)`),
    // Only someone present is assessed.
    check(
      'training_attendance_absent_ck',
      sql`${t.status} = 'present' or (${t.score} is null and ${t.passed} is null)`,
    ),
    check('training_attendance_rating_ck', sql`${t.feedbackRating} is null or ${t.feedbackRating} between 1 and 5`),
    uniqueIndex('training_attendance_uq').on(t.sessionId, t.userId),
    index('training_attendance_user_idx').on(t.userId, t.sessionId),
  ],
);

/**
 * A person's staff record (员工档案): the onboarding training state and the signed confidentiality
 * agreement (seed 001 保密措施 1). A user without a row, or with onboarding_status null or 'passed',
 * is active for sales; 'in_training' holds a new rep back (onboarding.ts).
 */
export const staffRecords = pgTable(
  'staff_records',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id),
    onboardingStatus: text('onboarding_status'),
    onboardingStartedOn: date('onboarding_started_on', { mode: 'string' }),
    onboardingDueOn: date('onboarding_due_on', { mode: 'string' }),
    onboardingPassedOn: date('onboarding_passed_on', { mode: 'string' }),
    onboardingSessionId: bigint('onboarding_session_id', { mode: 'number' }).references(() => trainingSessions.id),
    agreementSignedOn: date('agreement_signed_on', { mode: 'string' }),
    agreementFileId: bigint('agreement_file_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check(
      'staff_records_onboarding_ck',
      sql`${t.onboardingStatus} is null or ${t.onboardingStatus} in ('in_training','passed')`,
    ),
    check(
      'staff_records_passed_ck',
      sql`${t.onboardingStatus} is distinct from 'passed' or ${t.onboardingPassedOn} is not null`,
    ),
    // The gate reads this on every quote, order and ownership change: only the few in training.
    index('staff_records_in_training_idx').on(t.userId).where(sql`${t.onboardingStatus} = 'in_training'`),
  ],
);

/** A qualification certificate (seed 000 第六条: 销售服务员应经过专业培训，并具有相关资格证书). */
export const staffCertificates = pgTable(
  'staff_certificates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    // Null: does not expire.
    expiresOn: date('expires_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('staff_certificates_dates_ck', sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.issuedOn}`),
    index('staff_certificates_user_idx').on(t.userId, t.id),
    // The expiry sweep reads certificates expiring soon.
    index('staff_certificates_expiry_idx').on(t.expiresOn).where(sql`${t.expiresOn} is not null`),
  ],
);
