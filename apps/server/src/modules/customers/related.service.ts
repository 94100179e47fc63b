import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError } from '../../platform/errors/errors.ts';
import { COUNT_CAP } from '../../platform/lists/index.ts';
import { findCustomerInScope } from './customers.access.ts';
import { customerContacts } from './customers.schema.ts';
import {
  companyDay,
  type RelatedType,
  registerRelatedSource,
  relatedSelect,
  relatedSources,
} from './related.sources.ts';

/** How many of each kind's newest records the customer 360 shows. */
export const RELATED_RECENT = 5;

// The customer's live contacts: they share the customer's scope, checked before any source runs.
registerRelatedSource({
  type: 'contact',
  select: async (_ctx, customerId) =>
    relatedSelect(
      customerContacts,
      {
        id: customerContacts.id,
        no: sql`null::text`,
        name: sql`concat_ws(' · ', ${customerContacts.name}, ${customerContacts.title})`,
        status: sql`null::text`,
      },
      null,
      companyDay(customerContacts.createdAt),
      sql`${customerContacts.customerId} = ${customerId} and ${customerContacts.deletedAt} is null and ${customerContacts.archivedAt} is null`,
    ),
});

/** One record of a kind as the customer 360 lists it. */
export interface RelatedItem {
  id: number;
  no: string | null;
  name: string | null;
  status: string | null;
  /** Decimal string (money on the wire); null for records without an amount. */
  amount: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
}

/** A kind's capped count and newest records. */
export interface RelatedKind {
  type: RelatedType;
  total: number;
  totalCapped: boolean;
  recent: RelatedItem[];
}

type Row = {
  type: RelatedType;
  n: number;
  id: number | null;
  no: string | null;
  name: string | null;
  status: string | null;
  amount: string | null;
  date: string | null;
};

/**
 * A kind's branch of the one statement: its capped count (like a list's, ARCHITECTURE convention
 * 11) with its newest RELATED_RECENT records joined on, or one row with a null id when it has none.
 */
function branch(type: RelatedType, select: SQL): SQL {
  return sql`(select ${type}::text as type, c.n, t.id, t.no::text, t.name::text, t.status::text,
      t.amount::text as amount, t.date::text as date
    from (select count(*)::int as n from (select 1 from (${select}) b limit ${COUNT_CAP + 1}) x) c
    left join lateral (select * from (${select}) b order by b.id desc nulls last limit ${RELATED_RECENT}) t on true)`;
}

/**
 * The customer 360 (issue 11 item 3): for each kind of record the viewer may read — contacts,
 * opportunities, quotes, contracts, orders, delivery notes, invoices, payments — its count and its
 * newest records, each read through its own module's scope (a rep sees another rep's orders of the
 * customer neither in the count nor in the list). A kind whose view permission the viewer lacks is
 * left out. One statement for all kinds: one round trip and one pooled connection per request.
 */
export async function customerRelated(ctx: Ctx, customerId: number): Promise<{ items: RelatedKind[] }> {
  await findCustomerInScope(ctx, customerId);
  const branches: SQL[] = [];
  for (const s of relatedSources()) {
    try {
      branches.push(branch(s.type, await s.select(ctx, customerId)));
    } catch (err) {
      // No role grants the kind's view permission at all: the kind is not shown.
      if (!(err instanceof ForbiddenError)) throw err;
    }
  }
  const res = await ctx.db.execute<Row>(sql.join(branches, sql` union all `));
  const kinds = new Map<RelatedType, RelatedKind>();
  for (const r of res.rows) {
    let k = kinds.get(r.type);
    if (!k) {
      k = { type: r.type, total: Math.min(r.n, COUNT_CAP), totalCapped: r.n > COUNT_CAP, recent: [] };
      kinds.set(r.type, k);
    }
    if (r.id !== null)
      k.recent.push({ id: Number(r.id), no: r.no, name: r.name, status: r.status, amount: r.amount, date: r.date });
  }
  for (const k of kinds.values()) k.recent.sort((a, b) => b.id - a.id);
  return { items: relatedSources().flatMap((s) => kinds.get(s.type) ?? []) };
}
