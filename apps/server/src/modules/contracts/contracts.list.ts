import { type ContractFilter, type ContractListQuery, type ContractStatus, money, toMoneyString } from '@sales/core';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors/errors.ts';
import {
  cappedCount,
  keysetBatches,
  likePattern,
  listViewCounts,
  listViewWhere,
  pageOffset,
  pageOrder,
  pageResult,
} from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { contractDeliveryLateSql } from '../orders/index.ts';
import { contractScope } from './contracts.access.ts';
import { presentLedgerPrices, seesContractPrices } from './contracts.prices.ts';
import { contractPaymentPlan, contracts } from './contracts.schema.ts';

/** A plan item past due and not fully received (回款逾期), as of `today`. */
export const overdueSql = (today: string) =>
  sql<boolean>`exists (select 1 from ${contractPaymentPlan} p where p.contract_id = ${contracts.id} and p.due_date < ${today}::date and p.received_amount < p.amount)`;

/** WHERE for the ledger filters, always combined with the user's data scope for `permission`. */
export async function contractWhere(
  ctx: Ctx,
  f: ContractFilter,
  permission: 'contract.view' | 'contract.export' = 'contract.view',
): Promise<SQL> {
  const today = companyDate(ctx.now());
  const parts: (SQL | undefined)[] = [await contractScope(ctx, permission)];
  if (f.status) parts.push(eq(contracts.status, f.status));
  if (f.customerId) parts.push(eq(contracts.customerId, f.customerId));
  parts.push(await listViewWhere(ctx, 'contract.view', f.view, contracts.ownerId, contracts.ownerDeptId));
  if (f.ownerId) parts.push(eq(contracts.ownerId, f.ownerId));
  if (f.keyword)
    parts.push(
      sql`lower(${contracts.no} || ' ' || ${contracts.title} || ' ' || ${contracts.partyB}) like ${likePattern(f.keyword)}`,
    );
  if (f.expiringWithinDays !== undefined) {
    // Signed contracts whose end date falls within the next N days (partial index contracts_end_idx).
    parts.push(
      sql`${contracts.status} = 'signed' and ${contracts.endDate} between ${today}::date and ${today}::date + ${f.expiringWithinDays}::int`,
    );
  }
  if (f.overdue !== undefined) parts.push(f.overdue ? overdueSql(today) : sql`not ${overdueSql(today)}`);
  if (f.deliveryLate !== undefined) {
    const late = contractDeliveryLateSql(contracts.id, today);
    parts.push(f.deliveryLate ? late : sql`not ${late}`);
  }
  return and(...parts) as SQL;
}

function listSelect(ctx: Ctx) {
  const today = companyDate(ctx.now());
  return ctx.db
    .select({
      id: contracts.id,
      no: contracts.no,
      title: contracts.title,
      customerId: contracts.customerId,
      customerName: contracts.partyB,
      status: contracts.status,
      revision: contracts.revision,
      amount: contracts.amount,
      invoicedAmount: contracts.invoicedAmount,
      receivedAmount: contracts.receivedAmount,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      signedDate: contracts.signedDate,
      overdue: overdueSql(today),
      deliveryLate: contractDeliveryLateSql(contracts.id, today),
      ownerId: contracts.ownerId,
      ownerName: users.name,
      deptName: departments.name,
      version: contracts.version,
      createdAt: contracts.createdAt,
      updatedAt: contracts.updatedAt,
    })
    .from(contracts)
    .leftJoin(users, eq(users.id, contracts.ownerId))
    .leftJoin(departments, eq(departments.id, contracts.ownerDeptId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['where']>>[number];

/**
 * A ledger row: money as 2-decimal strings, remaining = amount − received; the amounts null and
 * `pricesMasked` for a user without contract.prices (SPEC 1.2).
 */
export function presentRow(r: ListRow, seesPrices: boolean) {
  return presentLedgerPrices(ledgerRow(r), seesPrices);
}

function ledgerRow(r: ListRow) {
  return {
    ...r,
    status: r.status as ContractStatus,
    amount: toMoneyString(r.amount),
    invoicedAmount: toMoneyString(r.invoicedAmount),
    receivedAmount: toMoneyString(r.receivedAmount),
    remainingAmount: toMoneyString(money(r.amount).minus(r.receivedAmount)),
    overdue: Boolean(r.overdue),
    deliveryLate: Boolean(r.deliveryLate),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const SORTS = {
  updatedAt: contracts.updatedAt,
  createdAt: contracts.createdAt,
  endDate: contracts.endDate,
  amount: contracts.amount,
  no: contracts.no,
} as const;

/** Capped count of contracts matching the filters within scope. */
export async function countContracts(ctx: Ctx, f: ContractFilter) {
  return cappedCount(ctx.db, contracts, await contractWhere(ctx, f));
}

/** The capped count of each list view the user has (我负责的 / 下属的 / 全部), under the other filters. */
export function countContractViews(ctx: Ctx, f: ContractFilter) {
  return listViewCounts(ctx, 'contract.view', (view) => countContracts(ctx, { ...f, view }));
}

/** One page of the contract ledger (合同台账), with a capped total. */
export async function listContracts(ctx: Ctx, q: ContractListQuery) {
  // Ordering by an amount one sees masked would still rank the contracts by it.
  if (q.sort === 'amount' && !seesContractPrices(ctx)) throw ValidationError.field('sort', 'contract.prices.sort');
  const where = await contractWhere(ctx, q);
  const [rows, count] = await Promise.all([
    listSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(SORTS[q.sort], q.order, contracts.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    countContracts(ctx, q),
  ]);
  const sees = seesContractPrices(ctx);
  return pageResult(
    rows.map((r) => presentRow(r, sees)),
    count,
    q,
  );
}

/** Streams every contract matching the filters within export scope, in keyset batches. */
export async function* exportContractRows(ctx: Ctx, f: ContractFilter, batch = 2000) {
  const where = await contractWhere(ctx, f, 'contract.export');
  const batchAfter = (after: number, limit: number) =>
    listSelect(ctx)
      .where(and(where, sql`${contracts.id} > ${after}`))
      .orderBy(asc(contracts.id))
      .limit(limit);
  const sees = seesContractPrices(ctx);
  for await (const rows of keysetBatches(batchAfter, batch)) yield rows.map((r) => presentRow(r, sees));
}
