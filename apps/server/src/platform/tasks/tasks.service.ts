import { and, asc, count, desc, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { NotFoundError } from '../errors/errors.ts';
import { translate } from '../i18n/messages.ts';
import { notify } from '../notifications/notifications.service.ts';
import { companyDate } from '../time.ts';
import { tasks } from './tasks.schema.ts';

export interface TaskInput {
  userId: number;
  kind: string;
  titleKey: string;
  params?: Record<string, string | number>;
  link?: string | null;
  refType?: string | null;
  refId?: number | null;
  /** YYYY-MM-DD in the company's time zone. */
  dueDate: string;
  /** Names the deadline, e.g. 'followup:42': a second upsert with the same key changes nothing. */
  dedupeKey: string;
}

const CHUNK = 1000;

/** Creates the tasks whose dedupe key is new; returns how many were created (sweeps stay idempotent). */
export async function upsertTasks(tx: DbOrTx, inputs: TaskInput[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < inputs.length; i += CHUNK) {
    const rows = await tx
      .insert(tasks)
      .values(
        inputs.slice(i, i + CHUNK).map((t) => ({
          userId: t.userId,
          kind: t.kind,
          titleKey: t.titleKey,
          params: t.params ?? {},
          link: t.link ?? null,
          refType: t.refType ?? null,
          refId: t.refId ?? null,
          dueDate: t.dueDate,
          dedupeKey: t.dedupeKey,
        })),
      )
      .onConflictDoNothing({ target: tasks.dedupeKey })
      .returning({ id: tasks.id });
    created += rows.length;
  }
  return created;
}

/** Creates one task unless its dedupe key exists; true when it was created. */
export async function upsertTask(tx: DbOrTx, input: TaskInput): Promise<boolean> {
  return (await upsertTasks(tx, [input])) === 1;
}

const refIn = (refType: string, refIds: number | number[]) => {
  const ids = Array.isArray(refIds) ? refIds : [refIds];
  return and(eq(tasks.refType, refType), inArray(tasks.refId, ids.length ? ids : [-1]), eq(tasks.status, 'open'));
};

/** Marks the open tasks of a record done (its deadline was met); returns how many changed. */
export async function completeTasksByRef(
  tx: DbOrTx,
  refType: string,
  refIds: number | number[],
  at: Date = new Date(),
) {
  const rows = await tx
    .update(tasks)
    .set({ status: 'done', doneAt: at })
    .where(refIn(refType, refIds))
    .returning({ id: tasks.id });
  return rows.length;
}

/**
 * Marks one user's open tasks of a record done: for a deadline every user owes on the same record
 * (the monthly report of a month), met by each user separately. Returns how many changed.
 */
export async function completeUserTasksByRef(tx: DbOrTx, userId: number, refType: string, refId: number, at: Date) {
  const rows = await tx
    .update(tasks)
    .set({ status: 'done', doneAt: at })
    .where(and(refIn(refType, refId), eq(tasks.userId, userId)))
    .returning({ id: tasks.id });
  return rows.length;
}

/** Cancels the open tasks of a record (its deadline no longer applies); returns how many changed. */
export async function cancelTasksByRef(tx: DbOrTx, refType: string, refIds: number | number[], at: Date = new Date()) {
  const rows = await tx
    .update(tasks)
    .set({ status: 'cancelled', doneAt: at })
    .where(refIn(refType, refIds))
    .returning({ id: tasks.id });
  return rows.length;
}

/** Hands the open tasks of a record to its new responsible user; returns how many changed. */
export async function reassignTasksByRef(tx: DbOrTx, refType: string, refId: number, userId: number) {
  const rows = await tx
    .update(tasks)
    .set({ userId })
    .where(and(refIn(refType, refId), ne(tasks.userId, userId)))
    .returning({ id: tasks.id });
  return rows.length;
}

export interface OverdueNotice {
  /** Notification kind, e.g. 'followup.overdue'. */
  kind: string;
  /** Message for one overdue task; gets the task's params plus {dueDate}. */
  titleKey: string;
  /** Message when a user has several newly overdue tasks at once; gets {count}. */
  manyKey: string;
}

/**
 * Tells each user, once per task, that open tasks of `kind` are past their due date (one
 * notification per user per sweep: the single task's message, or a count with a link to the list).
 * Claiming by UPDATE … RETURNING keeps two concurrent sweeps from both notifying.
 */
export async function notifyOverdueTasks(tx: DbOrTx, kind: string, now: Date, notice: OverdueNotice): Promise<number> {
  const today = companyDate(now);
  const claimed = await tx
    .update(tasks)
    .set({ overdueNotifiedAt: now })
    .where(
      and(eq(tasks.kind, kind), eq(tasks.status, 'open'), lt(tasks.dueDate, today), isNull(tasks.overdueNotifiedAt)),
    )
    .returning({ userId: tasks.userId, params: tasks.params, link: tasks.link, dueDate: tasks.dueDate });
  const byUser = new Map<number, typeof claimed>();
  for (const t of claimed) byUser.set(t.userId, [...(byUser.get(t.userId) ?? []), t]);
  for (const [userId, list] of byUser) {
    if (list.length === 1) {
      const [t] = list;
      await notify(tx, [userId], {
        kind: notice.kind,
        titleKey: notice.titleKey,
        params: { ...t.params, dueDate: t.dueDate },
        link: t.link,
      });
    } else {
      await notify(tx, [userId], {
        kind: notice.kind,
        titleKey: notice.manyKey,
        params: { count: list.length },
        link: '/tasks?bucket=overdue',
      });
    }
  }
  return claimed.length;
}

export type TaskBucket = 'today' | 'overdue' | 'upcoming' | 'done';

// Tasks are personal: the only scope is "mine" (one place, like the scoped query helpers).
const mine = (ctx: Pick<Ctx, 'principal'>) => eq(tasks.userId, ctx.principal.userId);

function bucketWhere(bucket: TaskBucket, today: string) {
  switch (bucket) {
    case 'today':
      return and(eq(tasks.status, 'open'), eq(tasks.dueDate, today));
    case 'overdue':
      return and(eq(tasks.status, 'open'), lt(tasks.dueDate, today));
    case 'upcoming':
      return and(eq(tasks.status, 'open'), gt(tasks.dueDate, today));
    case 'done':
      return eq(tasks.status, 'done');
  }
}

type TaskRow = typeof tasks.$inferSelect;
const view = (ctx: Ctx, r: TaskRow) => ({
  id: r.id,
  kind: r.kind,
  titleKey: r.titleKey,
  params: r.params,
  title: translate(ctx.locale, r.titleKey, r.params),
  link: r.link,
  refType: r.refType,
  refId: r.refId,
  dueDate: r.dueDate,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  doneAt: r.doneAt?.toISOString() ?? null,
});

/** The signed-in user's tasks in one bucket (today / overdue / upcoming / done), paged. */
export async function myTasks(ctx: Ctx, q: { bucket: TaskBucket; page: number; pageSize: number }) {
  const where = and(mine(ctx), bucketWhere(q.bucket, companyDate(ctx.now())));
  const order = q.bucket === 'done' ? [desc(tasks.doneAt), desc(tasks.id)] : [asc(tasks.dueDate), asc(tasks.id)];
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select()
      .from(tasks)
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(tasks).where(where),
  ]);
  return { items: rows.map((r) => view(ctx, r)), total: n, totalCapped: false, page: q.page, pageSize: q.pageSize };
}

/** Open task counts for the badge: due today, overdue, and both together (`total`). */
export async function countMyTasks(ctx: Ctx) {
  const today = companyDate(ctx.now());
  const [row] = await ctx.db
    .select({
      today: sql<number>`count(*) filter (where ${tasks.dueDate} = ${today})::int`,
      overdue: sql<number>`count(*) filter (where ${tasks.dueDate} < ${today})::int`,
    })
    .from(tasks)
    .where(and(mine(ctx), eq(tasks.status, 'open'), sql`${tasks.dueDate} <= ${today}`));
  return { today: row.today, overdue: row.overdue, total: row.today + row.overdue };
}

/** Marks one of the user's own open tasks done; someone else's (or an unknown) task is a 404. */
export async function completeTask(ctx: Ctx, id: number) {
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, id), mine(ctx)))
      .for('update');
    if (!t) throw new NotFoundError();
    if (t.status !== 'open') return view(ctx, t);
    const [done] = await tx
      .update(tasks)
      .set({ status: 'done', doneAt: ctx.now() })
      .where(eq(tasks.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'task',
      entityId: id,
      action: 'complete',
      changes: [{ field: 'status', old: t.status, new: 'done' }],
    });
    return view(ctx, done);
  });
}
