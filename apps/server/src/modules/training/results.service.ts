import { money, type TrainingFeedbackInput, type TrainingResultsInput } from '@sales/core';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { syncOnboarding } from './onboarding.ts';
import { findSessionForChange } from './training.access.ts';
import { trainingAttendance, trainingSessions } from './training.schema.ts';

// Seed 001 培训评估 1: an exam or a practical test is scored; a survey or feedback round may not be.
const SCORED = new Set(['exam', 'practical']);

/**
 * Records who attended a held session and their assessment scores (seed 001 培训评估), and marks it
 * completed. A score at or above the pass mark passes; passing an onboarding session activates a
 * new rep for sales in the same transaction (seed 003: 考核合格者方可正式上岗). Results may be
 * corrected later; the onboarding state follows the correction.
 */
export async function recordResults(ctx: Ctx, sessionId: number, input: TrainingResultsInput) {
  return ctx.db.transaction(async (tx) => {
    const { session, plan } = await findSessionForChange(ctx, sessionId, tx, input.version);
    if (session.startsAt > ctx.now()) throw new ConflictError('training.session_not_started');
    const rows = await tx.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, sessionId));
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    const seen = new Set<number>();
    input.rows.forEach((r, i) => {
      if (!byUser.has(r.userId) || seen.has(r.userId))
        throw ValidationError.field(`rows.${i}.userId`, 'training.not_enrolled');
      seen.add(r.userId);
      if (r.status === 'absent' && r.score) throw ValidationError.field(`rows.${i}.score`, 'training.absent_no_score');
      if (r.status === 'present' && !r.score && (SCORED.has(session.assessmentMethod) || plan.kind === 'onboarding'))
        throw ValidationError.field(`rows.${i}.score`, 'training.score_required');
    });
    const changes: { field: string; old: unknown; new: unknown }[] = [];
    for (const r of input.rows) {
      const cur = byUser.get(r.userId);
      if (!cur) continue;
      const score = r.status === 'present' && r.score ? money(r.score).toFixed(1) : null;
      const passed = score === null ? null : money(score).gte(session.passScore);
      if (cur.status === r.status && cur.score === score) continue;
      await tx
        .update(trainingAttendance)
        .set({ status: r.status, score, passed, version: cur.version + 1, updatedAt: ctx.now() })
        .where(eq(trainingAttendance.id, cur.id));
      changes.push({
        field: `attendance.${r.userId}`,
        old: cur.status === 'enrolled' ? null : `${cur.status}${cur.score ? ` ${cur.score}` : ''}`,
        new: `${r.status}${score ? ` ${score}` : ''}`,
      });
    }
    const completing = session.status !== 'completed';
    await tx
      .update(trainingSessions)
      .set({
        status: 'completed',
        completedAt: session.completedAt ?? ctx.now(),
        version: session.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(trainingSessions.id, sessionId));
    if (completing) changes.unshift({ field: 'status', old: session.status, new: 'completed' });
    await recordAudit(tx, ctx, { entityType: 'training_session', entityId: sessionId, action: 'results', changes });
    if (plan.kind === 'onboarding') await syncOnboarding(tx, ctx, [...seen]);
  });
}

/** The trainee's own feedback on a session they attended (seed 001 培训评估: 学员反馈). */
export async function giveFeedback(ctx: Ctx, attendanceId: number, input: TrainingFeedbackInput) {
  return ctx.db.transaction(async (tx) => {
    // Only one's own row: anyone else's is 404 like an unknown id.
    const [row] = await tx
      .select({ a: trainingAttendance, sessionStatus: trainingSessions.status })
      .from(trainingAttendance)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
      .where(and(eq(trainingAttendance.id, attendanceId), eq(trainingAttendance.userId, ctx.principal.userId)))
      .for('update', { of: trainingAttendance });
    if (!row) throw new NotFoundError();
    if (row.a.version !== input.version) throw new StaleVersionError();
    if (row.sessionStatus !== 'completed' || row.a.status !== 'present')
      throw new ConflictError('training.feedback_not_attended');
    const comment = input.comment?.trim() || null;
    await tx
      .update(trainingAttendance)
      .set({
        feedbackRating: input.rating,
        feedback: comment,
        feedbackAt: ctx.now(),
        version: row.a.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(trainingAttendance.id, attendanceId));
    await recordAudit(tx, ctx, {
      entityType: 'training_attendance',
      entityId: attendanceId,
      action: 'feedback',
      changes: [
        { field: 'feedbackRating', old: row.a.feedbackRating, new: input.rating },
        { field: 'feedback', old: row.a.feedback, new: comment },
      ],
    });
  });
}
