import type { AttachmentInput, ResearchReportInput, ResearchReportListQuery, ResearchReportUpdate } from '@sales/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors/errors.ts';
import { listAttachments, registerAttachmentOwner, saveAttachment } from '../../platform/files/index.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { tasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { findReport, ownerScope } from './research.access.ts';
import { periodOf, periodRange, previousPeriod, reminderKey } from './research.periods.ts';
import { researchReports } from './research.schema.ts';
import './research.messages.ts';

export const REPORT_ENTITY = 'research_report';
registerAttachmentOwner(REPORT_ENTITY, async (ctx, id) => {
  await findReport(ctx, id);
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
const reportSelect = (ctx: Ctx) =>
  ctx.db
    .select({ r: researchReports, ownerName: users.name, deptName: departments.name })
    .from(researchReports)
    .innerJoin(users, eq(users.id, researchReports.ownerId))
    .innerJoin(departments, eq(departments.id, researchReports.ownerDeptId));
type Row = Awaited<ReturnType<ReturnType<typeof reportSelect>['where']>>[number];
const present = ({ r, ...rest }: Row) => ({
  ...r,
  ...rest,
  submittedAt: iso(r.submittedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Only the owner writes a report (403 for others in scope), and only while it is a draft (409). */
function assertOwnDraft(ctx: Ctx, r: { ownerId: number; status: string }) {
  if (r.ownerId !== ctx.principal.userId) throw new ForbiddenError();
  if (r.status !== 'draft') throw new ConflictError('research.not_draft');
}

/** Starts the signed-in owner's report of a half-year as a draft (one per owner and period). */
export async function createReport(ctx: Ctx, input: ResearchReportInput) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(researchReports)
      .values({
        ...input,
        ownerId: ctx.principal.userId,
        ownerDeptId: ctx.principal.deptId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw ValidationError.field('period', 'research.report_exists', { period: input.period });
    await recordAudit(tx, ctx, {
      entityType: REPORT_ENTITY,
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'period', old: null, new: row.period },
        { field: 'title', old: null, new: row.title },
      ],
    });
    return row;
  });
}

/** Edits a draft report of one's own (a submitted report is the record of its half-year). */
export async function updateReport(ctx: Ctx, id: number, input: ResearchReportUpdate) {
  return ctx.db.transaction(async (tx) => {
    const r = await findReport(ctx, id, tx, input.version);
    assertOwnDraft(ctx, r);
    await tx
      .update(researchReports)
      .set({ title: input.title, findings: input.findings, version: r.version + 1, updatedAt: ctx.now() })
      .where(eq(researchReports.id, id));
    await recordAudit(tx, ctx, {
      entityType: REPORT_ENTITY,
      entityId: id,
      action: 'update',
      changes: (['title', 'findings'] as const)
        .filter((f) => r[f] !== input[f])
        .map((f) => ({ field: f, old: r[f], new: input[f] })),
    });
  });
}

/** Hands in a draft report (it then needs findings); the period's reminder task closes with it. */
export async function submitReport(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const r = await findReport(ctx, id, tx, version);
    assertOwnDraft(ctx, r);
    if (!r.findings.trim()) throw ValidationError.field('findings', 'research.findings_required');
    await tx
      .update(researchReports)
      .set({ status: 'submitted', submittedAt: ctx.now(), version: r.version + 1, updatedAt: ctx.now() })
      .where(eq(researchReports.id, id));
    await tx
      .update(tasks)
      .set({ status: 'done', doneAt: ctx.now() })
      .where(and(eq(tasks.dedupeKey, reminderKey(r.ownerId, r.period)), eq(tasks.status, 'open')));
    await recordAudit(tx, ctx, {
      entityType: REPORT_ENTITY,
      entityId: id,
      action: 'submit',
      changes: [{ field: 'status', old: 'draft', new: 'submitted' }],
    });
  });
}

/** Attaches a file (survey data, slides as PDF) to one's own draft report. */
export async function attachToReport(ctx: Ctx, id: number, file: AttachmentInput) {
  return ctx.db.transaction(async (tx) => {
    const r = await findReport(ctx, id, tx);
    assertOwnDraft(ctx, r);
    const saved = await saveAttachment(tx, ctx, REPORT_ENTITY, id, 'research_report', file);
    await recordAudit(tx, ctx, {
      entityType: REPORT_ENTITY,
      entityId: id,
      action: 'attach',
      changes: [{ field: 'attachment', old: null, new: saved.fileName }],
    });
    return saved;
  });
}

/** One report in scope with its attachments. */
export async function getReport(ctx: Ctx, id: number) {
  await findReport(ctx, id);
  const [row] = await reportSelect(ctx).where(eq(researchReports.id, id));
  return { ...present(row), attachments: await listAttachments(ctx.db, REPORT_ENTITY, id) };
}

/** Reports in scope, latest change first. */
export async function listReports(ctx: Ctx, q: ResearchReportListQuery) {
  const parts: SQL[] = [await ownerScope(ctx, 'research.view', researchReports.ownerId, researchReports.ownerDeptId)];
  if (q.period) parts.push(eq(researchReports.period, q.period));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    reportSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(researchReports.updatedAt, 'desc', researchReports.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, researchReports, where),
  ]);
  return pageResult(rows.map(present), count, q);
}

/**
 * The missing reports (seed 003: one report every half-year): for the asked period — by default
 * the current one and the one before — every active research owner (holder of research.write) in
 * the viewer's scope without a submitted report, with whether a draft exists.
 */
export async function missingReports(ctx: Ctx, period?: string) {
  const current = periodOf(companyDate(ctx.now()));
  const periods = period ? [period] : [current, previousPeriod(current)];
  const scope = scopeWhere(await resolveScope(ctx, 'research.view'), sql`u.id`, sql`u.dept_id`);
  const res = await ctx.db.execute<{
    period: string;
    user_id: number;
    user_name: string;
    dept_name: string;
    report_id: number | null;
  }>(sql`
    select p.period, u.id as user_id, u.name as user_name, d.name as dept_name, r.id as report_id
    from unnest(${sql.param(periods)}::text[]) as p(period)
    cross join users u
    join departments d on d.id = u.dept_id
    left join research_reports r on r.owner_id = u.id and r.period = p.period
    where u.active and ${scope}
      and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
                  where ur.user_id = u.id and g.permission = 'research.write')
      and (r.id is null or r.status <> 'submitted')
    order by p.period desc, d.name, u.name, u.id
    limit 500`);
  return {
    periods: periods.map((p) => ({ period: p, due: periodRange(p).to })),
    items: res.rows.map((r) => ({
      period: r.period,
      due: periodRange(r.period).to,
      userId: Number(r.user_id),
      userName: r.user_name,
      deptName: r.dept_name,
      reportId: r.report_id === null ? null : Number(r.report_id),
      status: r.report_id === null ? 'missing' : 'draft',
    })),
  };
}
