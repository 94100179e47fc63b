import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import { ConflictError } from '../errors/errors.ts';
import { getPolicy } from '../policies/policies.service.ts';
import { companyDate } from '../time.ts';
import './retention.messages.ts';

/** When a record created at `createdAt` leaves the retention period (policy records.retentionYears). */
export async function retentionEndsAt(db: DbOrTx, createdAt: Date): Promise<Date> {
  const years = await getPolicy(db, 'records.retentionYears');
  const end = new Date(createdAt);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}

/**
 * What a delete does to a record (档案管理, SPEC 1.5 record retention period): within the retention
 * period it archives (the record leaves the normal lists but is kept, under 已归档); after it the
 * record may be deleted. A second delete of an archived record still within the period is refused.
 */
export async function deleteDecision(
  db: DbOrTx,
  record: { createdAt: Date; archivedAt: Date | null },
  now: Date,
): Promise<{ action: 'archive' | 'delete' | 'refuse'; retainedUntil: Date }> {
  const retainedUntil = await retentionEndsAt(db, record.createdAt);
  if (now.getTime() >= retainedUntil.getTime()) return { action: 'delete', retainedUntil };
  return { action: record.archivedAt ? 'refuse' : 'archive', retainedUntil };
}

/**
 * The column values, audit entry and answer of a delete under the retention rule, for a use case
 * to apply in its transaction; a refused delete throws 409 naming the end of the period.
 */
export async function retentionDelete(
  db: DbOrTx,
  ctx: Pick<Ctx, 'principal' | 'now'>,
  record: { createdAt: Date; archivedAt: Date | null },
) {
  const now = ctx.now();
  const d = await deleteDecision(db, record, now);
  const until = companyDate(d.retainedUntil);
  if (d.action === 'refuse') throw new ConflictError('records.retention.archived', { date: until });
  const archive = d.action === 'archive';
  return {
    set: archive ? { archivedAt: now, archivedBy: ctx.principal.userId } : { deletedAt: now },
    audit: {
      action: d.action,
      changes: archive ? [{ field: 'retainedUntil', old: null, new: until }] : [],
    },
    result: { ok: true, archived: archive, retainedUntil: until },
  };
}
