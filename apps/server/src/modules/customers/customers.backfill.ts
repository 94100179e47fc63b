import { normalizeCompanyName } from '@sales/core';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { customers } from './customers.schema.ts';
import { customerSearchKeys } from './customers.search.ts';

const BATCH = 2000;

/**
 * Recomputes every stored company-name key (customers.name_norm) with the current
 * normalizeCompanyName, so rows saved before traditional characters were folded to simplified
 * (上海華為技術有限公司 = 上海华为技术, SPEC 2.3 查重) match new ones. A row whose new key is already
 * taken by another live company keeps its old key (the unique index allows one live company per
 * key): such pairs are duplicates to merge by hand, and the count is reported.
 */
export async function recomputeCustomerNameKeys(tx: Tx): Promise<{ changed: number; clashes: number[] }> {
  let changed = 0;
  const clashes: number[] = [];
  let after = 0;
  for (;;) {
    const rows = await tx
      .select({ id: customers.id, name: customers.name, nameNorm: customers.nameNorm })
      .from(customers)
      .where(gt(customers.id, after))
      .orderBy(asc(customers.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    for (const r of rows) {
      const key = normalizeCompanyName(r.name);
      if (key === r.nameNorm) continue;
      // The unique index covers live companies only; the check skips a clash instead of failing.
      const updated = await tx
        .update(customers)
        .set({ nameNorm: key })
        .where(
          and(
            eq(customers.id, r.id),
            sql`not (${customers.kind} = 'company' and ${customers.deletedAt} is null and exists (
              select 1 from customers o where o.name_norm = ${key} and o.id <> ${r.id}
                and o.kind = 'company' and o.deleted_at is null))`,
          ),
        )
        .returning({ id: customers.id });
      if (updated.length) changed += 1;
      else clashes.push(r.id);
    }
  }
  if (clashes.length)
    console.warn(`customers.nameNorm: ${clashes.length} customer(s) keep their old key (clash): ${clashes.join(', ')}`);
  return { changed, clashes };
}

/**
 * Writes the search keys (customers.search.ts: pinyin, phone digits, 1–2-character grams) of every
 * customer saved before they existed, in keyset batches, one set-based UPDATE per batch. Rows
 * whose keys are already current are left alone, so a re-run changes nothing.
 */
export async function recomputeCustomerSearchKeys(tx: Tx, batch = 5000): Promise<number> {
  let changed = 0;
  let after = 0;
  for (;;) {
    const rows = await tx
      .select({
        id: customers.id,
        no: customers.no,
        name: customers.name,
        creditCode: customers.creditCode,
        mobile: customers.mobile,
        phone: customers.phone,
      })
      .from(customers)
      .where(gt(customers.id, after))
      .orderBy(asc(customers.id))
      .limit(batch);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    const keys = rows.map((r) => customerSearchKeys(r));
    // Grams travel as one string per row (arrays of arrays cannot be unnested row-wise); U+001F
    // (unit separator) cannot occur in a name.
    const res = await tx.execute(sql`
      update customers c set search_text = v.t, search_phone = v.p, search_grams = string_to_array(v.g, chr(31))
      from unnest(${sql.param(rows.map((r) => r.id))}::bigint[], ${sql.param(keys.map((k) => k.searchText))}::text[],
                  ${sql.param(keys.map((k) => k.searchPhone))}::text[],
                  ${sql.param(keys.map((k) => k.searchGrams.join('\u001f')))}::text[]) as v(id, t, p, g)
      where c.id = v.id
        and ((c.search_text, c.search_phone) is distinct from (v.t, v.p)
          -- grams are a set: the same grams in another order are current
          or not (c.search_grams @> string_to_array(v.g, chr(31)) and c.search_grams <@ string_to_array(v.g, chr(31))))`);
    changed += res.rowCount ?? 0;
  }
  return changed;
}
