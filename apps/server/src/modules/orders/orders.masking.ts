import { maskAddress, maskPhone } from '@sales/core';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { FieldChange } from '../../platform/audit/audit.schema.ts';
import { recordAccess } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { customers, unmaskPolicy } from '../customers/index.ts';

/**
 * SPEC 1.2: the consignee's phone and the shipping address are the customer's personal data. They
 * are shown in clear only to the customer's owner, the people above the owner and holders of
 * customer.unmask — the same rule as on the customer itself; each clear view is access-logged.
 */
const CONTACT_FIELDS = ['consigneePhone', 'shippingAddress'] as const;
const MASK: Record<(typeof CONTACT_FIELDS)[number], (v: string) => string> = {
  consigneePhone: maskPhone,
  shippingAddress: maskAddress,
};
type Contact = { consigneePhone: string | null; shippingAddress: string | null };

/** Whether the user sees this order's delivery contact in clear (by the owner of its customer). */
export async function seesOrderContact(ctx: Ctx, customerId: number, db: DbOrTx = ctx.db) {
  const [owner] = await db
    .select({ ownerId: customers.ownerId, ownerDeptId: customers.ownerDeptId })
    .from(customers)
    .where(eq(customers.id, customerId));
  // `db` may be the caller's transaction (one connection): every read goes through it.
  return !!owner && (await unmaskPolicy({ db, principal: ctx.principal }))(owner);
}

/** The order's contact as this user may see it; a clear view of a present value is logged. */
export async function presentOrderContact<T extends Contact>(
  ctx: Ctx,
  orderId: number,
  o: T,
  clear: boolean,
  db: DbOrTx = ctx.db,
) {
  if (!clear) return { ...o, ...maskContact(o), contactMasked: true };
  const shown = CONTACT_FIELDS.filter((f) => !!o[f]);
  await recordAccess(db, ctx, 'order', [orderId], shown, 'order.detail');
  return { ...o, contactMasked: false };
}

function maskContact(o: Contact): Contact {
  return {
    consigneePhone: o.consigneePhone && MASK.consigneePhone(o.consigneePhone),
    shippingAddress: o.shippingAddress && MASK.shippingAddress(o.shippingAddress),
  };
}

/** Audit changes with the contact fields masked, for users who see the contact masked. */
export function maskContactChanges(changes: FieldChange[]): FieldChange[] {
  const m = (f: string, v: unknown) => (typeof v === 'string' && v && f in MASK ? MASK[f as keyof typeof MASK](v) : v);
  return changes.map((c) => ({ ...c, old: m(c.field, c.old), new: m(c.field, c.new) }));
}

/** A masked value sent back unchanged (the form showed the mask) keeps what is stored. */
export function keepMaskedContact<T extends Contact>(input: T, stored: Contact): T {
  const out = { ...input };
  for (const f of CONTACT_FIELDS) {
    const s = stored[f];
    if (s && out[f] === MASK[f](s)) out[f] = s;
  }
  return out;
}
