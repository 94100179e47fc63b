import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every endpoint secret starts with this, so it is recognisable wherever it is pasted. */
export const SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * The signature scheme (docs/admin-guide.md "Webhooks"): hex HMAC-SHA256, keyed with the endpoint
 * secret, of `<timestamp>.<body>` — the X-Webhook-Timestamp header (Unix seconds), a dot, and the
 * raw request body. Signing the timestamp lets a receiver refuse replays of old deliveries.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time, and refuse stale timestamps. */
export function verifyWebhookSignature(
  secret: string,
  header: { timestamp: string; signature: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const ts = Number(header.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, ts, body));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
