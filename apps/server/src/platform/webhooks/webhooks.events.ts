import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/** The channel a commit that queued deliveries notifies, so they go out at once (webhooks.dispatcher.ts). */
export const WEBHOOK_CHANNEL = 'webhook_outbox';
/** The event "send a test event" sends; not subscribable. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/**
 * JSON data of an event: ids, document numbers, amounts as strings, statuses — what a receiver
 * needs, no personal data beyond it (the payload ignores data scope: it goes to a system the admin
 * trusts). Declare it with `type`, not `interface`, so it fits this index signature.
 */
export type WebhookData = Record<string, unknown>;

export interface WebhookEventType<T extends WebhookData> {
  readonly type: string;
  /**
   * Queues the event inside the caller's transaction (the outbox): it is sent only if that
   * transaction commits. `dedupeKey` emits a fact that may be detected twice only once.
   */
  emit(tx: DbOrTx, data: T, opts?: { dedupeKey?: string }): Promise<void>;
}

const types = new Set<string>();

/**
 * Declares an event type endpoints may subscribe to (SPEC 1.11). A module adds an event in one
 * line, e.g. `export const ticketClosed = defineWebhookEvent<TicketClosedData>('ticket.closed');`,
 * and calls `ticketClosed.emit(tx, data)` where the change happens.
 */
export function defineWebhookEvent<T extends WebhookData>(type: string): WebhookEventType<T> {
  if (types.has(type) || type === WEBHOOK_TEST_EVENT) throw new Error(`webhook event ${type} is defined twice`);
  types.add(type);
  return {
    type,
    async emit(tx, data, opts) {
      await queueWebhookEvent(tx, type, data, opts?.dedupeKey);
    },
  };
}

/** Every event type endpoints may subscribe to, sorted. */
export function webhookEventTypes(): string[] {
  return [...types].sort();
}

export function isWebhookEventType(type: string): boolean {
  return types.has(type);
}

/**
 * Writes the event and one pending delivery per active endpoint subscribed to it, then notifies
 * the dispatcher — PostgreSQL delivers a NOTIFY only when the transaction commits, so a rolled-back
 * change neither stores nor announces anything. Returns the event id (null for a duplicate).
 */
export async function queueWebhookEvent(
  tx: DbOrTx,
  type: string,
  data: WebhookData,
  dedupeKey?: string,
  onlyEndpointId?: number,
): Promise<number | null> {
  const endpoints = onlyEndpointId ? sql`e.id = ${onlyEndpointId}` : sql`e.active and ${type} = any(e.events)`;
  const { rows } = await tx.execute<{ event_id: number | null; n: number }>(sql`
    with ev as (
      insert into webhook_events (type, data, dedupe_key) values (${type}, ${JSON.stringify(data)}::jsonb, ${dedupeKey ?? null})
      on conflict (dedupe_key) do nothing
      returning id
    ), d as (
      insert into webhook_deliveries (event_id, endpoint_id)
      select ev.id, e.id from ev join webhook_endpoints e on ${endpoints}
      returning id
    )
    select (select id from ev) as event_id, (select count(*)::int from d) as n`);
  const r = rows[0];
  if (r.n > 0) await tx.execute(sql`select pg_notify(${WEBHOOK_CHANNEL}, '')`);
  return r.event_id === null ? null : Number(r.event_id);
}
