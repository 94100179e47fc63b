import type { WorkLogListQuery } from '@sales/core';
import { and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { companyDate } from '../../platform/time.ts';
import { findLogInScope, writerScope } from './worklogs.access.ts';
import { workLogComments, workLogs } from './worklogs.schema.ts';
import { dueCustomers } from './worklogs.service.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const assigner = alias(users, 'assigner');

function logSelect(ctx: Ctx) {
  return ctx.db
    .select({
      l: workLogs,
      userName: users.name,
      deptName: departments.name,
      assignedByName: assigner.name,
      comments: sql<number>`(select count(*)::int from ${workLogComments} c where c.log_id = ${workLogs.id})`,
    })
    .from(workLogs)
    .innerJoin(users, eq(users.id, workLogs.userId))
    .innerJoin(departments, eq(departments.id, workLogs.deptId))
    .leftJoin(assigner, eq(assigner.id, workLogs.assignedBy));
}
type Row = Awaited<ReturnType<ReturnType<typeof logSelect>['where']>>[number];
const present = ({ l, ...rest }: Row) => ({
  ...l,
  ...rest,
  submittedAt: iso(l.submittedAt),
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
});

async function commentsOf(ctx: Ctx, logId: number) {
  const rows = await ctx.db
    .select({
      id: workLogComments.id,
      body: workLogComments.body,
      authorName: users.name,
      createdAt: workLogComments.createdAt,
    })
    .from(workLogComments)
    .innerJoin(users, eq(users.id, workLogComments.authorId))
    .where(eq(workLogComments.logId, logId))
    .orderBy(asc(workLogComments.id));
  return rows.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
}

/** One log in scope with its comments; `canComment` tells the page whether to offer the box. */
export async function getWorkLog(ctx: Ctx, id: number) {
  await findLogInScope(ctx, id);
  let canComment = false;
  if (can(ctx.principal, 'worklog.comment')) {
    canComment = await findLogInScope(ctx, id, 'worklog.comment').then(
      () => true,
      () => false,
    );
  }
  const [[row], comments] = await Promise.all([logSelect(ctx).where(eq(workLogs.id, id)), commentsOf(ctx, id)]);
  return { ...present(row), comments, canComment };
}

/**
 * My log of a day (default today); when none is written yet, a draft whose morning plan is
 * prefilled with the customers whose follow-ups are due that day (version 0).
 */
export async function getMyWorkLog(ctx: Ctx, date = companyDate(ctx.now())) {
  const [row] = await logSelect(ctx).where(and(eq(workLogs.userId, ctx.principal.userId), eq(workLogs.logDate, date)));
  const due = await dueCustomers(ctx, date);
  if (row) return { ...present(row), comments: await commentsOf(ctx, row.l.id), dueCustomers: due };
  return {
    id: null,
    userId: ctx.principal.userId,
    logDate: date,
    planCustomers: due,
    planNote: null,
    assignedWork: null,
    assignedByName: null,
    done: null,
    problems: null,
    tomorrow: null,
    submittedAt: null,
    version: 0,
    comments: [],
    dueCustomers: due,
  };
}

/** Logs in scope, latest day first (a manager reads the team's; a rep their own). */
export async function listWorkLogs(ctx: Ctx, q: WorkLogListQuery) {
  const parts: SQL[] = [await writerScope(ctx, workLogs.userId, workLogs.deptId)];
  if (q.userId) parts.push(eq(workLogs.userId, q.userId));
  if (q.from) parts.push(gte(workLogs.logDate, q.from));
  if (q.to) parts.push(lte(workLogs.logDate, q.to));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    logSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(workLogs.logDate, 'desc', workLogs.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, workLogs, where),
  ]);
  return pageResult(rows.map(present), count, q);
}

const SHOWN = 500;

/**
 * The team view of a day (default today): every active user in the viewer's scope who writes
 * logs (holds worklog.write), with whether the plan and the evening log exist (谁还没写日报).
 */
export async function teamWorkLogs(ctx: Ctx, date = companyDate(ctx.now())) {
  const scope = await writerScope(ctx, users.id, users.deptId);
  const res = await ctx.db.execute<{
    user_id: number;
    user_name: string;
    dept_name: string;
    log_id: number | null;
    submitted_at: Date | null;
    comments: number;
  }>(sql`
    select users.id as user_id, users.name as user_name, d.name as dept_name, l.id as log_id, l.submitted_at,
      (select count(*)::int from work_log_comments c where c.log_id = l.id) as comments
    from users
    join departments d on d.id = users.dept_id
    left join work_logs l on l.user_id = users.id and l.log_date = ${date}::date
    where users.active and ${scope}
      and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
                  where ur.user_id = users.id and g.permission = 'worklog.write')
    order by (l.submitted_at is not null), d.name, users.name, users.id
    limit ${SHOWN + 1}`);
  // At most SHOWN people on the page, and whether there are more (a company-wide view).
  return {
    date,
    more: res.rows.length > SHOWN,
    items: res.rows.slice(0, SHOWN).map((r) => ({
      userId: Number(r.user_id),
      userName: r.user_name,
      deptName: r.dept_name,
      logId: r.log_id === null ? null : Number(r.log_id),
      status: r.submitted_at ? 'submitted' : r.log_id ? 'planned' : 'missing',
      comments: r.comments ?? 0,
    })),
  };
}
