import type { AuditInput, AuditReportInput, AuditUpdateInput, FindingInput } from '@sales/core';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { findAuditForManage } from './quality.access.ts';
import { auditFindings, capas, internalAudits } from './quality.schema.ts';

export const AUDIT_ENTITY = 'internal_audit';
const AUDITED = ['title', 'scope', 'auditDate', 'auditedDeptId', 'leadAuditorId', 'auditors'] as const;

async function validate(tx: Tx, input: AuditInput) {
  const [dept] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, input.auditedDeptId));
  if (!dept) throw ValidationError.field('auditedDeptId', 'quality.dept_invalid');
  const [lead] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, input.leadAuditorId), eq(users.active, true)));
  if (!lead) throw ValidationError.field('leadAuditorId', 'quality.user_invalid');
}

const columns = (input: AuditInput) => ({
  title: input.title,
  scope: input.scope,
  auditDate: input.auditDate,
  auditedDeptId: input.auditedDeptId,
  leadAuditorId: input.leadAuditorId,
  auditors: input.auditors,
});

/** Plans an internal audit of the sales-service process (seed 000 3.2.3 定期进行内部审核). */
export async function createAudit(ctx: Ctx, input: AuditInput) {
  return ctx.db.transaction(async (tx) => {
    await validate(tx, input);
    const no = await nextDocNumber(tx, 'internalAudit', ctx.now());
    const values = columns(input);
    const [row] = await tx
      .insert(internalAudits)
      .values({ ...values, no, createdBy: ctx.principal.userId, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning({ id: internalAudits.id });
    await recordAudit(tx, ctx, {
      entityType: AUDIT_ENTITY,
      entityId: row.id,
      action: 'create',
      changes: createdFields(values, AUDITED),
    });
    return { id: row.id };
  });
}

/** Changes a planned audit (its plan; a reported one stands as reported). */
export async function updateAudit(ctx: Ctx, id: number, input: AuditUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const a = await findAuditForManage(ctx, id, tx, input.version);
    if (a.status !== 'planned') throw new ConflictError('quality.audit_not_planned');
    await validate(tx, input);
    const values = columns(input);
    await tx
      .update(internalAudits)
      .set({ ...values, version: a.version + 1, updatedAt: ctx.now() })
      .where(eq(internalAudits.id, id));
    await recordAudit(tx, ctx, {
      entityType: AUDIT_ENTITY,
      entityId: id,
      action: 'update',
      changes: diffFields(a, values, AUDITED),
    });
  });
}

/** Records one finding of an audit not closed yet, numbered within the audit. */
export async function addFinding(ctx: Ctx, auditId: number, input: FindingInput) {
  return ctx.db.transaction(async (tx) => {
    const a = await findAuditForManage(ctx, auditId, tx, input.version);
    if (a.status === 'closed') throw new ConflictError('quality.audit_closed');
    const [{ seq }] = await tx
      .select({ seq: sql<number>`coalesce(max(${auditFindings.seq}), 0)::int + 1` })
      .from(auditFindings)
      .where(eq(auditFindings.auditId, auditId));
    const [f] = await tx
      .insert(auditFindings)
      .values({
        auditId,
        seq,
        clause: input.clause,
        description: input.description,
        severity: input.severity,
        createdBy: ctx.principal.userId,
        createdAt: ctx.now(),
      })
      .returning({ id: auditFindings.id });
    await tx
      .update(internalAudits)
      .set({ version: a.version + 1, updatedAt: ctx.now() })
      .where(eq(internalAudits.id, auditId));
    await recordAudit(tx, ctx, {
      entityType: AUDIT_ENTITY,
      entityId: auditId,
      action: 'finding',
      changes: [
        { field: 'finding', old: null, new: `${seq}. ${input.description}` },
        { field: 'severity', old: null, new: input.severity },
      ],
    });
    return { id: f.id };
  });
}

/** Issues the audit report (内部审核报告): the conclusion; the audit then waits for its actions to close. */
export async function reportAudit(ctx: Ctx, id: number, input: AuditReportInput) {
  return ctx.db.transaction(async (tx) => {
    const a = await findAuditForManage(ctx, id, tx, input.version);
    if (a.status !== 'planned') throw new ConflictError('quality.audit_not_planned');
    await tx
      .update(internalAudits)
      .set({
        status: 'reported',
        conclusion: input.conclusion,
        reportedAt: ctx.now(),
        version: a.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(internalAudits.id, id));
    await recordAudit(tx, ctx, {
      entityType: AUDIT_ENTITY,
      entityId: id,
      action: 'report',
      changes: [{ field: 'status', old: 'planned', new: 'reported' }],
      comment: input.conclusion,
    });
  });
}

/** Closes a reported audit; refused while any of its corrective/preventive actions is not closed. */
export async function closeAudit(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const a = await findAuditForManage(ctx, id, tx, version);
    if (a.status !== 'reported') throw new ConflictError('quality.audit_not_reported');
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(capas)
      .where(and(eq(capas.auditId, id), ne(capas.status, 'closed')));
    if (n > 0) throw new ConflictError('quality.audit_open_capas', { count: n });
    await tx
      .update(internalAudits)
      .set({ status: 'closed', closedAt: ctx.now(), version: a.version + 1, updatedAt: ctx.now() })
      .where(eq(internalAudits.id, id));
    await recordAudit(tx, ctx, {
      entityType: AUDIT_ENTITY,
      entityId: id,
      action: 'close',
      changes: [{ field: 'status', old: 'reported', new: 'closed' }],
    });
  });
}
