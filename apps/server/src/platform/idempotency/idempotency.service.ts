import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import { ConflictError, ValidationError } from '../errors/errors.ts';
import { idempotencyKeys } from './idempotency.schema.ts';

export interface StoredResponse<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

const KEY_RE = /^[\w.:-]{8,128}$/;

/**
 * Runs a create use case at most once per (user, operation, Idempotency-Key) (issue 4: same key →
 * same result, one row). The key row is inserted in the use case's own transaction: a concurrent
 * request with the same key waits on that row until the first commits, then returns the stored
 * response; if the first rolls back, the key is free again. Reusing a key for a different body is
 * refused (409). Without a key the use case simply runs in one transaction.
 */
export async function idempotent<T>(
  ctx: Ctx,
  operation: string,
  key: string | undefined,
  request: unknown,
  run: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<StoredResponse<T>> {
  if (key === undefined) return { ...(await ctx.db.transaction(run)), replayed: false };
  if (!KEY_RE.test(key)) throw ValidationError.field('Idempotency-Key', 'validation.idempotency_key');
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  const userId = ctx.principal.userId;
  return ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId, operation, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [prev] = await tx
        .select()
        .from(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.userId, userId),
            eq(idempotencyKeys.operation, operation),
            eq(idempotencyKeys.key, key),
          ),
        );
      if (!prev || prev.requestHash !== requestHash || prev.statusCode === null)
        throw new ConflictError('idempotency.key_reused');
      return { status: prev.statusCode, body: prev.response as T, replayed: true };
    }
    const out = await run(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: out.status, response: sql`${JSON.stringify(out.body)}::jsonb` })
      .where(
        and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.operation, operation), eq(idempotencyKeys.key, key)),
      );
    return { ...out, replayed: false };
  });
}
