import type { AccessLogFilter, AccessLogQuery } from '@sales/core';
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { ValidationError } from '../errors/errors.ts';
import { cappedCount, keysetBatches, pageOffset, pageResult } from '../lists/index.ts';
import { departments, users } from '../org/org.schema.ts';
import { accessLog } from './audit.schema.ts';
import { recordKind } from './record-kinds.ts';
import './access-log.messages.ts';

/** Records named per access-log row (a list view logs a whole page in one row). */
const NAMED_PER_ROW = 5;
/** Records a name / number filter may match. */
const FIND_LIMIT = 200;

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** WHERE for the access-log filters; each filter has its index (user + time, time, record ids). */
export async function accessLogWhere(ctx: Ctx, f: AccessLogFilter): Promise<SQL> {
  const parts: (SQL | undefined)[] = [];
  if (f.userId) parts.push(eq(accessLog.userId, f.userId));
  if (f.entityType) parts.push(eq(accessLog.entityType, f.entityType));
  if (f.entityId) parts.push(sql`${accessLog.entityIds} @> array[${f.entityId}]::bigint[]`);
  if (f.record) {
    const kind = f.entityType ? recordKind(f.entityType) : undefined;
    if (!kind) throw ValidationError.field('entityType', 'accesslog.record_type_required');
    const ids = await kind.find(ctx.db, f.record, FIND_LIMIT);
    parts.push(ids.length ? sql`${accessLog.entityIds} && ${sql.param(ids)}::bigint[]` : sql`false`);
  }
  // Calendar days in the company's time zone.
  if (f.from) parts.push(gte(accessLog.at, sql`(${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`));
  if (f.to) parts.push(lt(accessLog.at, sql`(${nextDay(f.to)}::date)::timestamp at time zone 'Asia/Shanghai'`));
  return (and(...parts) ?? sql`true`) as SQL;
}

function select(ctx: Ctx) {
  return ctx.db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      userId: accessLog.userId,
      userName: users.name,
      deptName: departments.name,
      entityType: accessLog.entityType,
      entityIds: accessLog.entityIds,
      fields: accessLog.fields,
      purpose: accessLog.purpose,
    })
    .from(accessLog)
    .leftJoin(users, eq(users.id, accessLog.userId))
    .leftJoin(departments, eq(departments.id, users.deptId));
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

/** Rows with the first records of each named by its module (number and name), in one query per type. */
async function present(ctx: Ctx, rows: Row[]) {
  const wanted = new Map<string, Set<number>>();
  for (const r of rows) {
    const set = wanted.get(r.entityType) ?? new Set<number>();
    for (const id of r.entityIds.slice(0, NAMED_PER_ROW)) set.add(Number(id));
    wanted.set(r.entityType, set);
  }
  const labels = new Map<string, Map<number, string>>();
  for (const [type, ids] of wanted) {
    const kind = recordKind(type);
    labels.set(type, kind ? await kind.labels(ctx.db, [...ids]) : new Map());
  }
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    userId: r.userId,
    userName: r.userName,
    deptName: r.deptName,
    entityType: r.entityType,
    recordCount: r.entityIds.length,
    records: r.entityIds.slice(0, NAMED_PER_ROW).map((raw) => {
      const id = Number(raw);
      return { id, label: labels.get(r.entityType)?.get(id) ?? null };
    }),
    fields: r.fields,
    purpose: r.purpose,
  }));
}

/**
 * One page of the PIPL access log (every unmasked view of personal data: who, which records,
 * which fields, when, for what), newest first, with a capped total.
 */
export async function listAccessLog(ctx: Ctx, q: AccessLogQuery) {
  const where = await accessLogWhere(ctx, q);
  const [rows, count] = await Promise.all([
    select(ctx).where(where).orderBy(desc(accessLog.at), desc(accessLog.id)).limit(q.pageSize).offset(pageOffset(q)),
    cappedCount(ctx.db, accessLog, where),
  ]);
  return pageResult(await present(ctx, rows), count, q);
}

/** Every access-log row matching the filters (`accessLogWhere`), oldest first, in keyset batches (for the export). */
export async function* accessLogBatches(ctx: Ctx, where: SQL, batch = 2000) {
  const after = (id: number, limit: number) =>
    select(ctx)
      .where(and(where, sql`${accessLog.id} > ${id}`))
      .orderBy(asc(accessLog.id))
      .limit(limit);
  for await (const rows of keysetBatches(after, batch)) yield await present(ctx, rows);
}
