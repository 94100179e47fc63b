import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { contracts } from '../contracts/contracts.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { orders } from '../orders/orders.schema.ts';

/** A post-sale process template (交付后流程模板, SPEC 4.5), e.g. the real-estate 销售后续管理流程. */
export const milestoneTemplates = pgTable('milestone_templates', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  ...timestamps(),
});

/** One step of a template: due `offsetDays` working days after the process starts. */
export const milestoneTemplateSteps = pgTable(
  'milestone_template_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    templateId: integer('template_id')
      .notNull()
      .references(() => milestoneTemplates.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    offsetDays: integer('offset_days').notNull(),
    requiredDocuments: jsonb('required_documents').$type<string[]>().notNull().default([]),
    note: text('note'),
  },
  (t) => [
    check('milestone_template_steps_offset_ck', sql`${t.offsetDays} >= 0`),
    index('milestone_template_steps_tpl_idx').on(t.templateId, t.seq),
  ],
);

/**
 * A process instance run for one order or contract. Scope: the deal's owner and department; the
 * steps are copied from the template at start (a later template change leaves it alone).
 */
export const milestoneProcesses = pgTable(
  'milestone_processes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    templateId: integer('template_id')
      .notNull()
      .references(() => milestoneTemplates.id),
    templateName: text('template_name').notNull(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    orderId: bigint('order_id', { mode: 'number' }).references(() => orders.id),
    contractId: bigint('contract_id', { mode: 'number' }).references(() => contracts.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('milestone_processes_target_ck', sql`(${t.orderId} is null) <> (${t.contractId} is null)`),
    check('milestone_processes_status_ck', sql`${t.status} in ('active','completed')`),
    check('milestone_processes_done_ck', sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`),
    index('milestone_processes_owner_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('milestone_processes_dept_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('milestone_processes_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('milestone_processes_order_idx').on(t.orderId),
    index('milestone_processes_contract_idx').on(t.contractId),
    index('milestone_processes_customer_idx').on(t.customerId, t.id.desc()),
  ],
);

/** A step of a running process with its due date on the company calendar. */
export const milestoneProcessSteps = pgTable(
  'milestone_process_steps',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    processId: bigint('process_id', { mode: 'number' })
      .notNull()
      .references(() => milestoneProcesses.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    requiredDocuments: jsonb('required_documents').$type<string[]>().notNull().default([]),
    note: text('note'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: integer('completed_by').references(() => users.id),
    completionNote: text('completion_note'),
    lateNotifiedAt: timestamp('late_notified_at', { withTimezone: true }),
  },
  (t) => [
    check('milestone_process_steps_done_ck', sql`(${t.completedAt} is null) = (${t.completedBy} is null)`),
    index('milestone_process_steps_process_idx').on(t.processId, t.seq),
    // The late-steps list reads open steps oldest due first, in index order.
    index('milestone_process_steps_open_due_idx').on(t.dueDate, t.id).where(sql`${t.completedAt} is null`),
  ],
);
