import { CONTACT_FIELDS, type ContactInput, type CustomerInput, normalizeCompanyName } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { columnNames, copyRows } from '../../db/copy.ts';
import { type AuditEntry, createdFields, recordAuditCopy } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { nextDocNumbers } from '../../platform/numbering/numbering.service.ts';
import { bookFact } from '../analytics/index.ts';
import { customerContacts, customers } from './customers.schema.ts';
import { customerSearchKeys } from './customers.search.ts';
import { AUDITED_FIELDS } from './customers.service.ts';

/** The keys of many candidate customers, for one duplicate query (查重, SPEC 2.3). */
export interface DuplicateKeySets {
  mobiles: string[];
  creditCodes: string[];
  idNumbers: string[];
  /** Normalised company names (normalizeCompanyName). */
  companyNames: string[];
}

/**
 * The keys among `keys` that a live customer already holds, by the rules of findDuplicate (same
 * mobile, credit code, ID number, or company with the same normalised name), in one query served
 * by the unique indexes. Not scoped: the rules apply across the whole company.
 */
export async function existingDuplicateKeys(db: DbOrTx, keys: DuplicateKeySets) {
  const res = await db.execute<{ k: string; v: string }>(sql`
    select 'mobile' k, mobile_norm v from customers where deleted_at is null and mobile_norm = any(${sql.param(keys.mobiles)}::text[])
    union all
    select 'creditCode', credit_code from customers where deleted_at is null and credit_code = any(${sql.param(keys.creditCodes)}::text[])
    union all
    select 'idNumber', id_number from customers where deleted_at is null and id_number = any(${sql.param(keys.idNumbers)}::text[])
    union all
    select 'name', name_norm from customers where deleted_at is null and kind = 'company' and name_norm = any(${sql.param(keys.companyNames)}::text[])`);
  const out = {
    mobile: new Set<string>(),
    creditCode: new Set<string>(),
    idNumber: new Set<string>(),
    name: new Set<string>(),
  };
  for (const r of res.rows) out[r.k as keyof typeof out].add(r.v);
  return out;
}

export interface NewCustomer {
  input: CustomerInput;
  ownerId: number;
  ownerDeptId: number;
  contact: ContactInput | null;
  /** Worked out ahead by a caller that has the time (an import, while the previous batch is written). */
  nameNorm?: string;
  pinyin?: { full: string; initials: string };
}

/**
 * Creates many customers (each with an optional primary contact) inside the caller's transaction,
 * the way insertCustomer creates one: numbers in sequence, normalised and search keys, the new-
 * customer fact credited to the owner, and a create audit row per customer and per contact — in a
 * few statements per batch instead of several per row. The caller has checked duplicates and
 * owners already (an import's dry run); the unique indexes still refuse a racing duplicate.
 */
export async function insertCustomersBatch(tx: Tx, ctx: Ctx, rows: NewCustomer[], comment: string | null = null) {
  if (rows.length === 0) return [];
  const numbers = await nextDocNumbers(tx, 'customer', ctx.now(), rows.length);
  const values = rows.map((r, i) => {
    const v = {
      ...r.input,
      ownerId: r.ownerId,
      ownerDeptId: r.ownerDeptId,
      no: numbers[i],
      nameNorm: r.nameNorm ?? normalizeCompanyName(r.input.name),
      mobileNorm: r.input.mobile,
      createdBy: ctx.principal.userId,
    };
    return { ...v, ...customerSearchKeys(v, r.pinyin) };
  });
  // B7: the rows go by COPY into a staging table and on with one INSERT … SELECT (no thousands of
  // bound parameters); the staging table lives in the caller's transaction only.
  const keys = [...new Set(values.flatMap((v) => Object.keys(v)))].filter((k) => k !== 'id');
  const cols = columnNames(customers, keys)
    .map((c) => `"${c}"`)
    .join(', ');
  await tx.execute(sql.raw(`drop table if exists pg_temp.customers_stage`));
  await tx.execute(
    sql.raw(`create temp table customers_stage on commit drop as select ${cols} from customers limit 0`),
  );
  await copyRows(tx, 'customers_stage', customers, keys, values);
  const inserted = await tx.execute<{ id: number; no: string; name: string }>(
    sql.raw(`insert into customers (${cols}) select ${cols} from customers_stage returning id, no, name`),
  );
  const byNo = new Map(inserted.rows.map((r) => [r.no, { id: Number(r.id), no: r.no, name: r.name }]));
  const created = values.map((v) => byNo.get(v.no) as { id: number; no: string; name: string });
  const ids = created.map((c) => c.id);
  await bookFact.customersCreated(tx, ctx, ids);
  const audit: AuditEntry[] = created.map((c, i) => ({
    entityType: 'customer',
    entityId: c.id,
    action: 'create',
    changes: createdFields(values[i], AUDITED_FIELDS),
    comment,
  }));
  const contactRows = rows.flatMap((r, i) =>
    r.contact ? [{ ...r.contact, isPrimary: true, customerId: ids[i], mobileNorm: r.contact.mobile }] : [],
  );
  if (contactRows.length > 0) {
    const ckeys = [...new Set(contactRows.flatMap((v) => Object.keys(v)))];
    const ccols = columnNames(customerContacts, ckeys)
      .map((c) => `"${c}"`)
      .join(', ');
    await tx.execute(sql.raw(`drop table if exists pg_temp.contacts_stage`));
    await tx.execute(
      sql.raw(`create temp table contacts_stage on commit drop as select ${ccols} from customer_contacts limit 0`),
    );
    await copyRows(tx, 'contacts_stage', customerContacts, ckeys, contactRows);
    const contacts = await tx.execute<{ id: number; customer_id: number }>(
      sql.raw(`insert into customer_contacts (${ccols}) select ${ccols} from contacts_stage returning id, customer_id`),
    );
    // One primary contact per customer: the contact row of a customer id.
    const contactOf = new Map(contacts.rows.map((c) => [Number(c.customer_id), Number(c.id)]));
    for (const row of contactRows) {
      audit.push({
        entityType: 'customer_contact',
        entityId: contactOf.get(row.customerId) as number,
        action: 'create',
        changes: createdFields(row, CONTACT_FIELDS),
        comment,
      });
    }
  }
  await recordAuditCopy(tx, ctx, audit);
  return created.map((c, i) => ({ ...c, contactName: rows[i].contact?.name ?? null }));
}
