import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../org/org.schema.ts';
import type { Condition, StepDef } from './approvals.rules.ts';

/** Approval rules (权责手册, SPEC 1.4): document type + conditions → ordered chain of steps. */
export const approvalRules = pgTable(
  'approval_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    docType: text('doc_type').notNull(),
    name: text('name').notNull(),
    // Lower runs first; the first active rule whose conditions all hold decides the chain.
    priority: integer('priority').notNull().default(100),
    conditions: jsonb('conditions').$type<Condition[]>().notNull().default([]),
    steps: jsonb('steps').$type<StepDef[]>().notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('approval_rules_type_idx').on(t.docType, t.priority)],
);

/** One run of a document through its chain. At most one is pending per document. */
export const approvalInstances = pgTable(
  'approval_instances',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    docType: text('doc_type').notNull(),
    docId: bigint('doc_id', { mode: 'number' }).notNull(),
    ruleId: integer('rule_id').references(() => approvalRules.id),
    ruleName: text('rule_name').notNull(),
    steps: jsonb('steps').$type<StepDef[]>().notNull(),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    summary: text('summary').notNull(),
    // The summary as a message key and machine values, rendered in each reader's language (issue 11);
    // `summary` keeps the zh-CN text (instances from before these columns have only it).
    summaryKey: text('summary_key'),
    summaryParams: jsonb('summary_params').$type<Record<string, string | number>>(),
    applicantId: integer('applicant_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('pending'),
    currentStep: integer('current_step').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('approval_instances_one_pending_uq').on(t.docType, t.docId).where(sql`${t.status} = 'pending'`),
    index('approval_instances_doc_idx').on(t.docType, t.docId, t.id),
    index('approval_instances_applicant_idx').on(t.applicantId, t.id),
  ],
);

/** A decision owed by one approver at one step. */
export const approvalTasks = pgTable(
  'approval_tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    instanceId: bigint('instance_id', { mode: 'number' })
      .notNull()
      .references(() => approvalInstances.id),
    step: integer('step').notNull(),
    approverId: integer('approver_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('pending'),
    comment: text('comment'),
    delegatedFrom: integer('delegated_from'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    actedAt: timestamp('acted_at', { withTimezone: true }),
  },
  (t) => [
    index('approval_tasks_inbox_idx').on(t.approverId, t.status, t.id.desc()),
    index('approval_tasks_instance_idx').on(t.instanceId, t.step),
  ],
);

/** Everything that happened to an instance, in order: the approval history shown on documents. */
export const approvalActions = pgTable(
  'approval_actions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    instanceId: bigint('instance_id', { mode: 'number' })
      .notNull()
      .references(() => approvalInstances.id),
    step: integer('step'),
    actorId: integer('actor_id').notNull(),
    action: text('action').notNull(),
    comment: text('comment'),
    targetUserId: integer('target_user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('approval_actions_instance_idx').on(t.instanceId, t.id)],
);
