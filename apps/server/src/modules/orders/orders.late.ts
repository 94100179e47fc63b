import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { orders } from './orders.schema.ts';

/** Orders whose goods are still (partly) to deliver. */
export const UNDELIVERED_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'approved',
  'in_preparation',
  'partially_delivered',
];

/** The date the customer expects the goods: the promised date (承诺交期), else the requested one. */
const dueDate = sql<string>`coalesce(${orders.promisedDate}, ${orders.requestedDate})`;

/**
 * SQL: the contract has an order past its delivery date and not fully delivered (SPEC 3.3 风险预警
 * 交付延迟). Computed when read, so it clears itself when the goods go out or the date moves.
 */
export function contractDeliveryLateSql(contractId: AnyPgColumn, today: string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${orders} where ${orders.contractId} = ${contractId}
    and ${orders.status} in (${sql.join(
      UNDELIVERED_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )}) and coalesce(${orders.promisedDate}, ${orders.requestedDate}) < ${today}::date)`;
}

/** A contract's orders past their delivery date and not fully delivered, earliest first. */
export async function lateOrdersOfContract(db: DbOrTx, contractId: number, today: string) {
  return db
    .select({ id: orders.id, no: orders.no, dueDate })
    .from(orders)
    .where(
      and(
        eq(orders.contractId, contractId),
        inArray(orders.status, UNDELIVERED_STATUSES),
        sql`${dueDate} < ${today}::date`,
      ),
    )
    .orderBy(asc(dueDate), asc(orders.id));
}
