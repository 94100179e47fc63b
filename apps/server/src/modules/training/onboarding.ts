import { addDays } from '@sales/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { onUserCreated } from '../../platform/org/org-hooks.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { companyDate } from '../../platform/time.ts';
import { staffRecords, trainingAttendance, trainingPlans, trainingSessions } from './training.schema.ts';
import './training.messages.ts';

/**
 * The onboarding gate (SPEC 5.4; seed 003 招聘与培训: 新员工入职后…培训结束后进行考核，考核合格者方可
 * 正式上岗). A user is "active for sales" unless their staff record says 'in_training'. Who is
 * gated, and why existing users are not:
 *
 * - A user created on the users page whose roles hold training.attend starts in onboarding (the
 *   hook below): that is what a new rep is. A trainer may also start it by hand for someone
 *   (a re-hire, or a user who predates the gate).
 * - Users who existed before the gate have no staff record, or one without an onboarding state,
 *   and stay active: the gate is never applied backwards, so a release cannot lock out a working
 *   sales force (and the demo's users, made the same way, stay active).
 * - Passing the assessment of an onboarding session (score at or above its pass mark) activates
 *   the person in the same transaction (syncOnboarding).
 *
 * The check is one indexed lookup (a partial index holds only the people in training).
 */
export async function assertActiveForSales(db: DbOrTx, userId: number, field: string): Promise<void> {
  const [row] = await db
    .select({ name: users.name })
    .from(staffRecords)
    .innerJoin(users, eq(users.id, staffRecords.userId))
    .where(and(eq(staffRecords.userId, userId), eq(staffRecords.onboardingStatus, 'in_training')));
  if (row) throw ValidationError.field(field, 'training.onboarding_required', { name: row.name });
}

/** The given users who are still in onboarding (not active for sales): for batch owners (imports). */
export async function usersInOnboarding(db: DbOrTx, userIds: number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(staffRecords)
    .innerJoin(users, eq(users.id, staffRecords.userId))
    .where(and(inArray(staffRecords.userId, userIds), eq(staffRecords.onboardingStatus, 'in_training')));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Puts a person into onboarding from `startedOn`, due after training.onboardingDays; audited. */
export async function beginOnboarding(tx: Tx, ctx: Ctx, userId: number, startedOn: string) {
  const days = await getPolicy(tx, 'training.onboardingDays');
  const dueOn = addDays(startedOn, days);
  const values = {
    onboardingStatus: 'in_training',
    onboardingStartedOn: startedOn,
    onboardingDueOn: dueOn,
    onboardingPassedOn: null,
    onboardingSessionId: null,
  };
  const [before] = await tx.select().from(staffRecords).where(eq(staffRecords.userId, userId)).for('update');
  if (before)
    await tx
      .update(staffRecords)
      .set({ ...values, version: before.version + 1, updatedAt: ctx.now() })
      .where(eq(staffRecords.userId, userId));
  else await tx.insert(staffRecords).values({ userId, ...values, createdAt: ctx.now(), updatedAt: ctx.now() });
  await recordAudit(tx, ctx, {
    entityType: 'staff_record',
    entityId: userId,
    action: 'onboarding_start',
    changes: [
      { field: 'onboardingStatus', old: before?.onboardingStatus ?? null, new: 'in_training' },
      { field: 'onboardingDueOn', old: before?.onboardingDueOn ?? null, new: dueOn },
    ],
  });
}

// A new hire whose roles take part in training starts in onboarding (see above).
onUserCreated(async (tx, ctx, userId) => {
  const res = await tx.execute(sql`select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
    where ur.user_id = ${userId} and g.permission = 'training.attend' limit 1`);
  if (res.rows.length) await beginOnboarding(tx, ctx, userId, companyDate(ctx.now()));
});

/**
 * After results change: a person in onboarding who passed a completed onboarding session is active
 * from that session's day; one whose only pass was corrected away goes back into training. Runs in
 * the results' transaction, audited per person.
 */
export async function syncOnboarding(tx: Tx, ctx: Ctx, userIds: number[]) {
  if (userIds.length === 0) return;
  const rows = await tx
    .select({
      userId: staffRecords.userId,
      status: staffRecords.onboardingStatus,
      version: staffRecords.version,
      passedOn: staffRecords.onboardingPassedOn,
      pass: sql<{ sessionId: number; day: string } | null>`(
        select json_build_object('sessionId', s.id, 'day', (s.starts_at at time zone 'Asia/Shanghai')::date)
        from ${trainingAttendance} a
        join ${trainingSessions} s on s.id = a.session_id and s.status = 'completed'
        join ${trainingPlans} p on p.id = s.plan_id and p.kind = 'onboarding'
        where a.user_id = ${staffRecords.userId} and a.passed
        order by s.starts_at, s.id limit 1)`,
    })
    .from(staffRecords)
    .where(and(inArray(staffRecords.userId, userIds), sql`${staffRecords.onboardingStatus} is not null`))
    .for('update');
  for (const r of rows) {
    const next = r.pass ? 'passed' : 'in_training';
    if (next === r.status) continue;
    await tx
      .update(staffRecords)
      .set({
        onboardingStatus: next,
        onboardingPassedOn: r.pass?.day ?? null,
        onboardingSessionId: r.pass?.sessionId ?? null,
        version: r.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(staffRecords.userId, r.userId));
    await recordAudit(tx, ctx, {
      entityType: 'staff_record',
      entityId: r.userId,
      action: next === 'passed' ? 'onboarding_pass' : 'onboarding_reopen',
      changes: [
        { field: 'onboardingStatus', old: r.status, new: next },
        { field: 'onboardingPassedOn', old: r.passedOn, new: r.pass?.day ?? null },
      ],
    });
  }
}
