import type { StaffListQuery } from '@sales/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { listAttachments } from '../../platform/files/index.ts';
import { cappedCount, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { companyDate } from '../../platform/time.ts';
import { STAFF_ENTITY } from './staff.service.ts';
import { findPersonInScope, personScope } from './training.access.ts';
import { staffRecords } from './training.schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The staff-record columns every view of a person shows. */
const recordColumns = (today: string) => sql`
  r.onboarding_status as "onboardingStatus", r.onboarding_started_on::text as "onboardingStartedOn",
  r.onboarding_due_on::text as "onboardingDueOn", r.onboarding_passed_on::text as "onboardingPassedOn",
  r.agreement_signed_on::text as "agreementSignedOn", coalesce(r.version, 1) as version,
  (select count(*)::int from staff_certificates c where c.user_id = u.id
    and (c.expires_on is null or c.expires_on >= ${today}::date)) as "validCertificates",
  (select count(*)::int from staff_certificates c where c.user_id = u.id and c.expires_on < ${today}::date)
    as "expiredCertificates"`;

/**
 * The staff records of the people in scope (SPEC 5.4): onboarding, agreement, certificates. Active
 * users only; by user id, which the primary key orders.
 */
export async function listStaff(ctx: Ctx, q: StaffListQuery) {
  const parts: SQL[] = [await personScope(ctx), sql`${users.active}`];
  if (q.userId) parts.push(sql`${users.id} = ${q.userId}`);
  const where = sql.join(parts, sql` and `);
  const today = companyDate(ctx.now());
  const page = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(where)
    .orderBy(users.id)
    .limit(q.pageSize)
    .offset(pageOffset(q));
  const ids = page.map((p) => p.id);
  const rows = ids.length
    ? (
        await ctx.db.execute<Record<string, unknown>>(sql`
    select u.id as "userId", u.name, d.name as "deptName", ${recordColumns(today)}
    from users u join departments d on d.id = u.dept_id left join staff_records r on r.user_id = u.id
    where u.id = any(${sql.param(ids)}::int[]) order by u.id`)
      ).rows
    : [];
  return pageResult(rows, await cappedCount(ctx.db, users, where), q);
}

/** One person's staff record: onboarding, agreement (with its scan), certificates and training history. */
export async function getStaff(ctx: Ctx, userId: number) {
  const person = await findPersonInScope(ctx, userId);
  const today = companyDate(ctx.now());
  const [head] = (
    await ctx.db.execute<Record<string, unknown>>(sql`
    select u.id as "userId", u.name, d.name as "deptName", m.name as "managerName", ${recordColumns(today)}
    from users u join departments d on d.id = u.dept_id left join users m on m.id = u.manager_id
    left join staff_records r on r.user_id = u.id where u.id = ${userId}`)
  ).rows;
  const certificates = await ctx.db.execute<Record<string, unknown>>(sql`
    select id, name, number, issued_on::text as "issuedOn", expires_on::text as "expiresOn", version,
      case when expires_on is null then 'valid' when expires_on < ${today}::date then 'expired' else 'valid' end as state
    from staff_certificates where user_id = ${userId} order by id`);
  const history = await ctx.db.execute<Record<string, unknown>>(sql`
    select a.id, s.id as "sessionId", s.topic, p.title as "planTitle", p.kind, s.starts_at as "startsAt",
      s.status as "sessionStatus", a.status, a.score::text as score, a.passed,
      a.feedback_rating as "feedbackRating", a.version
    from training_attendance a join training_sessions s on s.id = a.session_id join training_plans p on p.id = s.plan_id
    where a.user_id = ${userId} order by s.starts_at desc, a.id desc limit 100`);
  const files = (await listAttachments(ctx.db, STAFF_ENTITY, userId)).filter((f) => f.purpose === 'confidentiality');
  const manage =
    can(ctx.principal, 'training.manage') &&
    (await findPersonInScope(ctx, userId, 'training.manage').then(
      () => true,
      () => false,
    ));
  return {
    ...head,
    managerName: head.managerName ?? null,
    canManage: manage,
    isSelf: person.id === ctx.principal.userId,
    agreementFiles: files,
    certificates: certificates.rows,
    history: history.rows.map((h) => ({ ...h, startsAt: iso(h.startsAt as Date) })),
  };
}

/** The signed-in user's own onboarding state: the web shows why quotes and orders are refused. */
export async function myOnboarding(ctx: Ctx) {
  const [r] = await ctx.db
    .select({ status: staffRecords.onboardingStatus, dueOn: staffRecords.onboardingDueOn })
    .from(staffRecords)
    .where(and(eq(staffRecords.userId, ctx.principal.userId)));
  const inTraining = r?.status === 'in_training';
  return { activeForSales: !inTraining, onboardingStatus: r?.status ?? null, dueOn: inTraining ? r.dueOn : null };
}
