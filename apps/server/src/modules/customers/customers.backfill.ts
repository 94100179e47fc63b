import { normalizeCompanyName } from '@sales/core';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { customers } from './customers.schema.ts';

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
