import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { closedPort, WebhookReceiver } from '../../../test/webhook-receiver.ts';
import { dbNow } from '../outbox/outbox.ts';
import {
  defineWebhookEvent,
  deliverWebhooks,
  MAX_WEBHOOK_ATTEMPTS,
  startWebhookDispatcher,
  verifyWebhookSignature,
  webhookBackoffMs,
} from './index.ts';

/** SPEC 1.11: webhooks leave a transactional outbox after commit, signed, retried, logged. */
const probe = defineWebhookEvent<{ orderId: number; amount: string }>('probe.happened');
const other = defineWebhookEvent<{ n: number }>('probe.other');

let env: TestEnv;
let admin: Client;
let rep: Client;
let receiver: WebhookReceiver;
let endpoint: { id: number; secret: string; version: number };

const db = () => env.database.db;
const pool = () => env.database.pool;
const deliveries = async () =>
  (
    await pool().query(
      `select d.*, e.type from webhook_deliveries d join webhook_events e on e.id = d.event_id order by d.id`,
    )
  ).rows;
const emit = (data = { orderId: 7, amount: '1234.50' }) => db().transaction((tx) => probe.emit(tx, data));
const MINUTE = 60_000;

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  admin = await Client.login(env.app, 'admin');
  rep = await Client.login(env.app, 'rep1');
  receiver = await WebhookReceiver.start();
  const res = await admin.post('/api/webhooks', {
    url: receiver.url,
    description: 'ERP 对接',
    events: ['probe.happened'],
  });
  expect(res.statusCode, res.body).toBe(201);
  endpoint = res.json();
});
afterAll(async () => {
  await receiver.close();
  await env.close();
});
beforeEach(async () => {
  receiver.reset();
  await pool().query('delete from webhook_attempts; delete from webhook_deliveries; delete from webhook_events');
});

