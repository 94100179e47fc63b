import { and, desc, eq } from 'drizzle-orm';
import { type DbOrTx, relaxedDbOf, type Tx } from '../../db/client.ts';
import { copyRows } from '../../db/copy.ts';
import type { Ctx } from '../context.ts';
import { users } from '../org/org.schema.ts';
import { accessLog, auditLog, type FieldChange } from './audit.schema.ts';

export interface AuditEntry {
  entityType: string;
  entityId: number;
  action: string;
  changes?: FieldChange[];
  comment?: string | null;
}

/** Appends audit rows inside the caller's transaction, so a change and its audit commit together. */
export async function recordAudit(tx: DbOrTx, ctx: Pick<Ctx, 'principal' | 'requestId'>, ...entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      actorId: ctx.principal.userId,
      requestId: ctx.requestId,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      changes: e.changes ?? [],
      comment: e.comment ?? null,
    })),
  );
}

/** Audit rows of a change the system made by itself (a scheduled sweep): no actor, the job as request id. */
export async function recordSystemAudit(tx: DbOrTx, jobId: string, ...entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      actorId: null,
      requestId: jobId,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      changes: e.changes ?? [],
      comment: e.comment ?? null,
    })),
  );
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Field-level old/new pairs for the listed fields that differ between two versions of a row. */
export function diffFields(before: object, after: object, fields: readonly string[]): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const out: FieldChange[] = [];
  for (const f of fields) {
    if (!same(b[f], a[f])) out.push({ field: f, old: b[f] ?? null, new: a[f] ?? null });
  }
  return out;
}

/** Field values of a new row as changes from nothing, for the "create" audit entry. */
export function createdFields(row: object, fields: readonly string[]) {
  const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  return diffFields({}, row, fields).filter((c) => !empty(c.new));
}

/** Writes one PIPL access-log row for an unmasked view of personal data. */
export async function recordAccess(
  db: DbOrTx,
  ctx: Pick<Ctx, 'principal' | 'requestId'>,
  entityType: string,
  entityIds: number[],
  fields: string[],
  purpose: string,
) {
  if (entityIds.length === 0 || fields.length === 0) return;
  // Outside a transaction the row commits without waiting for the disk flush (relaxedDbOf);
  // inside one it is part of that transaction, as before.
  await (relaxedDbOf(db) ?? db).insert(accessLog).values({
    userId: ctx.principal.userId,
    requestId: ctx.requestId,
    entityType,
    entityIds,
    fields,
    purpose,
  });
}

/** Audit rows of one entity, newest first. Callers check scope on the entity before calling. */
export async function listAudit(db: DbOrTx, entityType: string, entityId: number, limit = 200) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/**
 * A record's history as a page shows it, newest first: when, who (by name), the action, the comment
 * and the changes. Callers check scope on the entity before calling.
 */
export async function auditHistory(db: DbOrTx, entityType: string, entityId: number, limit = 100) {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      comment: auditLog.comment,
      changes: auditLog.changes,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/**
 * The same rows as recordAudit, by COPY: for bulk writes (an import's thousands of created
 * records, B7), where binding every entry as parameters costs more than the rows themselves.
 */
export async function recordAuditCopy(tx: Tx, ctx: Pick<Ctx, 'principal' | 'requestId'>, entries: AuditEntry[]) {
  await copyRows(
    tx,
    'audit_log',
    auditLog,
    ['actorId', 'requestId', 'entityType', 'entityId', 'action', 'changes', 'comment'],
    entries.map((e) => ({
      actorId: ctx.principal.userId,
      requestId: ctx.requestId,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      // jsonb: the text of the JSON (an array would otherwise be written as a PostgreSQL array).
      changes: JSON.stringify(e.changes ?? []),
      comment: e.comment ?? null,
    })),
  );
}
