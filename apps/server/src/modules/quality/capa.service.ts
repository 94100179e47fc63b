import {
  CAPA_TRANSITIONS,
  type CapaDueInput,
  type CapaImplementInput,
  type CapaInput,
  type CapaStatus,
  type CapaVerifyInput,
} from '@sales/core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { cancelTasksByRef, completeTasksByRef } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { findAuditForManage, findCapaForChange } from './quality.access.ts';
import { auditFindings, capas } from './quality.schema.ts';

export const CAPA_ENTITY = 'capa';
const AUDITED = ['kind', 'action', 'rootCause', 'ownerId', 'dueDate'] as const;
type Capa = typeof capas.$inferSelect;

/** The transition table's guard (packages/core CAPA_TRANSITIONS): 409 from any other state. */
function guard(c: Capa, transition: keyof typeof CAPA_TRANSITIONS): CapaStatus {
  const t = CAPA_TRANSITIONS[transition];
  if (!t.from.includes(c.status as CapaStatus)) throw new ConflictError('quality.capa_state', { status: c.status });
  return t.to;
}

async function activeUser(tx: Tx, id: number, field: string) {
  const [u] = await tx
    .select({ id: users.id, deptId: users.deptId, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)));
  if (!u) throw ValidationError.field(field, 'quality.user_invalid');
  return u;
}

/** Raises a corrective or preventive action on a finding of an audit not closed (seed 000 3.2.3 采取必要的纠正和预防措施). */
export async function raiseCapa(ctx: Ctx, auditId: number, input: CapaInput) {
  return ctx.db.transaction(async (tx) => {
    const a = await findAuditForManage(ctx, auditId, tx);
    if (a.status === 'closed') throw new ConflictError('quality.audit_closed');
    const [finding] = await tx
      .select({ id: auditFindings.id })
      .from(auditFindings)
      .where(and(eq(auditFindings.id, input.findingId), eq(auditFindings.auditId, auditId)));
    if (!finding) throw ValidationError.field('findingId', 'quality.finding_invalid');
    const owner = await activeUser(tx, input.ownerId, 'ownerId');
    if (input.dueDate < companyDate(ctx.now())) throw ValidationError.field('dueDate', 'quality.due_past');
    const no = await nextDocNumber(tx, 'capa', ctx.now());
    const values = {
      kind: input.kind,
      action: input.action,
      rootCause: input.rootCause,
      ownerId: owner.id,
      dueDate: input.dueDate,
    };
    const [row] = await tx
      .insert(capas)
      .values({
        ...values,
        no,
        auditId,
        findingId: finding.id,
        ownerDeptId: owner.deptId,
        createdBy: ctx.principal.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning({ id: capas.id });
    await recordAudit(tx, ctx, {
      entityType: CAPA_ENTITY,
      entityId: row.id,
      action: 'create',
      changes: createdFields(values, AUDITED),
    });
    await notify(tx, [owner.id], {
      kind: 'capa.assigned',
      titleKey: 'notice.capa.assigned',
      params: { no, due: input.dueDate },
      link: `/quality/capas/${row.id}`,
    });
    return { id: row.id };
  });
}

/** The owner records what was done, with its evidence (the quality department may record it for them). */
export async function implementCapa(ctx: Ctx, id: number, input: CapaImplementInput) {
  return ctx.db.transaction(async (tx) => {
    const c = await findCapaForChange(ctx, id, tx, input.version);
    if (c.ownerId !== ctx.principal.userId && !can(ctx.principal, 'quality.manage'))
      throw new ForbiddenError('quality.capa_not_owner');
    const to = guard(c, 'implement');
    await tx
      .update(capas)
      .set({
        status: to,
        implementationNote: input.note,
        implementedAt: ctx.now(),
        version: c.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(capas.id, id));
    await recordAudit(tx, ctx, {
      entityType: CAPA_ENTITY,
      entityId: id,
      action: 'implement',
      changes: [{ field: 'status', old: c.status, new: to }],
      comment: input.note,
    });
  });
}

/**
 * Verification of an implemented action (ISO 9001 10.2.1 d, 评审所采取的纠正措施的有效性): effective
 * closes it; not effective sends it back to its owner. The verifier is never the owner (SPEC 1.4).
 */
export async function verifyCapa(ctx: Ctx, id: number, input: CapaVerifyInput, effective: boolean) {
  return ctx.db.transaction(async (tx) => {
    const c = await findCapaForChange(ctx, id, tx, input.version);
    if (!can(ctx.principal, 'quality.manage')) throw new ForbiddenError();
    if (c.ownerId === ctx.principal.userId) throw new ForbiddenError('quality.capa_self_verify');
    const to = guard(c, effective ? 'verify' : 'reject');
    const now = ctx.now();
    const bump = { version: c.version + 1, updatedAt: now };
    await tx
      .update(capas)
      .set(
        effective
          ? { ...bump, status: to, verifierId: ctx.principal.userId, verificationNote: input.note, closedAt: now }
          : { ...bump, status: to, implementedAt: null },
      )
      .where(eq(capas.id, id));
    // The overdue to-do is met by the closure; a rejection leaves it with the owner.
    if (effective) await completeTasksByRef(tx, CAPA_ENTITY, id, now);
    await recordAudit(tx, ctx, {
      entityType: CAPA_ENTITY,
      entityId: id,
      action: effective ? 'verify' : 'reject',
      changes: [{ field: 'status', old: c.status, new: to }],
      comment: input.note,
    });
    if (!effective)
      await notify(tx, [c.ownerId], {
        kind: 'capa.rejected',
        titleKey: 'notice.capa.rejected',
        params: { no: c.no },
        link: `/quality/capas/${id}`,
      });
  });
}

/** Moves the due date of an action not closed, with the reason; an overdue to-do of the old date is cancelled. */
export async function changeCapaDue(ctx: Ctx, id: number, input: CapaDueInput) {
  return ctx.db.transaction(async (tx) => {
    const c = await findCapaForChange(ctx, id, tx, input.version);
    if (!can(ctx.principal, 'quality.manage')) throw new ForbiddenError();
    if (c.status === 'closed') throw new ConflictError('quality.capa_state', { status: c.status });
    if (input.dueDate < companyDate(ctx.now())) throw ValidationError.field('dueDate', 'quality.due_past');
    await tx
      .update(capas)
      .set({ dueDate: input.dueDate, version: c.version + 1, updatedAt: ctx.now() })
      .where(eq(capas.id, id));
    await cancelTasksByRef(tx, CAPA_ENTITY, id, ctx.now());
    await recordAudit(tx, ctx, {
      entityType: CAPA_ENTITY,
      entityId: id,
      action: 'due',
      changes: [{ field: 'dueDate', old: c.dueDate, new: input.dueDate }],
      comment: input.reason,
    });
  });
}
