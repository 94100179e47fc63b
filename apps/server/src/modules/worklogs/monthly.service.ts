import type { MonthlyReportListQuery, MonthlyReportSaveInput } from '@sales/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { completeUserTasksByRef } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { writerScope } from './worklogs.access.ts';
import { monthlyReports } from './worklogs.schema.ts';

/** 'YYYY-MM' of an instant in the company's time zone. */
export const companyMonth = (at: Date) => companyDate(at).slice(0, 7);
/** A stable number for a month, used as the ref id of its tasks (202612). */
export const monthRef = (month: string) => Number(month.replace('-', ''));

const reportSelect = (ctx: Ctx) =>
  ctx.db
    .select({ r: monthlyReports, userName: users.name, deptName: departments.name })
    .from(monthlyReports)
    .innerJoin(users, eq(users.id, monthlyReports.userId))
    .innerJoin(departments, eq(departments.id, monthlyReports.deptId));
type Row = Awaited<ReturnType<ReturnType<typeof reportSelect>['where']>>[number];
const present = ({ r, ...rest }: Row) => ({
  ...r,
  ...rest,
  submittedAt: r.submittedAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Hands in (or revises) the signed-in user's monthly report with next month's plan (SPEC 5.1). */
export async function saveMyMonthlyReport(ctx: Ctx, input: MonthlyReportSaveInput) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.userId, ctx.principal.userId), eq(monthlyReports.month, input.month)))
      .for('update');
    if ((existing?.version ?? 0) !== input.version) throw new StaleVersionError();
    let row: typeof monthlyReports.$inferSelect;
    if (!existing) {
      [row] = await tx
        .insert(monthlyReports)
        .values({
          userId: ctx.principal.userId,
          deptId: ctx.principal.deptId,
          month: input.month,
          summary: input.summary,
          nextMonthPlan: input.nextMonthPlan,
          submittedAt: now,
        })
        .returning();
    } else {
      [row] = await tx
        .update(monthlyReports)
        .set({
          summary: input.summary,
          nextMonthPlan: input.nextMonthPlan,
          version: existing.version + 1,
          updatedAt: now,
        })
        .where(eq(monthlyReports.id, existing.id))
        .returning();
    }
    await recordAudit(tx, ctx, {
      entityType: 'monthly_report',
      entityId: row.id,
      action: existing ? 'update' : 'create',
      changes: [
        { field: 'summary', old: existing?.summary ?? null, new: input.summary },
        { field: 'nextMonthPlan', old: existing?.nextMonthPlan ?? null, new: input.nextMonthPlan },
      ],
    });
    // The reminder task of this month is met.
    await completeUserTasksByRef(tx, ctx.principal.userId, 'monthly_report', monthRef(input.month), now);
    return row;
  });
}

/** My report of a month (default this month), or null. */
export async function getMyMonthlyReport(ctx: Ctx, month = companyMonth(ctx.now())) {
  const [row] = await reportSelect(ctx).where(
    and(eq(monthlyReports.userId, ctx.principal.userId), eq(monthlyReports.month, month)),
  );
  return { month, report: row ? present(row) : null };
}

/** One report in scope; unknown and out-of-scope ids answer the same 404. */
export async function getMonthlyReport(ctx: Ctx, id: number) {
  const [row] = await reportSelect(ctx).where(
    and(eq(monthlyReports.id, id), await writerScope(ctx, monthlyReports.userId, monthlyReports.deptId)),
  );
  if (!row) throw new NotFoundError();
  return present(row);
}

/** Reports in scope, latest month first. */
export async function listMonthlyReports(ctx: Ctx, q: MonthlyReportListQuery) {
  const parts: SQL[] = [await writerScope(ctx, monthlyReports.userId, monthlyReports.deptId)];
  if (q.month) parts.push(eq(monthlyReports.month, q.month));
  if (q.userId) parts.push(eq(monthlyReports.userId, q.userId));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    reportSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(monthlyReports.month, 'desc', monthlyReports.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, monthlyReports, where),
  ]);
  return pageResult(rows.map(present), count, q);
}

const SHOWN = 500;

/** Who in the viewer's scope writes reports (worklog.write) and has none for the month (缺交名单). */
export async function missingMonthlyReports(ctx: Ctx, month = companyMonth(ctx.now())) {
  const scope = await writerScope(ctx, users.id, users.deptId);
  const res = await ctx.db.execute<{ user_id: number; user_name: string; dept_name: string }>(sql`
    select users.id as user_id, users.name as user_name, d.name as dept_name
    from users join departments d on d.id = users.dept_id
    where users.active and ${scope}
      and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
                  where ur.user_id = users.id and g.permission = 'worklog.write')
      and not exists (select 1 from monthly_reports m where m.user_id = users.id and m.month = ${month})
    order by d.name, users.name, users.id
    limit ${SHOWN + 1}`);
  // At most SHOWN people on the page, and whether there are more (a company-wide view).
  return {
    month,
    more: res.rows.length > SHOWN,
    items: res.rows
      .slice(0, SHOWN)
      .map((r) => ({ userId: Number(r.user_id), userName: r.user_name, deptName: r.dept_name })),
  };
}