describe('the webhook outbox', () => {
  it('signs each delivery: HMAC-SHA256 of "<timestamp>.<body>" with the endpoint secret', async () => {
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await emit();
    expect(await deliverWebhooks(db())).toEqual({ claimed: 1, delivered: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0];
    const ts = headers['x-webhook-timestamp'] as string;
    const expected = createHmac('sha256', endpoint.secret).update(`${ts}.${body}`).digest('hex');
    expect(headers['x-webhook-signature']).toBe(`sha256=${expected}`);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
    expect(
      verifyWebhookSignature(
        endpoint.secret,
        { timestamp: ts, signature: String(headers['x-webhook-signature']) },
        body,
      ),
    ).toBe(true);
    // A changed body or another secret does not verify.
    const sig = { timestamp: ts, signature: String(headers['x-webhook-signature']) };
    expect(verifyWebhookSignature(endpoint.secret, sig, body.replace('1234.50', '9234.50'))).toBe(false);
    expect(verifyWebhookSignature('whsec_other', sig, body)).toBe(false);
    expect(headers['content-type']).toBe('application/json');
    const event = JSON.parse(body);
    expect(Object.keys(event)).toEqual(['id', 'type', 'createdAt', 'data']);
    expect(event).toMatchObject({ type: 'probe.happened', data: { orderId: 7, amount: '1234.50' } });
    expect(headers['x-webhook-id']).toBe(event.id);
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    const [d] = await deliveries();
    expect(d).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200, last_error: null });
    // Nothing is sent twice.
    expect(await deliverWebhooks(db())).toEqual({ claimed: 0, delivered: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it('emits nothing from a rolled-back transaction', async () => {
    await db()
      .transaction(async (tx) => {
        await probe.emit(tx, { orderId: 8, amount: '1.00' });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect((await pool().query('select count(*)::int n from webhook_events')).rows[0].n).toBe(0);
    expect(await deliveries()).toEqual([]);
    expect((await deliverWebhooks(db())).claimed).toBe(0);
    expect(receiver.received).toEqual([]);
  });

  it('sends only to active endpoints subscribed to the event type', async () => {
    await db().transaction((tx) => other.emit(tx, { n: 1 }));
    expect(await deliveries()).toEqual([]);
    // The event is still recorded (and would be deduplicated) even with no subscriber.
    expect((await pool().query('select type from webhook_events')).rows).toEqual([{ type: 'probe.other' }]);
  });

  it('emits an event with a dedupe key once', async () => {
    for (let i = 0; i < 2; i++)
      await db().transaction((tx) => probe.emit(tx, { orderId: 9, amount: '1.00' }, { dedupeKey: 'probe:9' }));
    expect(await deliveries()).toHaveLength(1);
  });

  it('retries after a 500 with exponential backoff on a controlled clock, logging each attempt', async () => {
    receiver.respond = (n) => (n < 3 ? { status: 500, body: '内部错误：数据库不可用' } : { status: 204 });
    await emit();
    const t0 = await dbNow(db());
    expect(await deliverWebhooks(db(), { now: t0 })).toMatchObject({ delivered: 0, failed: 1 });
    let [d] = await deliveries();
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500' });
    expect(d.next_attempt_at.getTime()).toBe(t0.getTime() + webhookBackoffMs(1));
    expect(webhookBackoffMs(1)).toBe(MINUTE);
    // Before the backoff has passed nothing is tried.
    expect((await deliverWebhooks(db(), { now: new Date(t0.getTime() + 59_000) })).claimed).toBe(0);
    const t1 = new Date(t0.getTime() + MINUTE);
    expect(await deliverWebhooks(db(), { now: t1 })).toMatchObject({ failed: 1 });
    [d] = await deliveries();
    expect(d.attempts).toBe(2);
    expect(d.next_attempt_at.getTime()).toBe(t1.getTime() + 2 * MINUTE);
    expect((await deliverWebhooks(db(), { now: new Date(t1.getTime() + MINUTE) })).claimed).toBe(0);
    const t2 = new Date(t1.getTime() + 2 * MINUTE);
    expect(await deliverWebhooks(db(), { now: t2 })).toMatchObject({ delivered: 1 });
    [d] = await deliveries();
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 204, last_error: null });
    // The same event id every time, so a receiver can drop duplicates.
    expect(new Set(receiver.received.map((r) => r.headers['x-webhook-id'])).size).toBe(1);
    const log = (await admin.get(`/api/webhook-deliveries/${d.id}`)).json();
    expect(log.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 204]);
    expect(log.attemptLog[0]).toMatchObject({
      at: t0.toISOString(),
      error: 'HTTP 500',
      responseSnippet: '内部错误：数据库不可用',
    });
    expect(log.attemptLog[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(log.payload).toBe(receiver.received[0].body);
  });

  it(`gives up after ${MAX_WEBHOOK_ATTEMPTS} attempts`, async () => {
    receiver.respond = () => ({ status: 503 });
    await emit();
    let t = (await dbNow(db())).getTime();
    for (let i = 0; i < MAX_WEBHOOK_ATTEMPTS + 3; i++) {
      await deliverWebhooks(db(), { now: new Date(t) });
      t += 5 * 3600_000;
    }
    expect(receiver.received).toHaveLength(MAX_WEBHOOK_ATTEMPTS);
    const [d] = await deliveries();
    expect(d).toMatchObject({ status: 'failed', attempts: MAX_WEBHOOK_ATTEMPTS, last_status_code: 503 });
    const n = await pool().query('select count(*)::int n from webhook_attempts where delivery_id = $1', [d.id]);
    expect(n.rows[0].n).toBe(MAX_WEBHOOK_ATTEMPTS);
  });

  it('records a receiver that does not answer in time as a timeout, and a closed port as a connection error', async () => {
    receiver.hang = true;
    await emit();
    const r = await deliverWebhooks(db(), { timeoutMs: 300 });
    expect(r).toMatchObject({ failed: 1 });
    const [d] = await deliveries();
    expect(d).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status_code: null,
      last_error: 'timeout after 300 ms',
    });
    await pool().query('update webhook_endpoints set url = $2 where id = $1', [
      endpoint.id,
      `http://127.0.0.1:${await closedPort()}/hooks`,
    ]);
    try {
      await deliverWebhooks(db(), { now: new Date(Date.now() + 2 * MINUTE) });
      const [again] = await deliveries();
      expect(again.last_error).toMatch(/^ECONNREFUSED/);
    } finally {
      await pool().query('update webhook_endpoints set url = $2 where id = $1', [endpoint.id, receiver.url]);
    }
  });

  it('sends promptly after commit through the dispatcher, without waiting for the sweep', async () => {
    const dispatcher = startWebhookDispatcher(db(), env.url);
    try {
      // Let it LISTEN first (it also sends what is already due).
      await new Promise((r) => setTimeout(r, 300));
      await emit({ orderId: 11, amount: '5.00' });
      await receiver.waitFor(1, 5000);
      expect(receiver.events()[0].data).toEqual({ orderId: 11, amount: '5.00' });
      await dispatcher.idle();
      expect((await deliveries())[0].status).toBe('delivered');
    } finally {
      await dispatcher.stop();
    }
  });
});

describe('endpoint administration', () => {
  it('keeps the secret out of lists; reveal and rotate are audited', async () => {
    const list = await admin.get('/api/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({ url: receiver.url, events: ['probe.happened'], active: true });
    expect(list.body).not.toContain(endpoint.secret);
    expect((await admin.get(`/api/webhooks/${endpoint.id}`)).body).not.toContain(endpoint.secret);
    const shown = await admin.post(`/api/webhooks/${endpoint.id}/reveal-secret`);
    expect(shown.json()).toEqual({ secret: endpoint.secret });
    const rotated = await admin.post(`/api/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const secret = rotated.json().secret as string;
    expect(secret).not.toBe(endpoint.secret);
    endpoint = { ...endpoint, secret, version: rotated.json().version };
    await emit();
    await deliverWebhooks(db());
    const { headers, body } = receiver.received[0];
    const sig = {
      timestamp: String(headers['x-webhook-timestamp']),
      signature: String(headers['x-webhook-signature']),
    };
    expect(verifyWebhookSignature(secret, sig, body)).toBe(true);
    const audit = await pool().query(
      `select action from audit_log where entity_type = 'webhook' and entity_id = $1 order by id`,
      [endpoint.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'reveal_secret', 'rotate_secret']);
  });

  it('refuses a bad URL and an unknown event type field by field, and non-admins', async () => {
    const bad = await admin.post('/api/webhooks', { url: 'ftp://example.com/x', events: ['nope.event'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      { field: 'url', code: 'webhook.url_invalid', message: expect.stringContaining('http://') },
    ]);
    const unknown = await admin.post('/api/webhooks', { url: 'https://erp.example.com/hooks', events: ['nope.event'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([
      { field: 'events.0', code: 'webhook.unknown_event', message: '不支持的事件类型：nope.event' },
    ]);
    expect((await rep.get('/api/webhooks')).statusCode).toBe(403);
    expect((await rep.post('/api/webhooks', { url: receiver.url, events: ['probe.happened'] })).statusCode).toBe(403);
    const types = (await admin.get('/api/webhooks/event-types')).json().items;
    expect(types).toEqual(
      expect.arrayContaining(['order.approved', 'delivery.delivered', 'invoice.paid', 'probe.happened']),
    );
    expect(types).not.toContain('webhook.test');
  });

  it('sends a test event at once and shows the attempt; redelivers a failed delivery', async () => {
    const test = await admin.post(`/api/webhooks/${endpoint.id}/test`);
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json()).toMatchObject({ eventType: 'webhook.test', status: 'delivered', attempts: 1 });
    expect(test.json().attemptLog).toEqual([
      expect.objectContaining({ statusCode: 200, error: null, responseSnippet: 'ok' }),
    ]);
    expect(receiver.events()[0]).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });

    receiver.respond = () => ({ status: 410, body: 'gone' });
    await emit();
    let t = (await dbNow(db())).getTime();
    for (let i = 0; i < MAX_WEBHOOK_ATTEMPTS; i++, t += 5 * 3600_000) await deliverWebhooks(db(), { now: new Date(t) });
    const log = (await admin.get(`/api/webhooks/${endpoint.id}/deliveries?status=failed`)).json();
    expect(log.total).toBe(1);
    const failed = log.items[0];
    expect(failed).toMatchObject({
      eventType: 'probe.happened',
      status: 'failed',
      attempts: MAX_WEBHOOK_ATTEMPTS,
      lastStatusCode: 410,
    });
    receiver.respond = () => ({ status: 200, body: 'ok' });
    const again = await admin.post(`/api/webhook-deliveries/${failed.id}/redeliver`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect(again.json().attemptLog).toHaveLength(MAX_WEBHOOK_ATTEMPTS + 1);
    const all = (await admin.get(`/api/webhooks/${endpoint.id}/deliveries`)).json();
    expect(all.items.map((x: { eventType: string }) => x.eventType)).toEqual(['probe.happened', 'webhook.test']);
    expect((await admin.post('/api/webhook-deliveries/987654321/redeliver')).statusCode).toBe(404);
  });

  it('disabling an endpoint cancels its pending deliveries and stops new ones', async () => {
    receiver.respond = () => ({ status: 500 });
    await emit();
    await deliverWebhooks(db());
    const cur = (await admin.get(`/api/webhooks/${endpoint.id}`)).json();
    const off = await admin.put(`/api/webhooks/${endpoint.id}`, {
      url: cur.url,
      description: cur.description,
      events: cur.events,
      active: false,
      version: cur.version,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await deliveries()).map((d) => d.status)).toEqual(['cancelled']);
    await emit();
    expect(await deliveries()).toHaveLength(1);
    const stale = await admin.put(`/api/webhooks/${endpoint.id}`, { ...cur, active: true, version: cur.version });
    expect(stale.statusCode).toBe(412);
    const on = await admin.put(`/api/webhooks/${endpoint.id}`, { ...cur, active: true, version: off.json().version });
    expect(on.statusCode).toBe(200);
    const audit = await pool().query(
      `select changes from audit_log where entity_type = 'webhook' and entity_id = $1 and action = 'update' order by id`,
      [endpoint.id],
    );
    expect(audit.rows[0].changes).toEqual([{ field: 'active', old: true, new: false }]);
  });

  it('lists each endpoint with its own backlog and last attempt', async () => {
    const second = (
      await admin.post('/api/webhooks', { url: `http://127.0.0.1:${await closedPort()}/x`, events: ['probe.other'] })
    ).json();
    receiver.respond = () => ({ status: 500 });
    await emit();
    await deliverWebhooks(db());
    await admin.post(`/api/webhooks/${second.id}/test`);
    const items = (await admin.get('/api/webhooks')).json().items;
    const first = items.find((i: { id: number }) => i.id === endpoint.id);
    const other = items.find((i: { id: number }) => i.id === second.id);
    expect(first).toMatchObject({ pending: 1, failed: 0, lastAttempt: { statusCode: 500, error: 'HTTP 500' } });
    expect(other).toMatchObject({ pending: 1, failed: 0, lastAttempt: { statusCode: null } });
    expect(other.lastAttempt.error).toMatch(/^ECONNREFUSED/);
  });
});
