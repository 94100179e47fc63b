import { normalizeCompanyName } from '@sales/core';
import { and, eq, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { users } from '../../platform/org/org.schema.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { customerScope } from './customers.access.ts';
import { customers } from './customers.schema.ts';

export interface DuplicateKeys {
  kind: string;
  name: string;
  creditCode: string | null;
  idNumber: string | null;
  mobile: string | null;
}

/**
 * The existing customer the duplicate-check rules (查重, SPEC 2.3) match, if any: same normalised
 * mobile, credit code, ID number, or — for companies — the same normalised name. Not scoped: the
 * rules apply across the whole company. Callers decide what the caller may learn about it.
 */
export async function findDuplicate(db: DbOrTx, keys: DuplicateKeys, exceptId?: number) {
  const nameNorm = normalizeCompanyName(keys.name);
  const conds: SQL[] = [];
  if (keys.mobile) conds.push(eq(customers.mobileNorm, keys.mobile));
  if (keys.creditCode) conds.push(eq(customers.creditCode, keys.creditCode));
  if (keys.idNumber) conds.push(eq(customers.idNumber, keys.idNumber));
  if (keys.kind === 'company') conds.push(and(eq(customers.kind, 'company'), eq(customers.nameNorm, nameNorm)) as SQL);
  // No identifying key at all (e.g. a walk-in individual without a phone): nothing to compare.
  if (conds.length === 0) return undefined;
  const match = or(...conds);
  const [dup] = await db
    .select({
      id: customers.id,
      no: customers.no,
      name: customers.name,
      kind: customers.kind,
      nameNorm: customers.nameNorm,
      mobileNorm: customers.mobileNorm,
      creditCode: customers.creditCode,
      idNumber: customers.idNumber,
      ownerId: customers.ownerId,
      ownerDeptId: customers.ownerDeptId,
      poolId: customers.poolId,
      ownerName: users.name,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(match, isNull(customers.deletedAt), exceptId ? ne(customers.id, exceptId) : undefined))
    .limit(1);
  return dup ?? null;
}

/**
 * Duplicate check (查重, SPEC 2.3) on create and update. A duplicate is refused naming the
 * existing owner; its number and name are revealed only if the user can see it.
 */
export async function assertNoDuplicate(ctx: Ctx, db: DbOrTx, keys: DuplicateKeys, exceptId?: number) {
  const dup = await findDuplicate(db, keys, exceptId);
  if (!dup) return;
  const field =
    keys.creditCode && dup.creditCode === keys.creditCode
      ? 'creditCode'
      : keys.idNumber && dup.idNumber === keys.idNumber
        ? 'idNumber'
        : keys.mobile && dup.mobileNorm === keys.mobile
          ? 'mobile'
          : 'name';
  const [visible] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, dup.id), await customerScope(ctx)));
  const reveal = !!visible || (await getPolicy(db, 'customers.duplicateRevealsOwner'));
  const ownerName = reveal ? dup.ownerName : null;
  const owner =
    dup.ownerName === null
      ? translate(ctx.locale, 'customer.duplicate.hidden_owner')
      : (ownerName ?? translate(ctx.locale, 'customer.duplicate.withheld_owner'));
  throw new ConflictError(
    'customer.duplicate',
    { field: translate(ctx.locale, `field.${field}`), owner },
    {
      field,
      duplicate: {
        ownerName,
        customerId: visible ? dup.id : null,
        customerNo: visible ? dup.no : null,
        customerName: visible ? dup.name : null,
      },
    },
  );
}
