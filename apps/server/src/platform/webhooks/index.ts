import { registerSweep } from '../scheduler/sweeps.ts';
import { deliverWebhooks } from './webhooks.deliver.ts';

// Retries (and anything the dispatcher missed) go out every minute, after commit (SPEC 1.11).
registerSweep({
  name: 'webhook-outbox',
  cron: '* * * * *',
  async run(db) {
    const r = await deliverWebhooks(db);
    return { changed: r.delivered + r.failed };
  },
});

export {
  type DeliverOptions,
  deliverNow,
  deliverWebhooks,
  MAX_WEBHOOK_ATTEMPTS,
  WEBHOOK_TIMEOUT_MS,
  webhookBackoffMs,
  webhookBody,
} from './webhooks.deliver.ts';
export { startWebhookDispatcher, type WebhookDispatcher } from './webhooks.dispatcher.ts';
export {
  defineWebhookEvent,
  queueWebhookEvent,
  WEBHOOK_TEST_EVENT,
  type WebhookData,
  type WebhookEventType,
  webhookEventTypes,
} from './webhooks.events.ts';
export { webhookRoutes } from './webhooks.routes.ts';
export { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from './webhooks.schema.ts';
export { verifyWebhookSignature, webhookSignature } from './webhooks.sign.ts';
