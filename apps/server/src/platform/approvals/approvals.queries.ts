import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import { NotFoundError } from '../errors/errors.ts';
import { users } from '../org/org.schema.ts';
import { approvalDocType, approvalViewFor } from './approvals.registry.ts';
import { approvalActions, approvalInstances, approvalTasks } from './approvals.schema.ts';

/** "My approvals": tasks waiting for me (pending) or that I already decided (done). */
export async function approvalInbox(ctx: Ctx, q: { status: 'pending' | 'done'; page: number; pageSize: number }) {
  const applicant = alias(users, 'applicant');
  const where = and(
    eq(approvalTasks.approverId, ctx.principal.userId),
    q.status === 'pending' ? eq(approvalTasks.status, 'pending') : ne(approvalTasks.status, 'pending'),
  );
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        taskId: approvalTasks.id,
        taskStatus: approvalTasks.status,
        step: approvalTasks.step,
        instanceId: approvalInstances.id,
        docType: approvalInstances.docType,
        docId: approvalInstances.docId,
        summary: approvalInstances.summary,
        summaryKey: approvalInstances.summaryKey,
        summaryParams: approvalInstances.summaryParams,
        status: approvalInstances.status,
        steps: approvalInstances.steps,
        facts: approvalInstances.facts,
        applicantName: applicant.name,
        createdAt: approvalTasks.createdAt,
        actedAt: approvalTasks.actedAt,
      })
      .from(approvalTasks)
      .innerJoin(approvalInstances, eq(approvalInstances.id, approvalTasks.instanceId))
      .innerJoin(applicant, eq(applicant.id, approvalInstances.applicantId))
      .where(where)
      .orderBy(desc(approvalTasks.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: count() }).from(approvalTasks).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      ...approvalViewFor(ctx, r.docType, r),
      summaryKey: undefined,
      summaryParams: undefined,
      stepName: r.steps[r.step]?.name ?? '',
      steps: undefined,
      createdAt: r.createdAt.toISOString(),
      actedAt: r.actedAt?.toISOString() ?? null,
    })),
    total,
    totalCapped: false,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Pending approvals count for the header badge. */
export async function approvalInboxCount(ctx: Ctx) {
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(approvalTasks)
    .where(and(eq(approvalTasks.approverId, ctx.principal.userId), eq(approvalTasks.status, 'pending')));
  return { total: n };
}

async function instanceDetails(ctx: Ctx, ids: number[]) {
  if (ids.length === 0) return [];
  const actor = alias(users, 'actor');
  const target = alias(users, 'target');
  const approver = alias(users, 'approver');
  const [instances, actions, tasks] = await Promise.all([
    ctx.db
      .select({ i: approvalInstances, applicantName: users.name })
      .from(approvalInstances)
      .innerJoin(users, eq(users.id, approvalInstances.applicantId))
      .where(inArray(approvalInstances.id, ids))
      .orderBy(asc(approvalInstances.id)),
    ctx.db
      .select({ a: approvalActions, actorName: actor.name, targetName: target.name })
      .from(approvalActions)
      .innerJoin(actor, eq(actor.id, approvalActions.actorId))
      .leftJoin(target, eq(target.id, approvalActions.targetUserId))
      .where(inArray(approvalActions.instanceId, ids))
      .orderBy(asc(approvalActions.id)),
    ctx.db
      .select({ t: approvalTasks, approverName: approver.name })
      .from(approvalTasks)
      .innerJoin(approver, eq(approver.id, approvalTasks.approverId))
      .where(inArray(approvalTasks.instanceId, ids))
      .orderBy(asc(approvalTasks.id)),
  ]);
  const me = ctx.principal.userId;
  return instances.map(({ i, applicantName }) => ({
    id: i.id,
    docType: i.docType,
    docId: i.docId,
    link: null as string | null,
    ruleName: i.ruleName,
    ...approvalViewFor(ctx, i.docType, i),
    status: i.status,
    currentStep: i.currentStep,
    applicantId: i.applicantId,
    applicantName,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    finishedAt: i.finishedAt?.toISOString() ?? null,
    steps: i.steps.map((s, idx) => ({
      name: s.name,
      mode: s.mode,
      tasks: tasks
        .filter((t) => t.t.instanceId === i.id && t.t.step === idx)
        .map((t) => ({
          id: t.t.id,
          approverId: t.t.approverId,
          approverName: t.approverName,
          status: t.t.status,
          comment: t.t.comment,
          actedAt: t.t.actedAt?.toISOString() ?? null,
        })),
    })),
    actions: actions
      .filter((a) => a.a.instanceId === i.id)
      .map((a) => ({
        id: a.a.id,
        step: a.a.step,
        action: a.a.action,
        actorName: a.actorName,
        targetName: a.targetName,
        comment: a.a.comment,
        at: a.a.at.toISOString(),
      })),
    myPendingTask:
      i.status === 'pending' &&
      tasks.some(
        (t) =>
          t.t.instanceId === i.id && t.t.step === i.currentStep && t.t.approverId === me && t.t.status === 'pending',
      ),
    canWithdraw: i.status === 'pending' && i.applicantId === me,
  }));
}

