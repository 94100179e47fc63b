import { money, type TrainingPlanInput, type TrainingPlanUpdateInput, type TrainingSessionInput } from '@sales/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { findPlanForChange, findSessionForChange, personScope } from './training.access.ts';
import { trainingAttendance, trainingPlans, trainingSessions } from './training.schema.ts';

const PLAN_FIELDS = ['title', 'kind', 'goals', 'content', 'method', 'trainer', 'startsOn', 'endsOn'] as const;
const SESSION_FIELDS = ['topic', 'startsAt', 'endsAt', 'location', 'trainer', 'assessmentMethod', 'passScore'] as const;

function validatePlan(input: TrainingPlanInput) {
  if (input.endsOn < input.startsOn) throw ValidationError.field('endsOn', 'training.ends_before_start');
}

/** Creates a training plan organised by the caller (seed 001 培训计划: 目标、内容、方式、时间、师资). */
export async function createPlan(ctx: Ctx, input: TrainingPlanInput) {
  validatePlan(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingPlans)
      .values({
        ...input,
        ownerId: ctx.principal.userId,
        ownerDeptId: ctx.principal.deptId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning({ id: trainingPlans.id });
    await recordAudit(tx, ctx, {
      entityType: 'training_plan',
      entityId: row.id,
      action: 'create',
      changes: createdFields(input, PLAN_FIELDS),
    });
    return { id: row.id };
  });
}

/** Changes a plan (its organiser, within the training.manage scope); versioned. */
export async function updatePlan(ctx: Ctx, id: number, input: TrainingPlanUpdateInput) {
  validatePlan(input);
  return ctx.db.transaction(async (tx) => {
    const cur = await findPlanForChange(ctx, id, tx, input.version);
    const { version: _v, ...next } = input;
    const changes = diffFields(cur, next, PLAN_FIELDS);
    if (changes.length === 0) return;
    await tx
      .update(trainingPlans)
      .set({ ...next, version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(trainingPlans.id, id));
    await recordAudit(tx, ctx, { entityType: 'training_plan', entityId: id, action: 'update', changes });
  });
}

/** Checks a session's times against its plan and its participants against the organiser's scope. */
async function validateSession(
  tx: Tx,
  ctx: Ctx,
  plan: { startsOn: string; endsOn: string },
  input: TrainingSessionInput,
) {
  if (new Date(input.endsAt) <= new Date(input.startsAt))
    throw ValidationError.field('endsAt', 'training.ends_before_start');
  const day = companyDate(new Date(input.startsAt));
  if (day < plan.startsOn || day > plan.endsOn)
    throw ValidationError.field('startsAt', 'training.session_outside_plan', { from: plan.startsOn, to: plan.endsOn });
  const ids = [...new Set(input.participantIds)];
  if (ids.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.active, true), await personScope(ctx, 'training.manage')));
    if (found.length !== ids.length) throw ValidationError.field('participantIds', 'training.participant_invalid');
  }
  return ids;
}

const sessionValues = (input: TrainingSessionInput) => ({
  topic: input.topic,
  startsAt: new Date(input.startsAt),
  endsAt: new Date(input.endsAt),
  location: input.location ?? null,
  trainer: input.trainer ?? null,
  assessmentMethod: input.assessmentMethod,
  // numeric(4,1) as stored, so an unchanged mark is no change in the audit trail.
  passScore: money(input.passScore).toFixed(1),
});

/** Adds a session to a plan with its participants enrolled (seed 001 培训实施: 按照培训计划组织实施). */
export async function createSession(ctx: Ctx, planId: number, input: TrainingSessionInput) {
  return ctx.db.transaction(async (tx) => {
    const plan = await findPlanForChange(ctx, planId, tx);
    const ids = await validateSession(tx, ctx, plan, input);
    const values = sessionValues(input);
    const [row] = await tx
      .insert(trainingSessions)
      .values({ ...values, planId, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning({ id: trainingSessions.id });
    if (ids.length)
      await tx
        .insert(trainingAttendance)
        .values(ids.map((userId) => ({ sessionId: row.id, userId, createdAt: ctx.now(), updatedAt: ctx.now() })));
    await recordAudit(tx, ctx, {
      entityType: 'training_session',
      entityId: row.id,
      action: 'create',
      changes: [
        ...createdFields({ ...values, startsAt: input.startsAt, endsAt: input.endsAt }, SESSION_FIELDS),
        { field: 'participantIds', old: null, new: ids },
      ],
    });
    return { id: row.id };
  });
}

/** Changes a scheduled session and its participant list (the enrolled who are dropped leave it). */
export async function updateSession(ctx: Ctx, id: number, input: TrainingSessionInput & { version: number }) {
  return ctx.db.transaction(async (tx) => {
    const { session, plan } = await findSessionForChange(ctx, id, tx, input.version);
    if (session.status !== 'scheduled') throw new ConflictError('training.session_completed');
    const ids = await validateSession(tx, ctx, plan, input);
    const values = sessionValues(input);
    const before = await tx
      .select({ userId: trainingAttendance.userId })
      .from(trainingAttendance)
      .where(eq(trainingAttendance.sessionId, id));
    const had = before.map((b) => b.userId);
    const dropped = had.filter((u) => !ids.includes(u));
    const added = ids.filter((u) => !had.includes(u));
    if (dropped.length)
      await tx
        .delete(trainingAttendance)
        .where(and(eq(trainingAttendance.sessionId, id), inArray(trainingAttendance.userId, dropped)));
    if (added.length)
      await tx
        .insert(trainingAttendance)
        .values(added.map((userId) => ({ sessionId: id, userId, createdAt: ctx.now(), updatedAt: ctx.now() })));
    await tx
      .update(trainingSessions)
      .set({ ...values, version: session.version + 1, updatedAt: ctx.now() })
      .where(eq(trainingSessions.id, id));
    const changes = diffFields(
      { ...session, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() },
      { ...values, startsAt: values.startsAt.toISOString(), endsAt: values.endsAt.toISOString() },
      SESSION_FIELDS,
    );
    if (dropped.length || added.length) changes.push({ field: 'participantIds', old: had, new: ids });
    await recordAudit(tx, ctx, { entityType: 'training_session', entityId: id, action: 'update', changes });
  });
}
