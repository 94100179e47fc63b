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
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { deliveryLines } from '../deliveries/deliveries.schema.ts';
import { products } from '../products/products.schema.ts';
import { stockBatches, warehouses } from '../stock/stock.schema.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
const TYPES = ['installation', 'training', 'repair', 'maintenance', 'consultation', 'onsite', 'parts'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

/**
 * SLA targets per ticket type × priority (× customer class; null = any class), in working minutes of
 * the company calendar (SPEC 4.1, issue 12 item 3). Defaults are seeded for every type × priority.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketType: text('ticket_type').notNull(),
    priority: text('priority').notNull(),
    customerClass: text('customer_class'),
    responseMinutes: integer('response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    warnPercent: integer('warn_percent').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sla_policies_uq').on(t.ticketType, t.priority, sql`coalesce(${t.customerClass}, '')`),
    check('sla_policies_type_ck', sql`${t.ticketType} in (${inList(TYPES)})`),
    check('sla_policies_priority_ck', sql`${t.priority} in (${inList(PRIORITIES)})`),
    check(
      'sla_policies_targets_ck',
      sql`${t.responseMinutes} > 0 and ${t.resolutionMinutes} >= ${t.responseMinutes} and ${t.warnPercent} between 1 and 99`,
    ),
  ],
);

/**
 * A service ticket (售后工单). Scope: owner = the assigned engineer (the creator until assigned),
 * owner department = the creator's department (the desk that took the request).
 */
export const serviceTickets = pgTable(
  'service_tickets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    type: text('type').notNull(),
    source: text('source').notNull(),
    priority: text('priority').notNull(),
    status: text('status').notNull().default('new'),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    productId: bigint('product_id', { mode: 'number' }).references(() => products.id),
    deliveryLineId: bigint('delivery_line_id', { mode: 'number' }).references(() => deliveryLines.id),
    batchId: bigint('batch_id', { mode: 'number' }).references(() => stockBatches.id),
    batchNo: text('batch_no'),
    serialNo: text('serial_no'),
    // Warranty from the delivery sign-off date + the product's warranty months (warranty.ts).
    signedOn: date('signed_on', { mode: 'string' }),
    warrantyUntil: date('warranty_until', { mode: 'string' }),
    inWarranty: boolean('in_warranty').notNull().default(false),
    // Out of warranty is paid service (SPEC 4.1).
    chargeable: boolean('chargeable').notNull().default(true),
    subject: text('subject').notNull(),
    description: text('description'),
    resolution: text('resolution'),
    waitReason: text('wait_reason'),
    engineerId: integer('engineer_id').references(() => users.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    // Installation tickets are due within the set time (seed 003 安装调试): set when the ticket is opened.
    dueAt: timestamp('due_at', { withTimezone: true }),
    // Installation closes only with user training given and the operation manual handed over (seed 003).
    trainingDoneAt: timestamp('training_done_at', { withTimezone: true }),
    trainingDoneBy: integer('training_done_by').references(() => users.id),
    manualHandedAt: timestamp('manual_handed_at', { withTimezone: true }),
    manualHandedBy: integer('manual_handed_by').references(() => users.id),
    // The service report signed by the customer (signature image or scanned copy, an attachment).
    reportSignedAt: timestamp('report_signed_at', { withTimezone: true }),
    reportSignerName: text('report_signer_name'),
    reportSignedBy: integer('report_signed_by').references(() => users.id),
    reportAttachmentId: bigint('report_attachment_id', { mode: 'number' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('service_tickets_type_ck', sql`${t.type} in (${inList(TYPES)})`),
    check('service_tickets_priority_ck', sql`${t.priority} in (${inList(PRIORITIES)})`),
    check('service_tickets_source_ck', sql`${t.source} in ('hotline','online','visit','return_visit','complaint')`),
    check(
      'service_tickets_status_ck',
      sql`${t.status} in ('new','assigned','in_progress','waiting','resolved','closed')`,
    ),
    check('service_tickets_wait_ck', sql`(${t.status} = 'waiting') = (${t.waitReason} is not null)`),
    check('service_tickets_closed_ck', sql`${t.status} <> 'closed' or ${t.resolvedAt} is not null`),
    // Closure only after the customer confirmed by signing the service report (SPEC 4.1).
    check('service_tickets_closed_signed_ck', sql`${t.status} <> 'closed' or ${t.reportSignedAt} is not null`),
    check(
      'service_tickets_signed_ck',
      sql`(${t.reportSignedAt} is null) = (${t.reportAttachmentId} is null) and (${t.reportSignedAt} is null) = (${t.reportSignerName} is null)`,
    ),
    index('service_tickets_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
    index('service_tickets_dept_updated_idx').on(t.ownerDeptId, t.updatedAt.desc(), t.id.desc()),
    index('service_tickets_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('service_tickets_status_idx').on(t.status, t.updatedAt.desc()),
    index('service_tickets_engineer_idx').on(t.engineerId, t.updatedAt.desc()),
    index('service_tickets_customer_idx').on(t.customerId, t.id.desc()),
    index('service_tickets_line_idx').on(t.deliveryLineId, t.id.desc()),
  ],
);

/** One SLA metric of a ticket as a stored clock (sla.clock.ts); due_at is stored for the sweep's index. */
export const serviceTicketSlas = pgTable(
  'service_ticket_slas',
  {
    ticketId: bigint('ticket_id', { mode: 'number' })
      .notNull()
      .references(() => serviceTickets.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    targetMs: bigint('target_ms', { mode: 'number' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    resumedAt: timestamp('resumed_at', { withTimezone: true }),
    metAt: timestamp('met_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    state: text('state').notNull(),
    // Working time counted against the target when the metric was met (attainment for reports).
    usedMs: bigint('used_ms', { mode: 'number' }),
    // The sweep's notices, each sent once: the warning to the engineer, the escalation to 售后主管.
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.metric] }),
    check('service_ticket_slas_metric_ck', sql`${t.metric} in ('response','resolution')`),
    check('service_ticket_slas_state_ck', sql`${t.state} in ('running','paused','met','breached')`),
    index('service_ticket_slas_due_idx').on(t.state, t.dueAt),
    index('service_ticket_slas_warn_idx').on(t.state, t.warnAt),
  ],
);

/** Replies and visits on a ticket; the first staff reply or visit is the first response. */
export const serviceTicketReplies = pgTable(
  'service_ticket_replies',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: bigint('ticket_id', { mode: 'number' })
      .notNull()
      .references(() => serviceTickets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('service_ticket_replies_kind_ck', sql`${t.kind} in ('staff_reply','visit','customer_message')`),
    index('service_ticket_replies_ticket_idx').on(t.ticketId, t.id),
  ],
);

/**
 * A visit on site (上门服务): arrival and departure, the work done; photos are attachments of the
 * visit. A staff visit is a first response (SPEC 4.1).
 */
export const serviceVisits = pgTable(
  'service_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: bigint('ticket_id', { mode: 'number' })
      .notNull()
      .references(() => serviceTickets.id, { onDelete: 'cascade' }),
    engineerId: integer('engineer_id')
      .notNull()
      .references(() => users.id),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    workDone: text('work_done').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('service_visits_times_ck', sql`${t.leftAt} is null or ${t.leftAt} >= ${t.arrivedAt}`),
    index('service_visits_ticket_idx').on(t.ticketId, t.arrivedAt),
  ],
);

/** Parts used on a ticket, issued from stock (product, batch/serial, qty) in the same transaction. */
export const serviceTicketParts = pgTable(
  'service_ticket_parts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: bigint('ticket_id', { mode: 'number' })
      .notNull()
      .references(() => serviceTickets.id, { onDelete: 'cascade' }),
    visitId: bigint('visit_id', { mode: 'number' }).references(() => serviceVisits.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    batchId: bigint('batch_id', { mode: 'number' }).references(() => stockBatches.id),
    qty: numeric('qty', { precision: 18, scale: 4 }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('service_ticket_parts_qty_ck', sql`${t.qty} > 0`),
    index('service_ticket_parts_ticket_idx').on(t.ticketId, t.id),
  ],
);

/** Charge lines of paid (out-of-warranty) service: description and amount (numeric(18,2), SPEC 4.1). */
export const serviceTicketCharges = pgTable(
  'service_ticket_charges',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: bigint('ticket_id', { mode: 'number' })
      .notNull()
      .references(() => serviceTickets.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('service_ticket_charges_amount_ck', sql`${t.amount} > 0`),
    index('service_ticket_charges_ticket_idx').on(t.ticketId, t.id),
  ],
);
