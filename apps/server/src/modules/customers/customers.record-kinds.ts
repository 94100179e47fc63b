import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { registerRecordKind } from '../../platform/audit/record-kinds.ts';
import { likePattern } from '../../platform/lists/index.ts';
import { customerContacts, customers } from './customers.schema.ts';

// How the PIPL access log names customers and their contacts, and finds them by number or name.
registerRecordKind({
  entityType: 'customer',
  async labels(db, ids) {
    const rows = ids.length
      ? await db
          .select({ id: customers.id, no: customers.no, name: customers.name })
          .from(customers)
          .where(inArray(customers.id, ids))
      : [];
    return new Map(rows.map((r) => [r.id, `${r.no} ${r.name}`]));
  },
  async find(db, text, limit) {
    // The number exactly, or the name through the trigram-indexed search text.
    const rows = await db
      .select({ id: customers.id })
      .from(customers)
      .where(
        or(
          eq(customers.no, text.toUpperCase()),
          and(
            sql`${customers.searchText} like ${likePattern(text)}`,
            sql`lower(${customers.name}) like ${likePattern(text)}`,
          ),
        ),
      )
      .limit(limit);
    return rows.map((r) => r.id);
  },
});

registerRecordKind({
  entityType: 'customer_contact',
  async labels(db, ids) {
    const rows = ids.length
      ? await db
          .select({ id: customerContacts.id, name: customerContacts.name, customer: customers.name })
          .from(customerContacts)
          .innerJoin(customers, eq(customers.id, customerContacts.customerId))
          .where(inArray(customerContacts.id, ids))
      : [];
    return new Map(rows.map((r) => [r.id, `${r.name}（${r.customer}）`]));
  },
  async find(db, text, limit) {
    // A contact by its own name, or every contact of the customers with that number or name.
    const rows = await db
      .select({ id: customerContacts.id })
      .from(customerContacts)
      .innerJoin(customers, eq(customers.id, customerContacts.customerId))
      .where(
        or(
          eq(customerContacts.name, text),
          eq(customers.no, text.toUpperCase()),
          sql`lower(${customers.name}) like ${likePattern(text)}`,
        ),
      )
      .limit(limit);
    return rows.map((r) => r.id);
  },
});
