import type { OrderInput } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { idempotent } from '../../platform/idempotency/index.ts';
import { createOrder } from './orders.create.ts';
import { getOrder } from './orders.queries.ts';

/** JSON with keys sorted, so a replayed answer (stored as jsonb) is byte-identical to the first. */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/**
 * Creates an order from the order form (POST /api/orders). With an Idempotency-Key the same key
 * gives the same answer and one row, even under concurrent retries (issue 4).
 */
export async function placeOrder(ctx: Ctx, key: string | undefined, input: OrderInput) {
  const out = await idempotent(ctx, 'order.create', key, input, async (tx) => {
    const { id } = await createOrder(tx, ctx, input);
    return { status: 201, body: canonical(await getOrder(ctx, id, tx)) };
  });
  return { status: out.status, body: canonical(out.body) };
}
