import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { moneyCol, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { deliveries } from '../deliveries/deliveries.schema.ts';
import { orders } from '../orders/orders.schema.ts';
import { stockBatches } from '../stock/stock.schema.ts';

/**
 * An objection or complaint (顾客异议处理单, SPEC 4.2 / seed 000 4.2). Scope: owner = the customer's
 * owner when filed (the rep whose appraisal it counts against, seed 002: 一般投诉扣1分, 严重投诉扣5分),
 * owner department = theirs at that time. reported_by / created_at / severity are kept for appraisal.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    orderId: bigint('order_id', { mode: 'number' }).references(() => orders.id),
    deliveryId: bigint('delivery_id', { mode: 'number' }).references(() => deliveries.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    reportedBy: integer('reported_by')
      .notNull()
      .references(() => users.id),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull().default('open'),
    qualityIncident: boolean('quality_incident').notNull().default(false),
    // Where it came from when not typed in by a rep (a return visit with a low score).
    sourceType: text('source_type'),
    sourceId: bigint('source_id', { mode: 'number' }),
    handlerId: integer('handler_id').references(() => users.id),
    cause: text('cause'),
    decision: text('decision'),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => users.id),
    compensationAmount: moneyCol('compensation_amount'),
    compensationState: text('compensation_state').notNull().default('none'),
    ticketId: bigint('ticket_id', { mode: 'number' }),
    replacementDeliveryId: bigint('replacement_delivery_id', { mode: 'number' }).references(() => deliveries.id),
    verificationResult: text('verification_result'),
    verificationNote: text('verification_note'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: integer('verified_by').references(() => users.id),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('complaints_status_ck', sql`${t.status} in ('open','investigating','decided','closed','cancelled')`),
    check('complaints_severity_ck', sql`${t.severity} in ('general','serious')`),
    check('complaints_category_ck', sql`${t.category} in ('quality','delivery','service','price','documents','other')`),
    check(
      'complaints_decision_ck',
      sql`${t.decision} is null or ${t.decision} in ('repair','replacement','compensation','explanation')`,
    ),
    check('complaints_comp_state_ck', sql`${t.compensationState} in ('none','pending','approved','rejected')`),
    // A decided or closed complaint has its cause and decision; a compensation its positive amount.
    check(
      'complaints_decided_ck',
      sql`${t.status} not in ('decided','closed') or (${t.cause} is not null and ${t.decision} is not null)`,
    ),
    check(
      'complaints_compensation_ck',
      sql`(${t.decision} = 'compensation') = (${t.compensationAmount} is not null) and (${t.compensationAmount} is null or ${t.compensationAmount} > 0)`,
    ),
    check(
      'complaints_verified_ck',
      sql`(${t.status} = 'closed') = (${t.verificationResult} is not null) and (${t.verificationResult} is null or ${t.verificationResult} in ('verified','unverified'))`,
    ),
    index('complaints_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('complaints_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('complaints_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('complaints_customer_idx').on(t.customerId, t.id.desc()),
    index('complaints_delivery_idx').on(t.deliveryId),
    uniqueIndex('complaints_source_uq').on(t.sourceType, t.sourceId).where(sql`${t.sourceType} is not null`),
  ],
);

/** The people 商务部 asked to investigate (技术、生产、质检, seed 000 4.2.2), each with a task and a finding. */
export const complaintInvestigators = pgTable(
  'complaint_investigators',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: bigint('complaint_id', { mode: 'number' })
      .notNull()
      .references(() => complaints.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    finding: text('finding'),
    foundAt: timestamp('found_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('complaint_investigators_role_ck', sql`${t.role} in ('technical','production','qa')`),
    uniqueIndex('complaint_investigators_uq').on(t.complaintId, t.userId),
  ],
);

/**
 * A quality incident's reach (质量事故, seed 000 4.2.3): every signed delivery of the complained-of
 * batches, with the follow-up task opened for its owner.
 */
export const complaintAffected = pgTable(
  'complaint_affected',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: bigint('complaint_id', { mode: 'number' })
      .notNull()
      .references(() => complaints.id),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => stockBatches.id),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => deliveries.id),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    qty: text('qty').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('complaint_affected_uq').on(t.complaintId, t.deliveryId, t.batchId),
    index('complaint_affected_batch_idx').on(t.batchId),
  ],
);
