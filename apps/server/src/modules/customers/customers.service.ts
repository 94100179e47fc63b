import { type CustomerInput, isMaskedValue, normalizeCompanyName } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAccess, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { retentionDelete } from '../../platform/retention/index.ts';
import { companyDate } from '../../platform/time.ts';
import { bookFact } from '../analytics/index.ts';
import { assertActiveForSales } from '../training/index.ts';
import {
  findCustomerInScope,
  maskRow,
  maskValue,
  PERSONAL_FIELDS,
  presentPersonalFields,
  unmaskPolicy,
} from './customers.access.ts';
import { assertNoDuplicate } from './customers.duplicate.ts';
import { customers } from './customers.schema.ts';
import { customerSearchKeys } from './customers.search.ts';

/** Fields recorded field-by-field in the audit trail. */
export const AUDITED_FIELDS = [
  'kind',
  'name',
  'creditCode',
  'idNumber',
  'mobile',
  'phone',
  'email',
  'address',
  'region',
  'industry',
  'source',
  'class',
  'tags',
  'remark',
  'ownerId',
  'gender',
  'birthDate',
  'occupation',
  'interests',
  'purchaseIntent',
] as const;

async function activeUserDept(tx: Tx, userId: number): Promise<number> {
  const [u] = await tx
    .select({ deptId: users.deptId })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!u) throw ValidationError.field('ownerId', 'customer.owner.invalid');
  // SPEC 5.4: a new rep owns customers only once the onboarding training is passed.
  await assertActiveForSales(tx, userId, 'ownerId');
  return u.deptId;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Runs a write; a unique-index race with another writer is reported as the duplicate it is. */
async function withDuplicateRetry<T>(
  ctx: Ctx,
  keys: Parameters<typeof assertNoDuplicate>[2],
  exceptId: number | undefined,
  fn: () => Promise<T>,
) {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) await assertNoDuplicate(ctx, ctx.db, keys, exceptId);
    throw err;
  }
}

const FORMAT_CODES: Record<(typeof PERSONAL_FIELDS)[number], string> = {
  mobile: 'validation.mobile.format',
  phone: 'validation.phone.format',
  email: 'validation.email',
  idNumber: 'validation.idNumber.format',
  address: 'validation.invalid_format',
  birthDate: 'validation.date',
};

/**
 * A masked value (138****5678) sent back unchanged means "keep what is stored" (the form showed
 * the mask); any other value with '*' in a personal field is refused.
 */
function resolveMasked(
  input: CustomerInput,
  stored: Partial<Record<(typeof PERSONAL_FIELDS)[number], string | null>> | null,
) {
  for (const f of PERSONAL_FIELDS) {
    const v = input[f];
    if (!isMaskedValue(v) || f === 'address') continue;
    if (stored?.[f] && v === maskValue(f, stored[f])) input[f] = stored[f];
    else throw ValidationError.field(f, FORMAT_CODES[f]);
  }
  if (stored?.address && input.address === maskValue('address', stored.address)) input.address = stored.address;
}

/** A birth date must not lie in the future (the company's today, ctx.now()). */
export function assertBirthDateNotFuture(ctx: Ctx, birthDate: string | null) {
  if (birthDate && birthDate > companyDate(ctx.now()))
    throw ValidationError.field('birthDate', 'validation.birthDate.future');
}

/** Creates a customer owned by the creator (or another owner if allowed), numbered KH-YYYY-NNNNNN. */
export async function createCustomer(ctx: Ctx, input: CustomerInput) {
  const ownerId = input.ownerId ?? ctx.principal.userId;
  if (ownerId !== ctx.principal.userId && !can(ctx.principal, 'customer.transfer')) throw new ForbiddenError();
  resolveMasked(input, null);
  assertBirthDateNotFuture(ctx, input.birthDate);
  const id = await withDuplicateRetry(ctx, input, undefined, () =>
    ctx.db.transaction(async (tx) => (await insertCustomer(tx, ctx, input, ownerId)).id),
  );
  return getCustomer(ctx, id);
}

/**
 * Creates a customer inside the caller's transaction, owned by `ownerId` whoever the actor is (the
 * front desk routes new visitors to the rep on duty): duplicate check, number, audit. The caller
 * has already decided the actor may assign this owner.
 */
export async function insertCustomer(
  tx: Tx,
  ctx: Ctx,
  input: CustomerInput,
  ownerId: number,
  comment: string | null = null,
) {
  await assertNoDuplicate(ctx, tx, input);
  const ownerDeptId = await activeUserDept(tx, ownerId);
  const no = await nextDocNumber(tx, 'customer', ctx.now());
  const values = {
    ...input,
    ownerId,
    ownerDeptId,
    no,
    nameNorm: normalizeCompanyName(input.name),
    mobileNorm: input.mobile,
    createdBy: ctx.principal.userId,
  };
  const [row] = await tx
    .insert(customers)
    .values({ ...values, ...customerSearchKeys(values) })
    .returning({ id: customers.id, no: customers.no, name: customers.name });
  // SPEC 5.1 new customers: credited to the first owner, in this transaction.
  await bookFact.customerCreated(tx, ctx, row.id);
  await recordAudit(tx, ctx, {
    entityType: 'customer',
    entityId: row.id,
    action: 'create',
    changes: createdFields(values, AUDITED_FIELDS),
    comment,
  });
  return { ...row, ownerDeptId };
}

