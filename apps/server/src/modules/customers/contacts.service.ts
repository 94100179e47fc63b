import { CONTACT_FIELDS, type ContactInput, maskEmail, maskPhone } from '@sales/core';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { createdFields, diffFields, recordAccess, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { retentionDelete } from '../../platform/retention/index.ts';
import { findCustomerInScope, unmaskPolicy } from './customers.access.ts';
import { customerContacts, customers } from './customers.schema.ts';

/** A contact's customer in the user's scope for `permission`; 404 when out of scope. */
async function contactInScope(ctx: Ctx, contactId: number) {
  const [c] = await ctx.db
    .select()
    .from(customerContacts)
    .where(and(eq(customerContacts.id, contactId), isNull(customerContacts.deletedAt)));
  if (!c) throw new NotFoundError();
  const customer = await findCustomerInScope(ctx, c.customerId);
  return { contact: c, customer };
}

async function assertCanEdit(ctx: Ctx, customerId: number) {
  await findCustomerInScope(ctx, customerId, 'customer.edit').catch(() => {
    throw new ForbiddenError();
  });
}

/**
 * Contacts of one customer, masked like the customer itself; `archived` lists the archived ones
 * instead (已归档, for users who may delete the customer's records).
 */
export async function listContacts(ctx: Ctx, customerId: number, archived = false) {
  const customer = await findCustomerInScope(ctx, customerId);
  if (archived) await findCustomerInScope(ctx, customerId, 'customer.delete');
  const rows = await ctx.db
    .select()
    .from(customerContacts)
    .where(
      and(
        eq(customerContacts.customerId, customerId),
        isNull(customerContacts.deletedAt),
        archived ? isNotNull(customerContacts.archivedAt) : isNull(customerContacts.archivedAt),
      ),
    )
    .orderBy(sql`${customerContacts.isPrimary} desc`, asc(customerContacts.id));
  const clear = (await unmaskPolicy(ctx))(customer);
  const items = rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    name: r.name,
    title: r.title,
    mobile: clear ? r.mobile : maskPhone(r.mobile),
    email: clear ? r.email : maskEmail(r.email),
    wechat: r.wechat,
    isPrimary: r.isPrimary,
    remark: r.remark,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    version: r.version,
  }));
  if (clear) {
    const shown = rows.filter((r) => r.mobile || r.email).map((r) => r.id);
    await recordAccess(ctx.db, ctx, 'customer_contact', shown, ['mobile', 'email'], 'customer.contacts');
  }
  return items;
}

/** Adds a contact to a customer the user may edit. */
export async function createContact(ctx: Ctx, customerId: number, input: ContactInput) {
  await findCustomerInScope(ctx, customerId);
  await assertCanEdit(ctx, customerId);
  return ctx.db.transaction(async (tx) => {
    if (input.isPrimary)
      await tx.update(customerContacts).set({ isPrimary: false }).where(eq(customerContacts.customerId, customerId));
    const [row] = await tx
      .insert(customerContacts)
      .values({ ...input, customerId, mobileNorm: input.mobile })
      .returning({ id: customerContacts.id });
    await tx.update(customers).set({ updatedAt: sql`now()` }).where(eq(customers.id, customerId));
    await recordAudit(tx, ctx, {
      entityType: 'customer_contact',
      entityId: row.id,
      action: 'create',
      changes: createdFields(input, CONTACT_FIELDS),
    });
    return { id: row.id };
  });
}

/** Edits a contact (versioned). */
export async function updateContact(ctx: Ctx, contactId: number, input: ContactInput & { version: number }) {
  const { contact, customer } = await contactInScope(ctx, contactId);
  await assertCanEdit(ctx, customer.id);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(customerContacts).where(eq(customerContacts.id, contactId)).for('update');
    if (cur.version !== input.version) throw new StaleVersionError();
    const { version: _v, ...values } = input;
    // A masked value sent back unchanged keeps the stored one.
    if (cur.mobile && values.mobile === maskPhone(cur.mobile)) values.mobile = cur.mobile;
    if (cur.email && values.email === maskEmail(cur.email)) values.email = cur.email;
    if (values.isPrimary)
      await tx
        .update(customerContacts)
        .set({ isPrimary: false })
        .where(eq(customerContacts.customerId, contact.customerId));
    await tx
      .update(customerContacts)
      .set({ ...values, mobileNorm: values.mobile, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(customerContacts.id, contactId));
    await recordAudit(tx, ctx, {
      entityType: 'customer_contact',
      entityId: contactId,
      action: 'update',
      changes: diffFields(cur, values, CONTACT_FIELDS),
    });
    return { id: contactId, version: cur.version + 1 };
  });
}

/** Removes a contact (soft delete, audited). */
export async function deleteContact(ctx: Ctx, contactId: number, version: number) {
  const { customer } = await contactInScope(ctx, contactId);
  await assertCanEdit(ctx, customer.id);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(customerContacts).where(eq(customerContacts.id, contactId)).for('update');
    if (cur.version !== version) throw new StaleVersionError();
    // Within the retention period (records.retentionYears) the contact is archived, not deleted.
    const d = await retentionDelete(tx, ctx, cur);
    await tx
      .update(customerContacts)
      .set({ ...d.set, version: cur.version + 1 })
      .where(eq(customerContacts.id, contactId));
    await recordAudit(tx, ctx, {
      entityType: 'customer_contact',
      entityId: contactId,
      ...d.audit,
      comment: cur.name,
    });
    return d.result;
  });
}
