import { eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, DbOrTx } from '../../db/client.ts';
import { afterFailure, claimDue, dbNow, exponentialBackoff } from '../outbox/outbox.ts';
import { mailOutbox } from './mail.schema.ts';
import type { SmtpSettings } from './mail.settings.ts';

export interface MailInput {
  to: string;
  subject: string;
  /** Plain text. */
  body: string;
}

/**
 * Queues an e-mail inside the caller's transaction; it is sent only after that transaction commits.
 * `at` is when it becomes due (default: the database's now), for callers on a controlled clock.
 */
export async function queueMail(tx: DbOrTx, m: MailInput, at?: Date) {
  const [row] = await tx
    .insert(mailOutbox)
    .values({ toAddress: m.to, subject: m.subject, body: m.body, ...(at ? { nextAttemptAt: at } : {}) })
    .returning({ id: mailOutbox.id });
  return row.id;
}

export const MAX_MAIL_ATTEMPTS = 5;
// A claimed batch is leased this long: a sender that dies mid-batch is retried by the next run.
const LEASE_MS = 5 * 60_000;
// Errors that mean the server, not the message, is the problem: stop the batch, retry later.
const SERVER_ERRORS = new Set(['ECONNECTION', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ETLS']);
// 2, 4, 8 … minutes, at most an hour.
const backoffMs = exponentialBackoff(2 * 60_000, 60 * 60_000);

function transportFor(smtp: SmtpSettings) {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/**
 * Sends due messages from the outbox through SMTP. A failure is recorded on the row (attempts,
 * last error, next try with backoff; 'failed' after MAX_MAIL_ATTEMPTS) and never thrown. Without
 * an SMTP host nothing is sent and everything stays queued. Without `now` the database's clock is
 * used, the same clock that stamps queued rows, so a row is never "due in the future" by skew.
 */
export async function deliverOutbox(db: Db, smtp: SmtpSettings, at?: Date, batch = 20) {
  const result = { sent: 0, failed: 0 };
  if (!smtp.host) return result;
  const now = at ?? (await dbNow(db));
  const claimed = await claimDue(db, mailOutbox, { now, batch, leaseMs: LEASE_MS });
  if (claimed.length === 0) return result;

  const transport = transportFor(smtp);
  try {
    for (let i = 0; i < claimed.length; i++) {
      const m = claimed[i];
      try {
        await transport.sendMail({ from: smtp.from, to: m.toAddress, subject: m.subject, text: m.body });
        await db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: new Date(), attempts: m.attempts + 1, lastError: null })
          .where(eq(mailOutbox.id, m.id));
        result.sent++;
      } catch (err) {
        const e = err as Error & { code?: string };
        const next = afterFailure(m.attempts, MAX_MAIL_ATTEMPTS, now, backoffMs);
        const retryAt = next.nextAttemptAt;
        await db
          .update(mailOutbox)
          .set({ ...next, lastError: `${e.code ?? 'ERROR'}: ${e.message}`.slice(0, 1000) })
          .where(eq(mailOutbox.id, m.id));
        result.failed++;
        if (e.code && SERVER_ERRORS.has(e.code)) {
          // The rest were not tried: release them for the same retry time, without counting an attempt.
          const rest = claimed.slice(i + 1).map((r) => r.id);
          if (rest.length)
            await db.update(mailOutbox).set({ nextAttemptAt: retryAt }).where(inArray(mailOutbox.id, rest));
          break;
        }
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

/** Outbox counts by status, for health checks and tests. */
export async function outboxStats(db: DbOrTx) {
  const rows = await db
    .select({ status: mailOutbox.status, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .groupBy(mailOutbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<'pending' | 'sent' | 'failed', number>>;
}
