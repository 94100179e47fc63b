import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';

/** What a sign-off hook learns: the note and the day the customer signed (签收). */
export interface SignedDelivery {
  id: number;
  no: string;
  orderId: number;
  customerId: number;
  ownerId: number;
  ownerDeptId: number;
  signedDate: string;
  replacementOf: number | null;
  lines: { id: number; productId: number; batchId: number | null }[];
}

type SignedHook = (tx: Tx, ctx: Ctx, d: SignedDelivery) => Promise<void>;
const hooks: SignedHook[] = [];

/**
 * Runs `fn` inside signDelivery's transaction after the sign-off is written (e.g. the return visit,
 * SPEC 4.4), so the follow-up commits or rolls back with the sign-off itself.
 */
export function onDeliverySigned(fn: SignedHook) {
  hooks.push(fn);
}

export async function runDeliverySigned(tx: Tx, ctx: Ctx, d: SignedDelivery) {
  for (const h of hooks) await h(tx, ctx, d);
}