/** Updates a customer; the caller's version must be current (412 otherwise). */
export async function updateCustomer(
  ctx: Ctx,
  id: number,
  input: CustomerInput & { version: number; comment?: string | null },
) {
  await withDuplicateRetry(ctx, input, id, () =>
    ctx.db.transaction(async (tx) => {
      const cur = await findCustomerInScope(ctx, id, 'customer.view', tx, true);
      await findCustomerInScope(ctx, id, 'customer.edit', tx).catch(() => {
        throw new ForbiddenError();
      });
      if (cur.version !== input.version) throw new StaleVersionError();
      const { version: _v, comment = null, ...keys } = input;
      resolveMasked(keys, cur);
      assertBirthDateNotFuture(ctx, keys.birthDate);
      // Ownership changes only through transfer (audited with a reason).
      if (keys.ownerId !== null && keys.ownerId !== cur.ownerId)
        throw ValidationError.field('ownerId', 'validation.invalid_value');
      keys.ownerId = cur.ownerId;
      await assertNoDuplicate(ctx, tx, keys, id);
      const values = {
        ...keys,
        nameNorm: normalizeCompanyName(keys.name),
        mobileNorm: keys.mobile,
        no: cur.no,
      };
      const changes = diffFields(cur, values, AUDITED_FIELDS);
      // Saving without a change is not a change: no new version, no audit entry.
      if (changes.length === 0) return;
      await tx
        .update(customers)
        .set({ ...values, ...customerSearchKeys(values), version: cur.version + 1, updatedAt: sql`now()` })
        .where(eq(customers.id, id));
      // The editor's reason, if given, stays with the change (SPEC 1.3 who/when/what/why).
      await recordAudit(tx, ctx, { entityType: 'customer', entityId: id, action: 'update', changes, comment });
    }),
  );
  return getCustomer(ctx, id);
}

/**
 * Moves a customer to another owner inside the caller's transaction, with a reason; audited. The
 * caller has decided the actor may (the front desk's conflict resolution by the manager).
 */
export async function reassignCustomerInTx(tx: Tx, ctx: Ctx, id: number, toUserId: number, reason: string) {
  const [cur] = await tx.select().from(customers).where(eq(customers.id, id)).for('update');
  if (!cur) throw new NotFoundError();
  const deptId = await activeUserDept(tx, toUserId);
  await tx
    .update(customers)
    .set({
      ownerId: toUserId,
      ownerDeptId: deptId,
      assignedAt: ctx.now(),
      version: cur.version + 1,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, id));
  await recordAudit(tx, ctx, {
    entityType: 'customer',
    entityId: id,
    action: 'transfer',
    changes: diffFields(cur, { ownerId: toUserId, ownerDeptId: deptId }, ['ownerId', 'ownerDeptId']),
    comment: reason,
  });
  return { deptId };
}

/**
 * Deletes a customer: within the retention period (policy records.retentionYears) it is archived
 * instead (kept, out of the normal lists, under 已归档); after it, soft-deleted (kept for the audit
 * trail and history).
 */
export async function deleteCustomer(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    await findCustomerInScope(ctx, id, 'customer.view', tx);
    const cur = await findCustomerInScope(ctx, id, 'customer.delete', tx, true).catch(() => {
      throw new ForbiddenError();
    });
    if (cur.version !== version) throw new StaleVersionError();
    const d = await retentionDelete(tx, ctx, cur);
    await tx
      .update(customers)
      .set({ ...d.set, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(customers.id, id));
    await recordAudit(tx, ctx, { entityType: 'customer', entityId: id, ...d.audit });
    return d.result;
  });
}

/** One customer as its detail page shows it, masked unless the user is owner or above the owner. */
export async function getCustomer(ctx: Ctx, id: number) {
  const row = await findCustomerInScope(ctx, id);
  const owner = alias(users, 'owner');
  const creator = alias(users, 'creator');
  const [names] = await ctx.db
    .select({ ownerName: owner.name, deptName: departments.name, createdByName: creator.name })
    .from(customers)
    .leftJoin(owner, eq(owner.id, customers.ownerId))
    .leftJoin(departments, eq(departments.id, customers.ownerDeptId))
    .leftJoin(creator, eq(creator.id, customers.createdBy))
    .where(eq(customers.id, id));
  if (!names) throw new NotFoundError();
  const clear = (await unmaskPolicy(ctx))(row);
  const view = {
    id: row.id,
    no: row.no,
    kind: row.kind,
    name: row.name,
    creditCode: row.creditCode,
    idNumber: row.idNumber,
    mobile: row.mobile,
    phone: row.phone,
    email: row.email,
    address: row.address,
    region: row.region,
    industry: row.industry,
    source: row.source,
    class: row.class,
    tags: row.tags,
    remark: row.remark,
    gender: row.gender,
    birthDate: row.birthDate,
    occupation: row.occupation,
    interests: row.interests,
    purchaseIntent: row.purchaseIntent,
    creditRating: row.creditRating,
    creditLimit: row.creditLimit,
    paymentTermsDays: row.paymentTermsDays,
    ownerId: row.ownerId,
    ownerName: names.ownerName,
    ownerDeptId: row.ownerDeptId,
    deptName: names.deptName,
    createdByName: names.createdByName,
    lastFollowUpAt: row.lastFollowUpAt?.toISOString() ?? null,
    masked: !clear,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (!clear) return maskRow(view);
  await recordAccess(ctx.db, ctx, 'customer', [row.id], presentPersonalFields(row), 'customer.detail');
  return view;
}
