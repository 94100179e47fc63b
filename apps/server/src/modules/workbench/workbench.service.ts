import { and, asc, count, eq, gt, lte, sql } from 'drizzle-orm';
import { approvalInbox } from '../../platform/approvals/approvals.queries.ts';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { tasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { ITEM_CAP, sourcesFor } from './workbench.registry.ts';
import './sources/sales.ts';
import './sources/operations.ts';

// "Deadlines coming" look this many calendar days ahead (issue 13 item 6: the next 7 days).
const HORIZON_DAYS = 7;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** My open tasks due up to `until` (overdue first), and how many there are. */
async function openTasks(ctx: Ctx, where: ReturnType<typeof and>, limit: number) {
  const mine = and(eq(tasks.userId, ctx.principal.userId), eq(tasks.status, 'open'), where);
  const [rows, [{ n }]] = await Promise.all([
    ctx.db.select().from(tasks).where(mine).orderBy(asc(tasks.dueDate), asc(tasks.id)).limit(limit),
    ctx.db.select({ n: count() }).from(tasks).where(mine),
  ]);
  return {
    total: n,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: translate(ctx.locale, r.titleKey, r.params),
      link: r.link,
      dueDate: r.dueDate,
    })),
  };
}

/**
 * What needs the signed-in user (工作台 / 我的待办, issue 13 item 6): open tasks due today or
 * overdue, pending approvals, the documents waiting for the user's action from every registered
 * work-item source (each one capped SQL within the user's scope), and deadlines of the coming days.
 */
export async function getWorkbench(ctx: Ctx, q: { items: number }) {
  const today = companyDate(ctx.now());
  const horizon = addDays(today, HORIZON_DAYS);
  const sources = await sourcesFor(ctx);
  const [due, upcoming, approvals, read] = await Promise.all([
    openTasks(ctx, lte(tasks.dueDate, today), q.items),
    openTasks(ctx, and(gt(tasks.dueDate, today), sql`${tasks.dueDate} <= ${horizon}::date`), q.items),
    approvalInbox(ctx, { status: 'pending', page: 1, pageSize: q.items }),
    Promise.all(sources.map((s) => s.read(ctx, { today, horizon, limit: ITEM_CAP + 1 }))),
  ]);
  return {
    today,
    horizon,
    tasks: due,
    upcomingTasks: upcoming,
    approvals: { total: approvals.total, items: approvals.items },
    sources: sources.map((s, i) => ({
      key: s.key,
      group: s.group,
      listLink: s.listLink,
      total: Math.min(read[i].length, ITEM_CAP),
      capped: read[i].length > ITEM_CAP,
      items: read[i].slice(0, q.items).map((r) => ({ ...r, id: Number(r.id), link: s.link(r) })),
    })),
  };
}
