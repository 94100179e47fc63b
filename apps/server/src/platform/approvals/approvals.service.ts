import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors.ts';
import { translate } from '../i18n/messages.ts';
import { notify } from '../notifications/notifications.service.ts';
import { users } from '../org/org.schema.ts';
import { approvalDocType } from './approvals.registry.ts';
import { resolveApprovers } from './approvals.resolve.ts';
import { pickRule } from './approvals.rules.ts';
import { approvalActions, approvalInstances, approvalRules, approvalTasks } from './approvals.schema.ts';
import { ACTOR, type ApprovalAction, canAct, type InstanceState } from './approvals.state.ts';

type Instance = typeof approvalInstances.$inferSelect;

/**
 * The summary as notification params: the stored zh-CN text, and its key with its params under
 * `summary.<name>`, so each reader's notice shows it in their language (notificationTitle).
 */
function summaryParamsOf(inst: Instance): Record<string, string | number> {
  if (!inst.summaryKey) return { summary: inst.summary };
  const inner = Object.entries(inst.summaryParams ?? {}).map(([k, v]) => [`summary.${k}`, v] as const);
  return { summary: inst.summary, summaryKey: inst.summaryKey, ...Object.fromEntries(inner) };
}

async function log(tx: Tx, ctx: Ctx, inst: Instance, action: string, comment?: string | null, target?: number | null) {
  await tx.insert(approvalActions).values({
    instanceId: inst.id,
    step: inst.currentStep,
    actorId: ctx.principal.userId,
    action,
    comment: comment ?? null,
    targetUserId: target ?? null,
  });
  await recordAudit(tx, ctx, {
    entityType: 'approval_instance',
    entityId: inst.id,
    action,
    changes: [{ field: 'status', old: null, new: `${inst.docType}#${inst.docId}:${action}` }],
    comment,
  });
}

/** Opens a step: resolves its approvers, creates their tasks and notifies them. */
async function openStep(tx: Tx, inst: Instance, step: number) {
  const approvers = await resolveApprovers(tx, inst.steps[step], inst.applicantId);
  await tx.insert(approvalTasks).values(approvers.map((approverId) => ({ instanceId: inst.id, step, approverId })));
  await notify(tx, approvers, {
    kind: 'approval.task',
    titleKey: 'notify.approval.task',
    params: { ...summaryParamsOf(inst), step: inst.steps[step].name },
    link: `/approvals/${inst.id}`,
  });
}

/**
 * Submits a document for approval inside the module's transaction: picks the first matching
 * rule, opens its first step, and locks the document while pending. With no matching rule the
 * document is approved at once (and the history says so).
 */
export async function submitForApproval(tx: Tx, ctx: Ctx, docType: string, docId: number) {
  const dt = approvalDocType(docType);
  if (!dt) throw new NotFoundError();
  const { facts, summaryKey, summaryParams } = await dt.describe(tx, ctx, docId);
  const summary = translate('zh-CN', summaryKey, summaryParams);
  const rules = await tx
    .select()
    .from(approvalRules)
    .where(and(eq(approvalRules.docType, docType), eq(approvalRules.active, true)));
  const rule = pickRule(rules, facts);
  const pending = await tx
    .select({ id: approvalInstances.id })
    .from(approvalInstances)
    .where(
      and(
        eq(approvalInstances.docType, docType),
        eq(approvalInstances.docId, docId),
        eq(approvalInstances.status, 'pending'),
      ),
    );
  if (pending.length) throw new ConflictError('approval.already_pending');
  const [inst] = await tx
    .insert(approvalInstances)
    .values({
      docType,
      docId,
      ruleId: rule?.id ?? null,
      ruleName: rule?.name ?? '',
      steps: rule?.steps ?? [],
      facts,
      summary,
      summaryKey,
      summaryParams,
      applicantId: ctx.principal.userId,
      status: rule?.steps.length ? 'pending' : 'approved',
      finishedAt: rule?.steps.length ? null : new Date(),
    })
    .returning();
  await log(tx, ctx, inst, 'submit');
  if (inst.status === 'approved') {
    await log(tx, ctx, inst, 'auto_approve');
    await dt.onApproved(tx, ctx, docId);
  } else {
    await openStep(tx, inst, 0);
  }
  return { instanceId: inst.id, status: inst.status as InstanceState };
}

