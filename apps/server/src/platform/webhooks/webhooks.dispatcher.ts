import pg from 'pg';
import type { Db } from '../../db/client.ts';
import { deliverWebhooks, WEBHOOK_BATCH } from './webhooks.deliver.ts';
import { WEBHOOK_CHANNEL } from './webhooks.events.ts';

export interface WebhookDispatcher {
  /** Resolves once no send is running or queued (tests wait on it). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Sends new deliveries promptly after commit (SPEC 1.11): LISTENs on the channel that
 * queueWebhookEvent NOTIFYs inside the business transaction, which PostgreSQL delivers only on
 * commit. Notifications arriving during a send coalesce into one more run. The minute sweep stays
 * the safety net (retries, a notification lost while reconnecting, another instance's events).
 */
export function startWebhookDispatcher(
  db: Db,
  connectionString: string,
  opts: { log?: (msg: string, err?: unknown) => void; reconnectMs?: number } = {},
): WebhookDispatcher {
  const log = opts.log ?? ((msg: string, err?: unknown) => console.error(msg, (err as Error)?.message ?? ''));
  let client: pg.Client | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const run = () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const r = await deliverWebhooks(db);
          // A full batch means more may be due.
          if (r.claimed >= WEBHOOK_BATCH) again = true;
        } while (again && !stopped);
      } catch (err) {
        if (!stopped) log('webhook dispatch failed:', err);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString, application_name: 'sales-service-webhooks' });
    const retry = () => {
      if (stopped || client !== c) return;
      client = null;
      c.end().catch(() => {});
      timer = setTimeout(() => void connect(), opts.reconnectMs ?? 5_000);
    };
    c.on('notification', () => void run());
    c.on('error', retry);
    c.on('end', retry);
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${WEBHOOK_CHANNEL}`);
      // Whatever committed while nobody listened goes out now.
      void run();
    } catch (err) {
      if (!stopped) log('webhook dispatcher cannot listen:', err);
      retry();
    }
  };
  void connect();

  return {
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
      while (running) await running;
    },
  };
}
