import { addDays, previousQuarter, quarterOf, quarterRange } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { upsertTasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { inServiceByPerson } from './training.reports.ts';
import './training.messages.ts';

const notYet = (key: SQL) => sql`not exists (select 1 from tasks t where t.dedupe_key = ${key})`;

/**
 * Certificates expiring within training.certificateReminderDays: the holder gets a renewal task due
 * on the expiry day, and holder and manager a notice — once per certificate and expiry date, so a
 * renewed certificate (a new date) is reminded again before its new expiry.
 */
export async function runCertificateReminders(tx: Tx, now: Date): Promise<number> {
  const today = companyDate(now);
  const until = addDays(today, await getPolicy(tx, 'training.certificateReminderDays'));
  const res = await tx.execute<{
    id: number;
    user_id: number;
    manager_id: number | null;
    holder: string;
    name: string;
    number: string;
    expires_on: string;
  }>(sql`
    select c.id, c.user_id, u.manager_id, u.name as holder, c.name, c.number, c.expires_on::text as expires_on
    from staff_certificates c join users u on u.id = c.user_id and u.active
    where c.expires_on between ${today}::date and ${until}::date
      and ${notYet(sql`'training-cert:' || c.id || ':' || c.expires_on::text`)}`);
  for (const c of res.rows) {
    const link = `/training/staff/${c.user_id}`;
    await upsertTasks(tx, [
      {
        userId: Number(c.user_id),
        kind: 'training.certificate',
        titleKey: 'task.training.certificate',
        params: { name: c.name, number: c.number, date: c.expires_on },
        link,
        refType: 'staff_certificate',
        refId: Number(c.id),
        dueDate: c.expires_on,
        dedupeKey: `training-cert:${c.id}:${c.expires_on}`,
      },
    ]);
    await notify(tx, [Number(c.user_id), ...(c.manager_id ? [Number(c.manager_id)] : [])], {
      kind: 'training.certificate',
      titleKey: 'notify.training.certificate',
      params: { holder: c.holder, name: c.name, date: c.expires_on },
      link,
    });
  }
  return res.rows.length;
}

/** Onboarding past its due date (training.onboardingDays): a task for the new rep's manager. */
export async function runOnboardingOverdue(tx: Tx, now: Date): Promise<number> {
  const today = companyDate(now);
  const res = await tx.execute<{ user_id: number; name: string; lead_id: number | null; due_on: string }>(sql`
    select r.user_id, u.name, coalesce(u.manager_id, d.head_user_id) as lead_id, r.onboarding_due_on::text as due_on
    from staff_records r join users u on u.id = r.user_id and u.active join departments d on d.id = u.dept_id
    where r.onboarding_status = 'in_training' and r.onboarding_due_on < ${today}::date
      and ${notYet(sql`'training-onboarding:' || r.user_id || ':' || r.onboarding_due_on::text`)}`);
  const rows = res.rows.filter((r) => r.lead_id !== null);
  return upsertTasks(
    tx,
    rows.map((r) => ({
      userId: Number(r.lead_id),
      kind: 'training.onboarding',
      titleKey: 'task.training.onboarding_overdue',
      params: { name: r.name, date: r.due_on },
      link: `/training/staff/${r.user_id}`,
      refType: 'staff_record',
      refId: Number(r.user_id),
      dueDate: today,
      dedupeKey: `training-onboarding:${r.user_id}:${r.due_on}`,
    })),
  );
}

/**
 * Seed 003 人员培训: 在职销售服务人员…每季度至少开展一次. Once a quarter is over, each trainee who
 * attended no in-service session in it is flagged: a task for their manager (or department head)
 * to arrange one, due two weeks later, and a notice to the person. A company is swept from the
 * first quarter in which it had recorded a training plan, so installing the module does not flag
 * every quarter before it.
 */
export async function runQuarterFlags(tx: Tx, now: Date): Promise<number> {
  const today = companyDate(now);
  const quarter = previousQuarter(quarterOf(today));
  const { to } = quarterRange(quarter);
  const started = await tx.execute(sql`select 1 from training_plans
    where created_at < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai' limit 1`);
  if (started.rows.length === 0) return 0;
  const rows = (await inServiceByPerson(tx, quarter, sql`true`)).filter((r) => r.attended === 0);
  const done = await tx.execute<{ k: string }>(sql`select dedupe_key as k from tasks
    where dedupe_key = any(${sql.param(rows.map((r) => `training-quarter:${r.userId}:${quarter}`))}::text[])`);
  const seen = new Set(done.rows.map((r) => r.k));
  let created = 0;
  for (const r of rows) {
    const key = `training-quarter:${r.userId}:${quarter}`;
    const lead = r.managerId ?? r.headId;
    if (seen.has(key) || lead === null) continue;
    created += await upsertTasks(tx, [
      {
        userId: lead,
        kind: 'training.quarter',
        titleKey: 'task.training.quarter',
        params: { name: r.name, quarter },
        link: `/training/staff/${r.userId}`,
        refType: 'staff_record',
        refId: r.userId,
        dueDate: addDays(today, 14),
        dedupeKey: key,
      },
    ]);
    await notify(tx, [r.userId], {
      kind: 'training.quarter',
      titleKey: 'notify.training.quarter',
      params: { quarter },
      link: `/training/staff/${r.userId}`,
    });
  }
  return created;
}

/** The daily training sweep: certificate reminders, overdue onboarding, quarters without training. */
export async function runTrainingSweep(db: Db, now: Date): Promise<{ changed: number }> {
  return db.transaction(async (tx) => ({
    changed:
      (await runCertificateReminders(tx, now)) +
      (await runOnboardingOverdue(tx, now)) +
      (await runQuarterFlags(tx, now)),
  }));
}

registerSweep({ name: 'training.reminders', cron: '30 7 * * *', run: runTrainingSweep });