/** Whether a document is locked by a pending approval (a document under approval is locked). */
export async function isUnderApproval(tx: Tx | Ctx['db'], docType: string, docId: number): Promise<boolean> {
  const r = await tx
    .select({ id: approvalInstances.id })
    .from(approvalInstances)
    .where(
      and(
        eq(approvalInstances.docType, docType),
        eq(approvalInstances.docId, docId),
        eq(approvalInstances.status, 'pending'),
      ),
    );
  return r.length > 0;
}

export async function assertNotUnderApproval(tx: Tx | Ctx['db'], docType: string, docId: number) {
  if (await isUnderApproval(tx, docType, docId)) throw new ConflictError('approval.locked');
}

async function finish(tx: Tx, ctx: Ctx, inst: Instance, status: Exclude<InstanceState, 'pending'>) {
  if (status === 'withdrawn') {
    // Approvers still waiting learn that their decision is no longer needed.
    const waiting = await tx
      .select({ id: approvalTasks.approverId })
      .from(approvalTasks)
      .where(and(eq(approvalTasks.instanceId, inst.id), eq(approvalTasks.status, 'pending')));
    await notify(
      tx,
      waiting.map((w) => w.id),
      {
        kind: 'approval.result',
        titleKey: 'notify.approval.withdrawn',
        params: summaryParamsOf(inst),
        link: `/approvals/${inst.id}`,
      },
    );
  }
  await tx
    .update(approvalTasks)
    .set({ status: 'cancelled', actedAt: new Date() })
    .where(and(eq(approvalTasks.instanceId, inst.id), eq(approvalTasks.status, 'pending')));
  await tx
    .update(approvalInstances)
    .set({ status, finishedAt: new Date(), version: sql`${approvalInstances.version} + 1` })
    .where(eq(approvalInstances.id, inst.id));
  const dt = approvalDocType(inst.docType);
  if (!dt) throw new NotFoundError();
  if (status === 'approved') await dt.onApproved(tx, ctx, inst.docId);
  else await dt.onClosed(tx, ctx, inst.docId, status);
  await notify(tx, [inst.applicantId], {
    kind: 'approval.result',
    titleKey: `notify.approval.${status}`,
    params: summaryParamsOf(inst),
    link: `/approvals/${inst.id}`,
  });
}

export interface ActInput {
  comment?: string | null;
  toStep?: number | null;
  toUserId?: number;
}

/**
 * Takes one action on a pending instance. The instance row is locked for the whole decision, so
 * concurrent actions on the same step serialise and only the first makes the transition.
 */
