import type { WebhookDeliveryStatus } from '@sales/core';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { NotFoundError } from '../errors/errors.ts';
import { cappedCount, type PageQuery, pageOffset, pageResult } from '../lists/index.ts';
import { deliverNow, webhookBody } from './webhooks.deliver.ts';
import { queueWebhookEvent, WEBHOOK_TEST_EVENT } from './webhooks.events.ts';
import { webhookAttempts, webhookDeliveries, webhookEvents } from './webhooks.schema.ts';
import { loadEndpoint } from './webhooks.service.ts';

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type EventRow = typeof webhookEvents.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function presentDelivery(d: DeliveryRow, e: Pick<EventRow, 'publicId' | 'type'>) {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: e.publicId,
    eventType: e.type,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastAttemptAt: iso(d.lastAttemptAt),
    // Only a pending delivery has a next try; a claimed one shows its lease end, close enough.
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
  };
}

/** The delivery log of one endpoint, newest first, optionally by status. */
export async function listDeliveries(ctx: Ctx, endpointId: number, q: PageQuery & { status?: WebhookDeliveryStatus }) {
  await loadEndpoint(ctx.db, endpointId);
  const where = and(
    eq(webhookDeliveries.endpointId, endpointId),
    q.status ? eq(webhookDeliveries.status, q.status) : undefined,
  );
  const rows = await ctx.db
    .select({ d: webhookDeliveries, publicId: webhookEvents.publicId, type: webhookEvents.type })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(where)
    .orderBy(desc(webhookDeliveries.id))
    .limit(q.pageSize)
    .offset(pageOffset(q));
  const count = await cappedCount(ctx.db, webhookDeliveries, where);
  return pageResult(
    rows.map((r) => presentDelivery(r.d, r)),
    count,
    q,
  );
}

/** One delivery with the exact body sent and every attempt (time, status code, duration, error, response). */
export async function getDelivery(ctx: Ctx, id: number) {
  const [r] = await ctx.db
    .select({ d: webhookDeliveries, e: webhookEvents })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, id));
  if (!r) throw new NotFoundError();
  const attempts = await ctx.db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, id))
    .orderBy(asc(webhookAttempts.id));
  return {
    ...presentDelivery(r.d, r.e),
    payload: webhookBody(r.e),
    attemptLog: attempts.map((a) => ({
      id: a.id,
      at: a.at.toISOString(),
      statusCode: a.statusCode,
      durationMs: a.durationMs,
      error: a.error,
      responseSnippet: a.responseSnippet,
    })),
  };
}

/**
 * Sends a `webhook.test` event to one endpoint (active or not, so a receiver can be tried before
 * it is switched on) and tries it at once; returns the delivery with the attempt's outcome.
 */
export async function sendTestEvent(ctx: Ctx, endpointId: number) {
  const eventId = await ctx.db.transaction(async (tx) => {
    const e = await loadEndpoint(tx, endpointId);
    const id = await queueWebhookEvent(tx, WEBHOOK_TEST_EVENT, { endpointId: e.id, message: 'test' }, undefined, e.id);
    await recordAudit(tx, ctx, { entityType: 'webhook', entityId: e.id, action: 'test' });
    return id as number;
  });
  const [d] = await ctx.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.eventId, eventId), eq(webhookDeliveries.endpointId, endpointId)));
  await deliverNow(ctx.db, d.id);
  return getDelivery(ctx, d.id);
}

/**
 * Sends a delivery again now, whatever its state (delivered, failed, cancelled or waiting for a
 * retry), with a fresh allowance of attempts; its log keeps the earlier attempts.
 */
export async function redeliver(ctx: Ctx, id: number) {
  await ctx.db.transaction(async (tx) => {
    const [d] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).for('update');
    if (!d) throw new NotFoundError();
    await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()` })
      .where(eq(webhookDeliveries.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'webhook_delivery',
      entityId: id,
      action: 'redeliver',
      changes: [{ field: 'status', old: d.status, new: 'pending' }],
    });
  });
  await deliverNow(ctx.db, id);
  return getDelivery(ctx, id);
}
