import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { badDebtWriteOffs, invoices, payments } from './finance.schema.ts';

type Scoped = Pick<Ctx, 'db' | 'principal'>;

/** Data scope of payments (owner / owner department copied from the order or contract). */
export async function paymentScope(ctx: Scoped, permission: Permission = 'payment.view') {
  return scopeWhere(await resolveScope(ctx, permission), payments.ownerId, payments.ownerDeptId);
}

/** Data scope of invoices. */
export async function invoiceScope(ctx: Scoped, permission: Permission = 'invoice.view') {
  return scopeWhere(await resolveScope(ctx, permission), invoices.ownerId, invoices.ownerDeptId);
}

/** Data scope of bad-debt write-offs. */
export async function writeOffScope(ctx: Scoped, permission: Permission = 'receivable.view') {
  return scopeWhere(await resolveScope(ctx, permission), badDebtWriteOffs.ownerId, badDebtWriteOffs.ownerDeptId);
}

/** A payment the user may act on with `permission`; unknown and out-of-scope ids are the same 404. */
export async function findPaymentInScope(
  ctx: Ctx,
  id: number,
  permission: Permission = 'payment.view',
  db: DbOrTx = ctx.db,
  lock = false,
) {
  const q = db
    .select()
    .from(payments)
    .where(and(eq(payments.id, id), await paymentScope(ctx, permission)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** An invoice the user may act on with `permission` (404 otherwise). */
export async function findInvoiceInScope(
  ctx: Ctx,
  id: number,
  permission: Permission = 'invoice.view',
  db: DbOrTx = ctx.db,
  lock = false,
) {
  const q = db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), await invoiceScope(ctx, permission)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** A write-off request the user may see (404 otherwise). */
export async function findWriteOffInScope(
  ctx: Ctx,
  id: number,
  permission: Permission = 'receivable.view',
  db: DbOrTx = ctx.db,
) {
  const [row] = await db
    .select()
    .from(badDebtWriteOffs)
    .where(and(eq(badDebtWriteOffs.id, id), await writeOffScope(ctx, permission)));
  if (!row) throw new NotFoundError();
  return row;
}

/** Whether a record with this owner lies within the user's scope for `permission`. */
export async function ownerInScope(
  ctx: Scoped,
  permission: Permission,
  ownerId: number,
  ownerDeptId: number,
): Promise<boolean> {
  const s = await resolveScope(ctx, permission);
  return s.all || s.userId === ownerId || s.deptIds.includes(ownerDeptId);
}