export async function actOnApproval(ctx: Ctx, instanceId: number, action: ApprovalAction, input: ActInput = {}) {
  return ctx.db.transaction(async (tx) => {
    const [inst] = await tx.select().from(approvalInstances).where(eq(approvalInstances.id, instanceId)).for('update');
    if (!inst) throw new NotFoundError();
    const me = ctx.principal.userId;
    const [involved] = await tx
      .select({ id: approvalTasks.id })
      .from(approvalTasks)
      .where(and(eq(approvalTasks.instanceId, instanceId), eq(approvalTasks.approverId, me)))
      .limit(1);
    // Someone neither applicant nor approver learns nothing about the instance.
    if (inst.applicantId !== me && !involved) throw new NotFoundError();
    if (!canAct(inst.status as InstanceState, action)) throw new ConflictError('approval.not_pending');
    const comment = input.comment?.trim() || null;

    if (ACTOR[action] === 'applicant') {
      if (inst.applicantId !== me) throw new ConflictError('approval.not_applicant');
      await log(tx, ctx, inst, 'withdraw', comment);
      await finish(tx, ctx, inst, 'withdrawn');
      return { status: 'withdrawn' as const };
    }

    const [task] = await tx
      .select()
      .from(approvalTasks)
      .where(
        and(
          eq(approvalTasks.instanceId, instanceId),
          eq(approvalTasks.step, inst.currentStep),
          eq(approvalTasks.approverId, me),
          eq(approvalTasks.status, 'pending'),
        ),
      )
      .for('update');
    if (!task) throw new ConflictError('approval.no_pending_task');
    const close = (status: string) =>
      tx.update(approvalTasks).set({ status, comment, actedAt: new Date() }).where(eq(approvalTasks.id, task.id));

    if (action === 'reject' || action === 'return') {
      if (!comment) throw ValidationError.field('comment', 'approval.reason_required');
    }
    if (action === 'reject') {
      await close('rejected');
      await log(tx, ctx, inst, 'reject', comment);
      await finish(tx, ctx, inst, 'rejected');
      return { status: 'rejected' as const };
    }
    if (action === 'return') {
      const to = input.toStep ?? null;
      if (to !== null && (to < 0 || to >= inst.currentStep)) throw ValidationError.field('toStep', 'approval.bad_step');
      await close('returned');
      await log(tx, ctx, inst, 'return', comment, null);
      if (to === null) {
        await finish(tx, ctx, inst, 'returned');
        return { status: 'returned' as const };
      }
      await tx
        .update(approvalTasks)
        .set({ status: 'cancelled', actedAt: new Date() })
        .where(and(eq(approvalTasks.instanceId, inst.id), eq(approvalTasks.status, 'pending')));
      await tx
        .update(approvalInstances)
        .set({ currentStep: to, version: sql`${approvalInstances.version} + 1` })
        .where(eq(approvalInstances.id, inst.id));
      await openStep(tx, { ...inst, currentStep: to }, to);
      return { status: 'pending' as const, step: to };
    }
    if (action === 'delegate') {
      const target = input.toUserId;
      const [u] = target
        ? await tx
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.id, target), eq(users.active, true)))
        : [];
      if (!u || target === me || target === inst.applicantId)
        throw ValidationError.field('toUserId', 'approval.delegate_invalid');
      await close('delegated');
      await tx
        .insert(approvalTasks)
        .values({ instanceId: inst.id, step: inst.currentStep, approverId: u.id, delegatedFrom: me });
      await log(tx, ctx, inst, 'delegate', comment, u.id);
      await notify(tx, [u.id], {
        kind: 'approval.task',
        titleKey: 'notify.approval.task',
        params: { ...summaryParamsOf(inst), step: inst.steps[inst.currentStep].name },
        link: `/approvals/${inst.id}`,
      });
      return { status: 'pending' as const, step: inst.currentStep };
    }

    // approve
    await close('approved');
    await log(tx, ctx, inst, 'approve', comment);
    const step = inst.steps[inst.currentStep];
    const left = await tx
      .select({ id: approvalTasks.id })
      .from(approvalTasks)
      .where(
        and(
          eq(approvalTasks.instanceId, inst.id),
          eq(approvalTasks.step, inst.currentStep),
          eq(approvalTasks.status, 'pending'),
          ne(approvalTasks.id, task.id),
        ),
      );
    if (step.mode === 'all' && left.length > 0) return { status: 'pending' as const, step: inst.currentStep };
    if (left.length) {
      // 或签: the first approval decides; the others' tasks are no longer needed.
      await tx
        .update(approvalTasks)
        .set({ status: 'cancelled', actedAt: new Date() })
        .where(
          and(
            eq(approvalTasks.instanceId, inst.id),
            eq(approvalTasks.step, inst.currentStep),
            eq(approvalTasks.status, 'pending'),
          ),
        );
    }
    const next = inst.currentStep + 1;
    if (next >= inst.steps.length) {
      await finish(tx, ctx, inst, 'approved');
      return { status: 'approved' as const };
    }
    await tx
      .update(approvalInstances)
      .set({ currentStep: next, version: sql`${approvalInstances.version} + 1` })
      .where(eq(approvalInstances.id, inst.id));
    await openStep(tx, { ...inst, currentStep: next }, next);
    return { status: 'pending' as const, step: next };
  });
}

/** Instances and their full history for one document, oldest first. */
export async function approvalHistoryRows(tx: Tx | Ctx['db'], docType: string, docId: number) {
  const instances = await tx
    .select()
    .from(approvalInstances)
    .where(and(eq(approvalInstances.docType, docType), eq(approvalInstances.docId, docId)))
    .orderBy(asc(approvalInstances.id));
  return instances;
}
