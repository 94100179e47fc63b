import { and, asc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.ts';

/**
 * The sending half of a transactional outbox (ARCHITECTURE: e-mail and webhooks are queued in the
 * business transaction and sent after commit). A row is `pending` until sent; a sender claims due
 * rows with a lease, so two instances never send one row at once and a sender that dies mid-batch
 * is retried when the lease runs out; a failure moves the row's next try back exponentially and
 * marks it `failed` after the last allowed attempt.
 */
export type OutboxTable = PgTable & { id: AnyPgColumn; status: AnyPgColumn; nextAttemptAt: AnyPgColumn };

export interface ClaimOptions {
  /** The sender's clock: rows due at or before it are claimed. */
  now: Date;
  batch: number;
  /** How long a claimed row is kept from other senders. */
  leaseMs: number;
  /** Narrows the candidates (e.g. one row for a "send now" action). */
  where?: SQL;
}

/** Claims up to `batch` due pending rows, oldest first, by moving their next try past the lease. */
export async function claimDue<T extends OutboxTable>(db: Db, table: T, o: ClaimOptions): Promise<T['$inferSelect'][]> {
  const due = db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.status, 'pending'), lte(table.nextAttemptAt, o.now), o.where))
    .orderBy(asc(table.id))
    .limit(o.batch)
    .for('update', { skipLocked: true });
  const claimed = (await db
    .update(table)
    // biome-ignore lint/suspicious/noExplicitAny: the generic table's column set is only known to the caller.
    .set({ nextAttemptAt: new Date(o.now.getTime() + o.leaseMs) } as any)
    .where(inArray(table.id, due))
    .returning()) as T['$inferSelect'][];
  return claimed.sort((a, b) => (a as { id: number }).id - (b as { id: number }).id);
}

/** Doubling delays: `firstMs` after the first failure, then ×2 each time, never above `capMs`. */
export function exponentialBackoff(firstMs: number, capMs: number) {
  return (attempts: number) => Math.min(firstMs * 2 ** Math.max(0, attempts - 1), capMs);
}

/** A row's state after a failed attempt: counted, retried after the backoff, or given up at the limit. */
export function afterFailure(
  attemptsBefore: number,
  maxAttempts: number,
  now: Date,
  backoffMs: (attempts: number) => number,
) {
  const attempts = attemptsBefore + 1;
  return {
    attempts,
    status: attempts >= maxAttempts ? ('failed' as const) : ('pending' as const),
    nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
  };
}

/** The database's clock: the one that stamps queued rows, so a row is never "due in the future" by skew. */
export async function dbNow(db: DbOrTx): Promise<Date> {
  const { rows } = await db.execute<{ now: Date | string }>(sql`select now() as now`);
  return new Date(rows[0].now);
}
