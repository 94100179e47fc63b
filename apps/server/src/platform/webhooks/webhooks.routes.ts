import { WEBHOOK_DELIVERY_STATUSES, WebhookEndpointInput } from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { getDelivery, listDeliveries, redeliver, sendTestEvent } from './webhooks.log.ts';
import {
  createEndpoint,
  getEndpoint,
  listEndpoints,
  listEventTypes,
  revealSecret,
  rotateSecret,
  updateEndpoint,
} from './webhooks.service.ts';

// Endpoint ids are integers, delivery ids bigints: larger ids cannot exist (404, not a database error).
const EndpointId = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const DeliveryId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const tags = ['webhooks'];

/** Webhook endpoints and their delivery log (SPEC 1.11): the admin's, company-wide (webhook.manage). */
export function webhookRoutes(app: ZodApp, db: Db) {
  const config = { permission: 'webhook.manage' as const, resource: 'webhook' };
  app.get('/webhooks/event-types', { config, schema: { tags } }, async () => listEventTypes());
  app.get('/webhooks', { config, schema: { tags } }, async (req) => listEndpoints(ctxOf(req, db)));
  app.post('/webhooks', { config, schema: { tags, body: WebhookEndpointInput } }, async (req, reply) =>
    reply.code(201).send(await createEndpoint(ctxOf(req, db), req.body)),
  );
  app.get('/webhooks/:id', { config, schema: { tags, params: EndpointId } }, async (req) =>
    getEndpoint(ctxOf(req, db), req.params.id),
  );
  app.put(
    '/webhooks/:id',
    {
      config,
      schema: { tags, params: EndpointId, body: WebhookEndpointInput.extend({ version: z.number().int().min(1) }) },
    },
    async (req) => updateEndpoint(ctxOf(req, db), req.params.id, req.body),
  );
  app.post('/webhooks/:id/reveal-secret', { config, schema: { tags, params: EndpointId } }, async (req) =>
    revealSecret(ctxOf(req, db), req.params.id),
  );
  app.post('/webhooks/:id/rotate-secret', { config, schema: { tags, params: EndpointId } }, async (req) =>
    rotateSecret(ctxOf(req, db), req.params.id),
  );
  app.post('/webhooks/:id/test', { config, schema: { tags, params: EndpointId } }, async (req) =>
    sendTestEvent(ctxOf(req, db), req.params.id),
  );
  app.get(
    '/webhooks/:id/deliveries',
    {
      config,
      schema: {
        tags,
        params: EndpointId,
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
          status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
        }),
      },
    },
    async (req) => listDeliveries(ctxOf(req, db), req.params.id, req.query),
  );
  const delivery = { permission: 'webhook.manage' as const, resource: 'webhook_delivery' };
  app.get('/webhook-deliveries/:id', { config: delivery, schema: { tags, params: DeliveryId } }, async (req) =>
    getDelivery(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/webhook-deliveries/:id/redeliver',
    { config: delivery, schema: { tags, params: DeliveryId } },
    async (req) => redeliver(ctxOf(req, db), req.params.id),
  );
}
