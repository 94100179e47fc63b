import type { ProductListQuery } from '@sales/core';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, keysetBatches, likePattern, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { productCategories, products } from './products.schema.ts';
import { presentProduct } from './products.service.ts';

export type ProductFilter = Omit<ProductListQuery, 'page' | 'pageSize'>;

/** WHERE of the product list filters (products are company master data: no data scope). */
export function productWhere(f: ProductFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.categoryId) parts.push(eq(products.categoryId, f.categoryId));
  if (f.active) parts.push(eq(products.active, f.active === 'true'));
  if (f.tracking) parts.push(eq(products.tracking, f.tracking));
  // Trigram-indexed substring search over code, name, spec/model and barcode.
  if (f.keyword) parts.push(sql`${products.searchText} like ${likePattern(f.keyword)}`);
  return parts.length ? and(...parts) : undefined;
}

function listSelect(ctx: Ctx) {
  return ctx.db
    .select({
      id: products.id,
      code: products.code,
      name: products.name,
      spec: products.spec,
      unit: products.unit,
      barcode: products.barcode,
      categoryId: products.categoryId,
      categoryName: productCategories.name,
      taxRate: products.taxRate,
      standardPrice: products.standardPrice,
      floorPrice: products.floorPrice,
      cost: products.cost,
      warrantyMonths: products.warrantyMonths,
      tracking: products.tracking,
      shelfLifeDays: products.shelfLifeDays,
      attributes: products.attributes,
      requiresChineseLabel: products.requiresChineseLabel,
      active: products.active,
      version: products.version,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .leftJoin(productCategories, eq(productCategories.id, products.categoryId));
}

/** Capped count of products matching the filters. */
export async function countProducts(ctx: Ctx, f: ProductFilter) {
  return cappedCount(ctx.db, products, productWhere(f));
}

/** One page of products by code, with a capped total; cost only for product.cost holders. */
export async function listProducts(ctx: Ctx, q: ProductListQuery) {
  const [rows, count] = await Promise.all([
    listSelect(ctx).where(productWhere(q)).orderBy(asc(products.code)).limit(q.pageSize).offset(pageOffset(q)),
    countProducts(ctx, q),
  ]);
  return pageResult(
    rows.map((r) => presentProduct(ctx, r)),
    count,
    q,
  );
}

/**
 * Quick lookup for order entry: up to 20 active products whose code starts with q, whose barcode
 * is q, or whose name/spec contains q — exact barcode and code-prefix matches first.
 */
export async function lookupProducts(ctx: Ctx, q: string) {
  const kw = q.toLowerCase();
  const prefix = `${kw.replace(/[\\%_]/g, '\\$&')}%`;
  const rows = await ctx.db
    .select({
      id: products.id,
      code: products.code,
      name: products.name,
      spec: products.spec,
      unit: products.unit,
      barcode: products.barcode,
      taxRate: products.taxRate,
      standardPrice: products.standardPrice,
      floorPrice: products.floorPrice,
      tracking: products.tracking,
      attributes: products.attributes,
    })
    .from(products)
    .where(
      and(
        eq(products.active, true),
        sql`(${products.barcode} = ${q} or ${products.searchText} like ${likePattern(kw)})`,
      ),
    )
    .orderBy(
      sql`(${products.barcode} = ${q}) desc nulls last`,
      sql`(lower(${products.code}) like ${prefix}) desc`,
      asc(products.code),
    )
    .limit(20);
  return rows;
}

/** Streams every product matching the filters in keyset batches (cost rule as on screen). */
export async function* exportProductRows(ctx: Ctx, f: ProductFilter, batch = 2000) {
  const where = productWhere(f);
  const batchAfter = (after: number, limit: number) =>
    listSelect(ctx)
      .where(and(where, sql`${products.id} > ${after}`))
      .orderBy(asc(products.id))
      .limit(limit);
  for await (const rows of keysetBatches(batchAfter, batch)) yield rows.map((r) => presentProduct(ctx, r));
}
