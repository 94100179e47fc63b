import { type CustomerListQuery, yearsBefore } from '@sales/core';
import { and, asc, eq, gt, gte, isNotNull, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import { recordAccess } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import {
  COUNT_CAP,
  cappedCount,
  keysetBatches,
  listViewCounts,
  listViewWhere,
  pageOffset,
  pageOrder,
  pageResult,
} from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { companyDate } from '../../platform/time.ts';
import { customerScope, customerScopeBranches, maskRow, unmaskedWhere, unmaskPolicy } from './customers.access.ts';
import { customers } from './customers.schema.ts';
import { customerKeywordWhere } from './customers.search.ts';

export type CustomerFilter = Omit<CustomerListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** WHERE for the list filters, always combined with the user's data scope. */
export async function customerWhere(
  ctx: Ctx,
  f: CustomerFilter,
  permission: Permission = 'customer.view',
): Promise<SQL> {
  return and(await customerScope(ctx, permission), await filterWhere(ctx, f)) as SQL;
}

/** WHERE for the list filters alone (the caller adds the data scope). */
async function filterWhere(ctx: Ctx, f: CustomerFilter): Promise<SQL> {
  const parts: (SQL | undefined)[] = [];
  // Archived customers (deleted within the retention period) leave the normal lists; the 已归档
  // filter shows them to users who may delete them, within that scope too.
  if (f.archived) parts.push(await customerScope(ctx, 'customer.delete'), isNotNull(customers.archivedAt));
  else parts.push(isNull(customers.archivedAt));
  parts.push(await listViewWhere(ctx, 'customer.view', f.view, customers.ownerId, customers.ownerDeptId));
  if (f.ownerId) parts.push(eq(customers.ownerId, f.ownerId));
  if (f.deptId) parts.push(eq(customers.ownerDeptId, f.deptId));
  if (f.class) parts.push(eq(customers.class, f.class));
  if (f.region) parts.push(eq(customers.region, f.region));
  if (f.source) parts.push(eq(customers.source, f.source));
  if (f.industry) parts.push(eq(customers.industry, f.industry));
  if (f.tag) parts.push(sql`${customers.tags} @> array[${f.tag}]::text[]`);
  // Created dates are calendar days in the company's time zone (Asia/Shanghai).
  if (f.createdFrom)
    parts.push(gte(customers.createdAt, sql`(${f.createdFrom}::date)::timestamp at time zone 'Asia/Shanghai'`));
  if (f.createdTo)
    parts.push(
      lt(customers.createdAt, sql`(${addDays(f.createdTo, 1)}::date)::timestamp at time zone 'Asia/Shanghai'`),
    );
  if (f.keyword) parts.push(customerKeywordWhere(f.keyword, await unmaskedWhere(ctx)));
  parts.push(...attributeWhere(ctx, f));
  return and(...parts) as SQL;
}

/**
 * The attribute filters (issue 14 item 2). An age band is a birth-date range on the company's
 * today: age ≥ A ⇔ born on or before today − A years; age ≤ B ⇔ born after today − (B + 1) years.
 * A masked birth date still shows its year, so filtering masked rows by age reveals no more.
 */
function attributeWhere(ctx: Ctx, f: CustomerFilter): SQL[] {
  const parts: SQL[] = [];
  if (f.gender) parts.push(eq(customers.gender, f.gender));
  if (f.occupation) parts.push(eq(customers.occupation, f.occupation));
  if (f.purchaseIntent) parts.push(eq(customers.purchaseIntent, f.purchaseIntent));
  if (f.interests?.length) parts.push(sql`${customers.interests} && ${sql.param(f.interests)}::text[]`);
  const today = companyDate(ctx.now());
  if (f.ageFrom !== undefined) parts.push(lte(customers.birthDate, yearsBefore(today, f.ageFrom)));
  if (f.ageTo !== undefined) parts.push(gt(customers.birthDate, yearsBefore(today, f.ageTo + 1)));
  if (f.lastDealFrom)
    parts.push(gte(customers.lastDealAt, sql`(${f.lastDealFrom}::date)::timestamp at time zone 'Asia/Shanghai'`));
  if (f.lastDealTo)
    parts.push(
      lt(customers.lastDealAt, sql`(${addDays(f.lastDealTo, 1)}::date)::timestamp at time zone 'Asia/Shanghai'`),
    );
  return parts;
}

const SORTS = {
  updatedAt: customers.updatedAt,
  createdAt: customers.createdAt,
  name: customers.name,
  no: customers.no,
} as const;

/** The columns a customer list row shows, joined with owner and department names. */
function listSelect(ctx: Ctx) {
  return ctx.db
    .select({
      id: customers.id,
      no: customers.no,
      kind: customers.kind,
      name: customers.name,
      mobile: customers.mobile,
      class: customers.class,
      region: customers.region,
      industry: customers.industry,
      source: customers.source,
      tags: customers.tags,
      gender: customers.gender,
      birthDate: customers.birthDate,
      occupation: customers.occupation,
      interests: customers.interests,
      purchaseIntent: customers.purchaseIntent,
      lastDealAt: customers.lastDealAt,
      ownerId: customers.ownerId,
      ownerDeptId: customers.ownerDeptId,
      ownerName: users.name,
      deptName: departments.name,
      lastFollowUpAt: customers.lastFollowUpAt,
      // The bulk actions send it back per row (optimistic lock).
      version: customers.version,
      createdAt: customers.createdAt,
      updatedAt: customers.updatedAt,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .leftJoin(departments, eq(departments.id, customers.ownerDeptId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['where']>>[number];

/** Masks rows the user may not see in clear, and logs the unmasked personal data shown. */
async function present(ctx: Ctx, rows: ListRow[], purpose: string) {
  const clear = await unmaskPolicy(ctx);
  const shown: number[] = [];
  const items = rows.map((r) => {
    const { ownerDeptId: _d, ...row } = r;
    const out = {
      ...row,
      lastFollowUpAt: r.lastFollowUpAt?.toISOString() ?? null,
      lastDealAt: r.lastDealAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
    if (!clear(r)) return maskRow(out);
    if (r.mobile || r.birthDate) shown.push(r.id);
    return out;
  });
  await recordAccess(ctx.db, ctx, 'customer', shown, ['mobile', 'birthDate'], purpose);
  return items;
}

/**
 * Capped count of customers matching the filters within scope: one capped index scan per scope
 * branch (customerScopeBranches), added up and capped again.
 */
export async function countCustomers(ctx: Ctx, f: CustomerFilter) {
  const [branches, filters] = await Promise.all([customerScopeBranches(ctx), filterWhere(ctx, f)]);
  if (branches.length === 0) return { total: 0, capped: false };
  if (branches.length === 1) return cappedCount(ctx.db, customers, and(branches[0], filters));
  const cap = COUNT_CAP + 1;
  const parts = branches.map((b) => sql`(select 1 from ${customers} where ${b} and ${filters} limit ${cap})`);
  const res = await ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from (${sql.join(parts, sql` union all `)} limit ${cap}) t`,
  );
  const n = Number(res.rows[0].n);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** The capped count of each list view the user has (我负责的 / 下属的 / 全部), under the other filters. */
export function countCustomerViews(ctx: Ctx, f: CustomerFilter) {
  return listViewCounts(ctx, 'customer.view', (view) => countCustomers(ctx, { ...f, view }));
}

/** One page of the customer list (filter + sort), with a capped total. */
export async function listCustomers(ctx: Ctx, q: CustomerListQuery) {
  const where = await customerWhere(ctx, q);
  // pageOrder matches the list indexes' DESC NULLS LAST (plain DESC would sort the whole scope).
  // The access-log row of the page is written while the count still runs (issue 10 item 4); the
  // answer still waits for it, so no clear view goes out unlogged.
  const [items, count] = await Promise.all([
    listSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(SORTS[q.sort], q.order, customers.id))
      .limit(q.pageSize)
      .offset(pageOffset(q))
      .then((rows) => present(ctx, rows, 'customer.list')),
    countCustomers(ctx, q),
  ]);
  return pageResult(items, count, q);
}

/**
 * Quick search for pickers (the opportunity, quote, contract and order forms): up to 20 matches by
 * name, pinyin, number, credit code or phone digits within scope, most recently updated first.
 */
export async function searchCustomers(ctx: Ctx, keyword: string) {
  const where = await customerWhere(ctx, { keyword });
  return ctx.db
    .select({ id: customers.id, no: customers.no, name: customers.name })
    .from(customers)
    .where(where)
    .orderBy(...pageOrder(customers.updatedAt, 'desc', customers.id))
    .limit(20);
}

/** An export of the filtered list, or of the selected customers alone (导出所选: `ids`, the other filters ignored). */
export type CustomerExportFilter = CustomerFilter & { ids?: number[] };

/** The WHERE of an export; selected ids must all be in export scope, or the whole export is a 404. */
export async function customerExportWhere(ctx: Ctx, f: CustomerExportFilter): Promise<SQL> {
  if (!f.ids) return customerWhere(ctx, f, 'customer.export');
  const where = and(
    await customerWhere(ctx, { archived: f.archived }, 'customer.export'),
    sql`${customers.id} = any(${sql.param(f.ids)}::bigint[])`,
  ) as SQL;
  const [{ n }] = (await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from ${customers} where ${where}`))
    .rows;
  if (Number(n) !== new Set(f.ids).size) throw new NotFoundError();
  return where;
}

/** Streams every customer matching `where` (from customerExportWhere), in keyset batches. */
export async function* exportCustomerRows(ctx: Ctx, where: SQL, batch = 2000) {
  const batchAfter = (after: number, limit: number) =>
    listSelect(ctx)
      .where(and(where, sql`${customers.id} > ${after}`))
      .orderBy(asc(customers.id))
      .limit(limit);
  for await (const rows of keysetBatches(batchAfter, batch)) yield await present(ctx, rows, 'customer.export');
}
