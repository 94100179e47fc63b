import { maskAddress, maskBirthDate, maskEmail, maskIdNumber, maskPhone } from '@sales/core';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { managedDeptIds, resolveScope, scopeWhere, subordinateIds } from '../../platform/permissions/scope.ts';
import { customers } from './customers.schema.ts';

/** The data-scope filter for customers and one permission (the single scoped-query entry point). */
export async function customerScope(ctx: Pick<Ctx, 'db' | 'principal'>, permission: Permission = 'customer.view') {
  const scope = await resolveScope(ctx, permission);
  return and(scopeWhere(scope, customers.ownerId, customers.ownerDeptId), isNull(customers.deletedAt));
}

/**
 * The same scope as customerScope, as disjoint branches each served by one index (department-led,
 * owner-led, or everything), for the capped count: `owner = me OR dept = any(…)` makes PostgreSQL
 * scan the heap (105 ms at 1 M customers for a manager), one branch at a time is an index-only
 * scan (14 ms; docs/adr/0004). A customer's owner_dept_id is its owner's department (kept in step,
 * index.ts), so the owner's rows lie inside the department branch exactly when the owner's own
 * department is in scope, and outside it otherwise.
 */
export async function customerScopeBranches(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: Permission = 'customer.view',
): Promise<SQL[]> {
  const scope = await resolveScope(ctx, permission);
  const live = isNull(customers.deletedAt);
  if (scope.all) return [live];
  const branches: SQL[] = [];
  if (scope.deptIds.length)
    branches.push(sql`${customers.ownerDeptId} = any(${sql.param(scope.deptIds)}::int[]) and ${live}`);
  if (scope.userId !== null && !scope.deptIds.includes(ctx.principal.deptId))
    branches.push(sql`${customers.ownerId} = ${scope.userId} and ${live}`);
  return branches;
}

/**
 * Loads a customer row the user may act on with `permission`. Unknown, deleted and out-of-scope
 * ids all answer the same 404 (SPEC 1.2: no existence leak).
 */
export async function findCustomerInScope(
  ctx: Ctx,
  id: number,
  permission: Permission = 'customer.view',
  db: DbOrTx = ctx.db,
  lock = false,
) {
  const where = and(eq(customers.id, id), await customerScope(ctx, permission));
  const q = db.select().from(customers).where(where);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * Fields holding personal data (PIPL); masked for users neither owner nor above the owner. The
 * birth date is masked like the ID number that contains it, down to the year (issue 14 item 2).
 */
export const PERSONAL_FIELDS = ['mobile', 'phone', 'email', 'idNumber', 'address', 'birthDate'] as const;
type PersonalField = (typeof PERSONAL_FIELDS)[number];

const MASKERS: Record<PersonalField, (v: string) => string> = {
  mobile: maskPhone,
  phone: maskPhone,
  email: maskEmail,
  idNumber: maskIdNumber,
  address: maskAddress,
  birthDate: maskBirthDate,
};

type ServedCustomers = (db: DbOrTx, userId: number) => Promise<number[]>;
const servedSources: ServedCustomers[] = [];

/**
 * Other modules name the customers a user currently serves, whose personal data that user then sees
 * in clear (issue 12: the engineer of an open service ticket must be able to call the contacts).
 */
export function registerServedCustomers(fn: ServedCustomers) {
  servedSources.push(fn);
}

async function servedBy(db: DbOrTx, userId: number): Promise<Set<number>> {
  const lists = await Promise.all(servedSources.map((fn) => fn(db, userId)));
  return new Set(lists.flat());
}

/**
 * Decides per record whether this user sees personal data in clear (SPEC 1.2 masking rule). `id`,
 * when given, is the customer's id: customers the user serves (registerServedCustomers) are clear too.
 */
export async function unmaskPolicy(ctx: { db: DbOrTx; principal: Ctx['principal'] }) {
  const p = ctx.principal;
  if (can(p, 'customer.unmask')) return () => true;
  const [managed, subs, served] = await Promise.all([
    managedDeptIds(ctx.db, p),
    subordinateIds(ctx.db, p),
    servedBy(ctx.db, p.userId),
  ]);
  return (row: { id?: number; ownerId: number | null; ownerDeptId: number | null }) =>
    row.ownerId === p.userId ||
    (row.ownerDeptId !== null && managed.has(row.ownerDeptId)) ||
    (row.ownerId !== null && subs.has(row.ownerId)) ||
    (row.id !== undefined && served.has(row.id));
}

/** The same rule as unmaskPolicy, as SQL over customers: rows whose personal data the user sees in clear. */
export async function unmaskedWhere(ctx: { db: DbOrTx; principal: Ctx['principal'] }): Promise<SQL> {
  const p = ctx.principal;
  if (can(p, 'customer.unmask')) return sql`true`;
  const [managed, subs, served] = await Promise.all([
    managedDeptIds(ctx.db, p),
    subordinateIds(ctx.db, p),
    servedBy(ctx.db, p.userId),
  ]);
  const parts = [sql`${customers.ownerId} = ${p.userId}`];
  if (managed.size) parts.push(sql`${customers.ownerDeptId} = any(${sql.param([...managed])}::int[])`);
  if (subs.size) parts.push(sql`${customers.ownerId} = any(${sql.param([...subs])}::int[])`);
  if (served.size) parts.push(sql`${customers.id} = any(${sql.param([...served])}::bigint[])`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Returns a copy with personal fields masked. */
export function maskRow<T extends Partial<Record<PersonalField, string | null>>>(row: T): T {
  const out = { ...row };
  for (const f of PERSONAL_FIELDS) {
    const v = out[f];
    if (typeof v === 'string' && v) (out as Record<string, unknown>)[f] = MASKERS[f](v);
  }
  return out;
}

/** Personal fields actually present (non-empty) on a row, for the access log. */
export function presentPersonalFields(row: Partial<Record<PersonalField, string | null>>): string[] {
  return PERSONAL_FIELDS.filter((f) => !!row[f]);
}

export function maskValue(field: string, v: unknown): unknown {
  return typeof v === 'string' && v && field in MASKERS ? MASKERS[field as PersonalField](v) : v;
}
