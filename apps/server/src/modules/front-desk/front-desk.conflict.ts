import type { ConflictResolveInput } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { completeTasksByRef, upsertTask } from '../../platform/tasks/index.ts';
import { reassignCustomerInTx } from '../customers/index.ts';
import { registrationView } from './front-desk.list.ts';
import { frontDeskRegistrations as r } from './front-desk.schema.ts';
import './front-desk.messages.ts';

const REF = 'frontdesk_conflict';

/**
 * The manager responsible for a department's customers: its head, or the head of the nearest
 * department above it that has an active one (like the approval engine's dept_head step).
 */
async function responsibleManager(tx: Tx, deptId: number): Promise<number | null> {
  const res = await tx.execute<{ id: number }>(sql`
    select h.id from departments d
      join departments a on d.path like a.path || '%'
      join users h on h.id = a.head_user_id and h.active
    where d.id = ${deptId}
    order by length(a.path) desc
    limit 1`);
  return res.rows[0] ? Number(res.rows[0].id) : null;
}

async function userName(tx: Tx, id: number) {
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return u?.name ?? '';
}

/**
 * 归属冲突 (SPEC 2.3, seed 000 客户接待制度): the visitor named a rep other than the owner of the
 * customer they matched. The visitor went to the owner; the owner department's manager gets a task
 * and a notification to settle it (keep the owner, or reassign to the named rep).
 */
export async function raiseConflict(
  tx: Tx,
  c: {
    id: number;
    today: string;
    visitorName: string;
    claimedRepId: number;
    ownerName: string;
    ownerDeptId: number;
    customerName: string;
  },
) {
  const manager = await responsibleManager(tx, c.ownerDeptId);
  if (manager === null) return;
  const params = {
    visitorName: c.visitorName,
    claimedName: await userName(tx, c.claimedRepId),
    ownerName: c.ownerName,
    customerName: c.customerName,
  };
  const link = `/front-desk/registrations/${c.id}`;
  await upsertTask(tx, {
    userId: manager,
    kind: 'frontdesk.conflict',
    titleKey: 'task.frontdesk.conflict',
    params,
    link,
    refType: REF,
    refId: c.id,
    dueDate: c.today,
    dedupeKey: `${REF}:${c.id}`,
  });
  await notify(tx, [manager], { kind: 'frontdesk.conflict', titleKey: 'notify.frontdesk.conflict', params, link });
}

/**
 * The manager settles an ownership conflict: 'keep' leaves the customer with its owner, 'reassign'
 * moves the customer (and the registration) to the rep the visitor named. Audited with the
 * manager's reason; the conflict task is done and both reps are told.
 */
export async function resolveConflict(ctx: Ctx, id: number, input: ConflictResolveInput) {
  await ctx.db.transaction(async (tx) => {
    const scope = await resolveScope(ctx, 'frontdesk.resolve');
    const [reg] = await tx
      .select()
      .from(r)
      .where(and(eq(r.id, id), scopeWhere(scope, r.routedTo, r.routedDeptId)))
      .for('update');
    if (!reg) throw new NotFoundError();
    if (reg.version !== input.version) throw new StaleVersionError();
    if (reg.conflictStatus !== 'open' || reg.conflictRepId === null || reg.customerId === null)
      throw new ConflictError('frontdesk.conflict.none');
    const reassign = input.decision === 'reassign';
    const status = reassign ? 'reassigned' : 'kept';
    const next = { routedTo: reg.routedTo, routedDeptId: reg.routedDeptId };
    if (reassign) {
      const [rep] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, reg.conflictRepId), eq(users.active, true)));
      if (!rep) throw new ConflictError('frontdesk.conflict.rep_inactive');
      const moved = await reassignCustomerInTx(tx, ctx, reg.customerId, reg.conflictRepId, input.note);
      next.routedTo = reg.conflictRepId;
      next.routedDeptId = moved.deptId;
    }
    const now = ctx.now();
    await tx
      .update(r)
      .set({
        ...next,
        conflictStatus: status,
        conflictResolvedBy: ctx.principal.userId,
        conflictResolvedAt: now,
        conflictNote: input.note,
        version: reg.version + 1,
      })
      .where(eq(r.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'frontdesk_registration',
      entityId: id,
      action: 'conflict_resolve',
      changes: [
        { field: 'conflictStatus', old: 'open', new: status },
        ...(reassign ? [{ field: 'routedTo', old: reg.routedTo, new: next.routedTo }] : []),
      ],
      comment: input.note,
    });
    await completeTasksByRef(tx, REF, id, now);
    await notify(tx, [...new Set([reg.routedTo, reg.conflictRepId])], {
      kind: 'frontdesk.conflict',
      titleKey: reassign ? 'notify.frontdesk.conflict_reassigned' : 'notify.frontdesk.conflict_kept',
      params: { visitorName: reg.visitorName, note: input.note },
      link: `/front-desk/registrations/${id}`,
    });
  });
  return registrationView(ctx, id);
}
