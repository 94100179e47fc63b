import { addDays, type ComplianceIssue, quarterOf, quarterRange, type TrainingResultsQuery } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { companyDate } from '../../platform/time.ts';
import { findPersonInScope, personScope } from './training.access.ts';
import { trainingResults } from './training.results.ts';

/** Active users who take part in training (their roles hold training.attend), as SQL on `u`. */
export const TRAINEES = sql`u.active and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
  where ur.user_id = u.id and g.permission = 'training.attend')`;

/**
 * What is missing or expired per person in scope (SPEC 5.4: missing or expired ones are listed):
 * no signed confidentiality agreement (seed 001 保密措施 1), no valid qualification certificate
 * (seed 000 第六条), a certificate expired or expiring within training.certificateReminderDays,
 * onboarding not yet passed (overdue after training.onboardingDays).
 */
export async function complianceList(ctx: Ctx) {
  const today = companyDate(ctx.now());
  const soon = addDays(today, await getPolicy(ctx.db, 'training.certificateReminderDays'));
  const scope = await personScope(ctx, 'training.view', sql`u.id`);
  const res = await ctx.db.execute<{
    user_id: number;
    name: string;
    dept_name: string;
    agreement: string | null;
    onboarding_status: string | null;
    due_on: string | null;
    certs: { name: string; number: string; expiresOn: string | null }[];
  }>(sql`
    select u.id as user_id, u.name, d.name as dept_name, r.agreement_signed_on::text as agreement,
      r.onboarding_status, r.onboarding_due_on::text as due_on,
      coalesce((select json_agg(json_build_object('name', c.name, 'number', c.number, 'expiresOn', c.expires_on) order by c.id)
        from staff_certificates c where c.user_id = u.id), '[]') as certs
    from users u join departments d on d.id = u.dept_id left join staff_records r on r.user_id = u.id
    where ${TRAINEES} and ${scope}
    order by u.id`);
  const items = res.rows.flatMap((r) => {
    const issues: { code: ComplianceIssue; certificate?: string; date?: string }[] = [];
    if (r.onboarding_status === 'in_training')
      issues.push({
        code: r.due_on && r.due_on < today ? 'onboarding_overdue' : 'onboarding',
        date: r.due_on ?? undefined,
      });
    if (!r.agreement) issues.push({ code: 'agreement_missing' });
    if (r.certs.length === 0) issues.push({ code: 'certificate_missing' });
    for (const c of r.certs) {
      if (c.expiresOn !== null && c.expiresOn < today)
        issues.push({ code: 'certificate_expired', certificate: `${c.name}（${c.number}）`, date: c.expiresOn });
      else if (c.expiresOn !== null && c.expiresOn <= soon)
        issues.push({ code: 'certificate_expiring', certificate: `${c.name}（${c.number}）`, date: c.expiresOn });
    }
    return issues.length ? [{ userId: Number(r.user_id), name: r.name, deptName: r.dept_name, issues }] : [];
  });
  return { today, items };
}

/**
 * In-service training per person for a quarter (seed 003: 在职销售服务人员每季度至少开展一次): the
 * sessions each trainee attended; someone with none is flagged (only once the quarter is over is it
 * final; the sweep then raises the task). People still in onboarding, or hired after the quarter,
 * are not counted.
 */
export async function inServiceByPerson(db: DbOrTx, quarter: string, scope: SQL) {
  const { from, to } = quarterRange(quarter);
  const res = await db.execute<{
    user_id: number;
    name: string;
    dept_name: string;
    manager_id: number | null;
    head_id: number | null;
    attended: number;
    last_day: string | null;
  }>(sql`
    select u.id as user_id, u.name, d.name as dept_name, u.manager_id, d.head_user_id as head_id,
      count(s.id)::int as attended, max((s.starts_at at time zone 'Asia/Shanghai')::date)::text as last_day
    from users u join departments d on d.id = u.dept_id
    left join staff_records r on r.user_id = u.id
    left join training_attendance a on a.user_id = u.id and a.status = 'present'
    left join training_sessions s on s.id = a.session_id and s.status = 'completed'
      and s.starts_at >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'
      and s.starts_at < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'
      and exists (select 1 from training_plans p where p.id = s.plan_id and p.kind = 'in_service')
    where ${TRAINEES} and ${scope} and r.onboarding_status is distinct from 'in_training'
      and u.created_at < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'
    group by u.id, d.id order by u.id`);
  return res.rows.map((r) => ({
    userId: Number(r.user_id),
    name: r.name,
    deptName: r.dept_name,
    managerId: r.manager_id === null ? null : Number(r.manager_id),
    headId: r.head_id === null ? null : Number(r.head_id),
    attended: r.attended,
    lastDay: r.last_day,
  }));
}

/** The quarter list of the page: every trainee in scope, flagged when they had no in-service session. */
export async function quarterReport(ctx: Ctx, quarter?: string) {
  const today = companyDate(ctx.now());
  const q = quarter ?? quarterOf(today);
  const range = quarterRange(q);
  const rows = await inServiceByPerson(ctx.db, q, await personScope(ctx, 'training.view', sql`u.id`));
  const ended = range.to < today;
  return {
    quarter: q,
    ...range,
    ended,
    items: rows.map(({ managerId: _m, headId: _h, ...r }) => ({ ...r, flagged: r.attended === 0 })),
  };
}

/** Results per person in scope over a period (default: the last twelve months), with their records. */
export async function resultsReport(ctx: Ctx, q: TrainingResultsQuery) {
  const today = companyDate(ctx.now());
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -365);
  let userIds: number[];
  if (q.userId) userIds = [(await findPersonInScope(ctx, q.userId)).id];
  else {
    const scope = await personScope(ctx, 'training.view', sql`a.user_id`);
    const res = await ctx.db.execute<{ user_id: number }>(sql`
      select distinct a.user_id from training_attendance a join training_sessions s on s.id = a.session_id
      where s.status = 'completed' and ${scope}
        and s.starts_at >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'
        and s.starts_at < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
    userIds = res.rows.map((r) => Number(r.user_id));
  }
  const names = userIds.length
    ? (
        await ctx.db.execute<{ id: number; name: string; dept: string }>(sql`
    select u.id, u.name, d.name as dept from users u join departments d on d.id = u.dept_id
    where u.id = any(${sql.param(userIds)}::int[])`)
      ).rows
    : [];
  const byId = new Map(names.map((n) => [Number(n.id), n]));
  const results = await trainingResults(ctx.db, { userIds, from, to });
  return {
    from,
    to,
    items: results
      .map((r) => ({ ...r, name: byId.get(r.userId)?.name ?? '', deptName: byId.get(r.userId)?.dept ?? '' }))
      .sort((a, b) => a.userId - b.userId),
  };
}