/**
 * One instance as its applicant or an approver sees it (anyone else: 404). Approvers see the
 * summary and facts captured at submission even when the document itself is outside their scope.
 */
export async function getApprovalInstance(ctx: Ctx, id: number) {
  const [inst] = await ctx.db.select().from(approvalInstances).where(eq(approvalInstances.id, id));
  if (!inst) throw new NotFoundError();
  const me = ctx.principal.userId;
  if (inst.applicantId !== me) {
    const [t] = await ctx.db
      .select({ id: approvalTasks.id })
      .from(approvalTasks)
      .where(and(eq(approvalTasks.instanceId, id), eq(approvalTasks.approverId, me)))
      .limit(1);
    if (!t) throw new NotFoundError();
  }
  const [detail] = await instanceDetails(ctx, [id]);
  const dt = approvalDocType(inst.docType);
  if (dt)
    detail.link = (await dt.assertVisible(ctx, inst.docId).then(
      () => true,
      () => false,
    ))
      ? await linkOf(ctx, inst)
      : null;
  return detail;
}

async function linkOf(ctx: Ctx, inst: typeof approvalInstances.$inferSelect): Promise<string | null> {
  const dt = approvalDocType(inst.docType);
  if (!dt) return null;
  const r = await ctx.db.transaction((tx) => dt.describe(tx, ctx, inst.docId)).catch(() => null);
  return r?.link ?? null;
}

/** The approval history of a document, for users who can see the document. */
export async function documentApprovals(ctx: Ctx, docType: string, docId: number) {
  const dt = approvalDocType(docType);
  if (!dt) throw new NotFoundError();
  await dt.assertVisible(ctx, docId);
  const rows = await ctx.db
    .select({ id: approvalInstances.id })
    .from(approvalInstances)
    .where(and(eq(approvalInstances.docType, docType), eq(approvalInstances.docId, docId)));
  return instanceDetails(
    ctx,
    rows.map((r) => r.id),
  );
}

/**
 * The comment of the latest of `actions` on a document's approvals (the approver's words its
 * applicant reads, e.g. a rejection's reason), null when there is none. For the module's own hooks,
 * inside the engine's transaction: the document was already found in scope.
 */
export async function latestActionComment(
  tx: Tx,
  docType: string,
  docId: number,
  actions: string[],
): Promise<string | null> {
  const [row] = await tx
    .select({ comment: approvalActions.comment })
    .from(approvalActions)
    .innerJoin(approvalInstances, eq(approvalInstances.id, approvalActions.instanceId))
    .where(
      and(
        eq(approvalInstances.docType, docType),
        eq(approvalInstances.docId, docId),
        inArray(approvalActions.action, actions),
      ),
    )
    .orderBy(desc(approvalActions.id))
    .limit(1);
  return row?.comment ?? null;
}
