import { z } from 'zod';
import { isIsoDate } from './customers.ts';

/** Integrations (SPEC 1.11): personal API tokens and webhook endpoints. */

const key = (k: string) => ({ message: k, params: { key: k } });

export const API_TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ApiTokenStatus = (typeof API_TOKEN_STATUSES)[number];

/** A new personal token: a name saying what it is for, and the last day it works (none = no expiry). */
export const ApiTokenInput = z.object({
  name: z.string().trim().min(1).max(60),
  expiresOn: z
    .string()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), key('validation.date')),
});
export type ApiTokenInput = z.infer<typeof ApiTokenInput>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** An http(s) address a server can POST to (no user:password part: the signature authenticates). */
export function isWebhookUrl(s: string): boolean {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !!u.hostname;
}

/** A webhook endpoint as the admin registers or edits it; event types are checked by the server's registry. */
export const WebhookEndpointInput = z.object({
  url: z.string().trim().min(1).max(500).refine(isWebhookUrl, key('webhook.url_invalid')),
  description: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  events: z.array(z.string().trim().min(1).max(60)).min(1).max(50),
  active: z.boolean().default(true),
});
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointInput>;
