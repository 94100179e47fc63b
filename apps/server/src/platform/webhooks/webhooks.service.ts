import type { WebhookEndpointInput } from '@sales/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../errors/errors.ts';
import { isWebhookEventType, webhookEventTypes } from './webhooks.events.ts';
import { webhookDeliveries, webhookEndpoints } from './webhooks.schema.ts';
import { newWebhookSecret } from './webhooks.sign.ts';
import './webhooks.messages.ts';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
const AUDITED = ['url', 'description', 'events', 'active'] as const;

/** An endpoint as the admin pages show it: never its secret (revealed only by the audited action). */
function present(e: EndpointRow) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    active: e.active,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

function assertKnownEvents(events: string[]) {
  const i = events.findIndex((e) => !isWebhookEventType(e));
  if (i >= 0) throw ValidationError.field(`events.${i}`, 'webhook.unknown_event', { event: events[i] });
}

/** The event types an endpoint may subscribe to (SPEC 1.11), for the endpoint form. */
export function listEventTypes() {
  return { items: webhookEventTypes() };
}

/** Every endpoint with its delivery counts and its last attempt. */
export async function listEndpoints(ctx: Ctx) {
  // Correlated on the outer row by its full name (drizzle prints a bare "id" for a column of the only table).
  const rows = await ctx.db
    .select({
      e: webhookEndpoints,
      pending: sql<number>`(select count(*)::int from webhook_deliveries d where d.endpoint_id = webhook_endpoints.id and d.status = 'pending')`,
      failed: sql<number>`(select count(*)::int from webhook_deliveries d where d.endpoint_id = webhook_endpoints.id and d.status = 'failed')`,
      lastAttempt: sql<{ at: string; statusCode: number | null; error: string | null } | null>`(
        select json_build_object('at', d.last_attempt_at, 'statusCode', d.last_status_code, 'error', d.last_error)
        from webhook_deliveries d where d.endpoint_id = webhook_endpoints.id and d.last_attempt_at is not null
        order by d.last_attempt_at desc limit 1)`,
    })
    .from(webhookEndpoints)
    .orderBy(asc(webhookEndpoints.id));
  return {
    items: rows.map((r) => ({
      ...present(r.e),
      pending: r.pending,
      failed: r.failed,
      lastAttempt: r.lastAttempt ? { ...r.lastAttempt, at: new Date(r.lastAttempt.at).toISOString() } : null,
    })),
  };
}

/** An endpoint by id (404 when unknown), optionally locked for a change. */
export async function loadEndpoint(tx: DbOrTx, id: number, lock = false) {
  const q = tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** One endpoint (without its secret). */
export async function getEndpoint(ctx: Ctx, id: number) {
  return present(await loadEndpoint(ctx.db, id));
}

/**
 * Registers a receiver and generates its signing secret, returned with the endpoint. The admin
 * may reveal it again later (an audited action) or rotate it.
 */
export async function createEndpoint(ctx: Ctx, input: WebhookEndpointInput) {
  assertKnownEvents(input.events);
  const secret = newWebhookSecret();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ ...input, events: [...new Set(input.events)], secret, createdBy: ctx.principal.userId })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'webhook',
      entityId: row.id,
      action: 'create',
      changes: createdFields(row, AUDITED),
    });
    return { ...present(row), secret };
  });
}

/**
 * Edits an endpoint. Disabling it cancels its pending deliveries: a disabled receiver gets nothing
 * until enabled again, and then only new events (the admin may redeliver cancelled ones).
 */
export async function updateEndpoint(ctx: Ctx, id: number, input: WebhookEndpointInput & { version: number }) {
  assertKnownEvents(input.events);
  return ctx.db.transaction(async (tx) => {
    const before = await loadEndpoint(tx, id, true);
    if (before.version !== input.version) throw new StaleVersionError();
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        url: input.url,
        description: input.description,
        events: [...new Set(input.events)],
        active: input.active,
        version: before.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    if (before.active && !row.active) {
      await tx
        .update(webhookDeliveries)
        .set({ status: 'cancelled' })
        .where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.status, 'pending')));
    }
    await recordAudit(tx, ctx, {
      entityType: 'webhook',
      entityId: id,
      action: 'update',
      changes: diffFields(before, row, AUDITED),
    });
    return present(row);
  });
}

/** Shows an endpoint's signing secret to the admin; every look is on the audit trail. */
export async function revealSecret(ctx: Ctx, id: number) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadEndpoint(tx, id);
    await recordAudit(tx, ctx, { entityType: 'webhook', entityId: id, action: 'reveal_secret' });
    return { secret: row.secret };
  });
}

/** Replaces an endpoint's signing secret (after a leak); deliveries from now on are signed with the new one. */
export async function rotateSecret(ctx: Ctx, id: number) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadEndpoint(tx, id, true);
    const secret = newWebhookSecret();
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secret, version: before.version + 1, updatedAt: sql`now()` })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'webhook',
      entityId: id,
      action: 'rotate_secret',
      changes: [{ field: 'secret', old: '***', new: '***' }],
    });
    return { ...present(row), secret };
  });
}
