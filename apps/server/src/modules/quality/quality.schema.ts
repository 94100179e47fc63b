import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';

/**
 * An internal audit of the sales-service process (内部审核, SPEC 5.7; seed 000 ISO9001销售服务管理程序
 * 3.2.3). Scope: the lead auditor and the audited department. planned → reported (the 内部审核报告
 * with its conclusion) → closed once every corrective/preventive action is closed.
 */
export const internalAudits = pgTable(
  'internal_audits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    auditDate: date('audit_date').notNull(),
    auditedDeptId: integer('audited_dept_id')
      .notNull()
      .references(() => departments.id),
    leadAuditorId: integer('lead_auditor_id')
      .notNull()
      .references(() => users.id),
    auditors: text('auditors'),
    conclusion: text('conclusion'),
    status: text('status').notNull().default('planned'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('internal_audits_status_ck', sql`${t.status} in ('planned','reported','closed')`),
    check('internal_audits_report_ck', sql`${t.status} = 'planned' or ${t.conclusion} is not null`),
    index('internal_audits_list_idx').on(t.auditDate.desc(), t.id.desc()),
    index('internal_audits_lead_idx').on(t.leadAuditorId, t.auditDate.desc(), t.id.desc()),
    index('internal_audits_dept_idx').on(t.auditedDeptId, t.auditDate.desc(), t.id.desc()),
  ],
);

/** One finding of an audit (不符合项 / 观察项), with the clause it is against. */
export const auditFindings = pgTable(
  'audit_findings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    auditId: bigint('audit_id', { mode: 'number' })
      .notNull()
      .references(() => internalAudits.id),
    seq: integer('seq').notNull(),
    clause: text('clause'),
    description: text('description').notNull(),
    severity: text('severity').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('audit_findings_severity_ck', sql`${t.severity} in ('major','minor','observation')`),
    uniqueIndex('audit_findings_seq_uq').on(t.auditId, t.seq),
  ],
);

/**
 * A corrective or preventive action (纠正和预防措施) of a finding, tracked to closure: the owner records
 * the implementation, someone else verifies it effective (closed) or sends it back (open). Scope: the
 * owner and the owner's department when raised. Overdue: open or implemented past the due date.
 */
export const capas = pgTable(
  'capas',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    auditId: bigint('audit_id', { mode: 'number' })
      .notNull()
      .references(() => internalAudits.id),
    findingId: bigint('finding_id', { mode: 'number' })
      .notNull()
      .references(() => auditFindings.id),
    kind: text('kind').notNull(),
    rootCause: text('root_cause'),
    action: text('action').notNull(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    dueDate: date('due_date').notNull(),
    status: text('status').notNull().default('open'),
    implementationNote: text('implementation_note'),
    implementedAt: timestamp('implemented_at', { withTimezone: true }),
    verifierId: integer('verifier_id').references(() => users.id),
    verificationNote: text('verification_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('capas_kind_ck', sql`${t.kind} in ('corrective','preventive')`),
    check('capas_status_ck', sql`${t.status} in ('open','implemented','closed')`),
    // Closure rules as invariants: implemented with its evidence; closed only verified, never by the owner.
    check('capas_implemented_ck', sql`${t.status} = 'open' or ${t.implementationNote} is not null`),
    check(
      'capas_closed_ck',
      sql`${t.status} <> 'closed' or (${t.verifierId} is not null and ${t.verifierId} <> ${t.ownerId}
        and ${t.verificationNote} is not null and ${t.closedAt} is not null)`,
    ),
    index('capas_list_idx').on(t.dueDate.desc(), t.id.desc()),
    index('capas_owner_idx').on(t.ownerId, t.dueDate.desc(), t.id.desc()),
    index('capas_dept_idx').on(t.ownerDeptId, t.dueDate.desc(), t.id.desc()),
    index('capas_audit_idx').on(t.auditId),
    // The overdue sweep reads the actions not closed yet.
    index('capas_open_due_idx').on(t.dueDate).where(sql`${t.status} <> 'closed'`),
  ],
);

/** A controlled document (受控文件: 程序文件, 作业指导书, 表单…) with its code, e.g. XK-ZC7.2-2016. */
export const controlledDocuments = pgTable(
  'controlled_documents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('controlled_documents_kind_ck', sql`${t.kind} in ('procedure','work_instruction','form','regulation')`),
    index('controlled_documents_list_idx').on(t.code, t.id),
  ],
);

/**
 * One version of a controlled document (文件制修订记录: 版本号, 更改次数, 实施日期). A new version supersedes
 * the current one; the history is kept, never rewritten.
 */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    documentId: bigint('document_id', { mode: 'number' })
      .notNull()
      .references(() => controlledDocuments.id),
    label: text('label').notNull(),
    changeNo: integer('change_no').notNull(),
    effectiveDate: date('effective_date').notNull(),
    changeSummary: text('change_summary'),
    status: text('status').notNull().default('current'),
    issuedBy: integer('issued_by')
      .notNull()
      .references(() => users.id),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('document_versions_status_ck', sql`${t.status} in ('current','superseded')`),
    uniqueIndex('document_versions_label_uq').on(t.documentId, t.label),
    uniqueIndex('document_versions_change_uq').on(t.documentId, t.changeNo),
    // At most one current version per document.
    uniqueIndex('document_versions_current_uq').on(t.documentId).where(sql`${t.status} = 'current'`),
  ],
);

/** A copy of one version held by one person (发放记录), until withdrawn (回收). */
export const documentDistributions = pgTable(
  'document_distributions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    documentId: bigint('document_id', { mode: 'number' })
      .notNull()
      .references(() => controlledDocuments.id),
    versionId: bigint('version_id', { mode: 'number' })
      .notNull()
      .references(() => documentVersions.id),
    holderId: integer('holder_id')
      .notNull()
      .references(() => users.id),
    copyNo: text('copy_no').notNull(),
    issuedBy: integer('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: integer('withdrawn_by').references(() => users.id),
    withdrawReason: text('withdraw_reason'),
    // Withdrawn because a newer version replaced it: the copy of the new version issued in its place.
    replacedBy: bigint('replaced_by', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('document_distributions_copy_uq').on(t.documentId, t.copyNo),
    // One copy of a version per holder at a time.
    uniqueIndex('document_distributions_held_uq').on(t.versionId, t.holderId).where(sql`${t.withdrawnAt} is null`),
    index('document_distributions_doc_idx').on(t.documentId, t.issuedAt.desc()),
    index('document_distributions_holder_idx').on(t.holderId).where(sql`${t.withdrawnAt} is null`),
  ],
);
