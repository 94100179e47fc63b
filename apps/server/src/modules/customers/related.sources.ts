import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.ts';

/** The kinds of records the customer 360 shows (issue 11 item 3), in the order the page lists them. */
export const RELATED_TYPES = [
  'contact',
  'opportunity',
  'quote',
  'contract',
  'order',
  'delivery',
  'invoice',
  'payment',
  'service_ticket',
  'complaint',
  'return_visit',
  'sales_return',
] as const;
export type RelatedType = (typeof RELATED_TYPES)[number];

/**
 * One kind of a customer's records for the customer 360. Each module registers its own from its
 * index.ts, so the customers module never reads another module's tables or scope rules.
 */
export interface RelatedSource {
  type: RelatedType;
  /**
   * The viewer's records of this kind of one customer, through the owning module's scope helper (a
   * record out of scope does not exist for them): a SELECT with the columns id, no, name, status,
   * amount and date (see relatedSelect), neither ordered nor limited — the caller counts it (capped)
   * and takes the newest five by id, both read through the table's (customer_id, id desc nulls last) index.
   * Throws ForbiddenError when no role of the viewer grants the kind's view permission: the kind is
   * then left out.
   */
  select(ctx: Ctx, customerId: number): Promise<SQL>;
}

const sources = new Map<RelatedType, RelatedSource>();

/** Adds a kind of record to every customer's 360. */
export function registerRelatedSource(source: RelatedSource) {
  if (sources.has(source.type)) throw new Error(`related source ${source.type} registered twice`);
  sources.set(source.type, source);
}

/** The registered sources in display order. */
export function relatedSources(): RelatedSource[] {
  return RELATED_TYPES.flatMap((t) => sources.get(t) ?? []);
}

/** The calendar date of a timestamp in the company's time zone (SPEC: Asia/Shanghai). */
export const companyDay = (col: AnyPgColumn) => sql`(${col} at time zone 'Asia/Shanghai')::date`;

/**
 * The SELECT a source answers: its columns under the names the customer 360 reads. `no` is the
 * document number, `name` its title (null where it has none), `amount` null for records without
 * money (contacts, delivery notes) and `date` the record's own date (a `date` value).
 */
export function relatedSelect(
  table: PgTable,
  cols: { id: AnyPgColumn; no: AnyPgColumn | SQL; name: AnyPgColumn | SQL; status: AnyPgColumn | SQL },
  amount: AnyPgColumn | null,
  date: AnyPgColumn | SQL,
  where: SQL,
): SQL {
  return sql`select ${cols.id} as id, ${cols.no} as no, ${cols.name} as name, ${cols.status} as status,
    ${amount ?? sql`null::numeric`} as amount, ${date} as date from ${table} where ${where}`;
}
