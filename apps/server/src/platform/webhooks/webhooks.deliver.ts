import { eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { afterFailure, claimDue, dbNow, exponentialBackoff } from '../outbox/outbox.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from './webhooks.schema.ts';
import { webhookSignature } from './webhooks.sign.ts';

/** A delivery is given up ('failed') after this many attempts; the admin may redeliver it. */
export const MAX_WEBHOOK_ATTEMPTS = 10;
/** Retry delays after failures 1, 2, 3 …: 1, 2, 4 … minutes, at most 4 hours (≈ 8 h from first to last try). */
export const webhookBackoffMs = exponentialBackoff(60_000, 4 * 3600_000);
/** A receiver that has not answered (headers and body) within this is recorded as a timeout. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
// A claimed batch is leased this long: a sender that dies mid-batch is retried by the next run.
const LEASE_MS = 5 * 60_000;
// The delivery log keeps the start of each response, enough to read an error message.
const SNIPPET_BYTES = 1024;
/** Deliveries claimed per run. */
export const WEBHOOK_BATCH = 50;
// Receivers are called a few at a time, so one slow endpoint does not hold up the others for long.
const CONCURRENCY = 4;

export interface DeliverOptions {
  /** The sender's clock (tests control it); default the database's, which stamps queued rows. */
  now?: Date;
  batch?: number;
  timeoutMs?: number;
  /** Narrows the due deliveries (one delivery for "send now" actions). */
  where?: SQL;
}

export interface DeliverResult {
  claimed: number;
  delivered: number;
  failed: number;
}

/** The request body of an event, exactly as signed and sent: `{ id, type, createdAt, data }`. */
export function webhookBody(e: { publicId: string; type: string; createdAt: Date; data: unknown }): string {
  return JSON.stringify({ id: e.publicId, type: e.type, createdAt: e.createdAt.toISOString(), data: e.data });
}

async function readSnippet(res: Response): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < SNIPPET_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => {});
  // PostgreSQL text cannot hold NUL; a cut multi-byte character decodes as U+FFFD.
  const text = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8').replaceAll('\u0000', '');
  return text || null;
}

function describeError(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  const code = e.cause?.code ?? e.name;
  return `${code}: ${e.cause?.message ?? e.message}`.slice(0, 500);
}

type Row = {
  d: typeof webhookDeliveries.$inferSelect;
  e: typeof webhookEvents.$inferSelect;
  ep: typeof webhookEndpoints.$inferSelect;
};

/** POSTs one delivery, then records the attempt and the delivery's new state in one transaction. */
async function attempt(db: Db, r: Row, now: Date, o: DeliverOptions): Promise<boolean> {
  const timeoutMs = o.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const body = webhookBody(r.e);
  const at = o.now ?? new Date();
  const timestamp = Math.floor(at.getTime() / 1000);
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  let snippet: string | null = null;
  try {
    const res = await fetch(r.ep.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'sales-service-webhooks/1',
        'x-webhook-id': r.e.publicId,
        'x-webhook-timestamp': String(timestamp),
        'x-webhook-signature': webhookSignature(r.ep.secret, timestamp, body),
      },
      body,
      // A redirect is not a delivery: the receiver must answer 2xx at the registered address.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    statusCode = res.status;
    snippet = await readSnippet(res);
    if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
  } catch (err) {
    error = describeError(err, timeoutMs);
  }
  const durationMs = Math.round(performance.now() - started);
  const ok = error === null;
  await db.transaction(async (tx) => {
    await tx
      .insert(webhookAttempts)
      .values({ deliveryId: r.d.id, at, statusCode, durationMs, error, responseSnippet: snippet });
    const next = ok
      ? { status: 'delivered' as const, attempts: r.d.attempts + 1, deliveredAt: at }
      : afterFailure(r.d.attempts, MAX_WEBHOOK_ATTEMPTS, now, webhookBackoffMs);
    await tx
      .update(webhookDeliveries)
      .set({ ...next, lastAttemptAt: at, lastStatusCode: statusCode, lastError: error })
      .where(eq(webhookDeliveries.id, r.d.id));
  });
  return ok;
}

/**
 * Sends due webhook deliveries (SPEC 1.11), after commit: by the scheduler's sweep every minute
 * (retries) and by the dispatcher as soon as a commit queued new ones. Each attempt is logged;
 * a failure (non-2xx, network error, timeout) is retried with exponential backoff and given up
 * after MAX_WEBHOOK_ATTEMPTS. Nothing is thrown for a failing receiver.
 */
export async function deliverWebhooks(db: Db, o: DeliverOptions = {}): Promise<DeliverResult> {
  const now = o.now ?? (await dbNow(db));
  const batch = o.batch ?? WEBHOOK_BATCH;
  const claimed = await claimDue(db, webhookDeliveries, { now, batch, leaseMs: LEASE_MS, where: o.where });
  const result = { claimed: claimed.length, delivered: 0, failed: 0 };
  if (claimed.length === 0) return result;
  const rows = await db
    .select({ d: webhookDeliveries, e: webhookEvents, ep: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      inArray(
        webhookDeliveries.id,
        claimed.map((c) => c.id),
      ),
    )
    .orderBy(webhookDeliveries.id);
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const r = rows[next++];
      if (await attempt(db, r, now, o)) result.delivered++;
      else result.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
  return result;
}

/** Sends one delivery now if it is pending and due (the "test event" and "redeliver" actions). */
export function deliverNow(db: Db, deliveryId: number, timeoutMs?: number) {
  return deliverWebhooks(db, { where: eq(webhookDeliveries.id, deliveryId), batch: 1, timeoutMs });
}
