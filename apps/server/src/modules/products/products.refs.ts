import { type AnyColumn, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { likePattern } from '../../platform/lists/index.ts';
import { products } from './products.schema.ts';

/** What another module shows or checks about a product (no prices, no cost). */
export interface ProductLabel {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  tracking: 'none' | 'batch' | 'serial';
  shelfLifeDays: number | null;
  active: boolean;
}

/** Products by id in one query (labels for a page of rows, tracking for a ledger write); unknown ids are absent. */
export async function productLabels(db: DbOrTx, ids: number[]): Promise<Map<number, ProductLabel>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: products.id,
      code: products.code,
      name: products.name,
      spec: products.spec,
      unit: products.unit,
      tracking: products.tracking,
      shelfLifeDays: products.shelfLifeDays,
      active: products.active,
    })
    .from(products)
    .where(inArray(products.id, unique));
  return new Map(rows.map((r) => [r.id, { ...r, tracking: r.tracking as ProductLabel['tracking'] }]));
}

/**
 * `productIdCol` is a product whose code, name, spec/model or barcode contains `keyword` — a
 * condition for another module's list, answered by the products trigram index (ILIKE: rows
 * written by SQL seeds keep upper-case codes in search_text; gin_trgm_ops serves ILIKE too).
 */
export function productKeywordMatch(productIdCol: AnyColumn, keyword: string): SQL {
  return sql`${productIdCol} in (select ${products.id} from ${products} where ${products.searchText} ilike ${likePattern(keyword)})`;
}

/** The code of the product `productIdCol` refers to, for another module's ORDER BY. */
export function productCodeOf(productIdCol: AnyColumn): SQL<string> {
  return sql<string>`(select ${products.code} from ${products} where ${products.id} = ${productIdCol})`;
}

/** Products by code in one query (an import's product references); unknown codes are absent. */
export async function productLabelsByCode(db: DbOrTx, codes: string[]): Promise<Map<string, ProductLabel>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: products.id }).from(products).where(inArray(products.code, unique));
  const labels = await productLabels(
    db,
    rows.map((r) => r.id),
  );
  return new Map([...labels.values()].map((l) => [l.code, l]));
}
