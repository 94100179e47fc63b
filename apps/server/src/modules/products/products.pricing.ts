import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { type InspectionItemDef, priceListItems, priceLists, productCategories, products } from './products.schema.ts';

/** What a priced line needs to know about a product (no cost: that is a restricted field). */
export interface PricingProduct {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  categoryId: number | null;
  taxRate: string;
  standardPrice: string;
  floorPrice: string;
  tracking: 'none' | 'batch' | 'serial';
  warrantyMonths: number;
  shelfLifeDays: number | null;
  attributes: Record<string, string>;
  /** Must carry Chinese labelling before sale (e.g. medical devices, seed 000 4.4.3 c). */
  requiresChineseLabel: boolean;
  active: boolean;
  /** Best valid price for the customer class on the date (promotion < class list < general list < standard). */
  price: string;
}

/**
 * Products by id with the price that applies on `date` for a customer of `customerClass`
 * (SPEC 2.8): the lowest valid promotion, else the customer-class list, else a general list,
 * else the standard price. Unknown ids are simply absent from the map.
 */
export async function productsForPricing(
  db: DbOrTx,
  ids: number[],
  customerClass: string | null,
  date: string,
): Promise<Map<number, PricingProduct>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(products).where(inArray(products.id, ids));
  const lists = await db
    .select({
      productId: priceListItems.productId,
      price: priceListItems.price,
      kind: priceLists.kind,
      customerClass: priceLists.customerClass,
    })
    .from(priceListItems)
    .innerJoin(priceLists, eq(priceLists.id, priceListItems.priceListId))
    .where(
      and(
        inArray(priceListItems.productId, ids),
        eq(priceLists.active, true),
        lte(priceLists.validFrom, date),
        or(isNull(priceLists.validTo), gte(priceLists.validTo, date)),
        customerClass
          ? or(isNull(priceLists.customerClass), eq(priceLists.customerClass, customerClass))
          : isNull(priceLists.customerClass),
      ),
    )
    .orderBy(
      desc(sql`${priceLists.kind} = 'promotion'`),
      desc(sql`${priceLists.customerClass} is not null`),
      priceListItems.price,
    );
  const best = new Map<number, string>();
  for (const l of lists) if (!best.has(l.productId)) best.set(l.productId, l.price);
  return new Map(
    rows.map((p) => [
      p.id,
      {
        id: p.id,
        code: p.code,
        name: p.name,
        spec: p.spec,
        unit: p.unit,
        categoryId: p.categoryId,
        taxRate: p.taxRate,
        standardPrice: p.standardPrice,
        floorPrice: p.floorPrice,
        tracking: p.tracking as PricingProduct['tracking'],
        warrantyMonths: p.warrantyMonths,
        shelfLifeDays: p.shelfLifeDays,
        attributes: p.attributes,
        requiresChineseLabel: p.requiresChineseLabel,
        active: p.active,
        price: best.get(p.id) ?? p.standardPrice,
      },
    ]),
  );
}

/** Delivery-inspection checklists of product categories (SPEC 3.5), by category id. */
export async function categoryChecklists(db: DbOrTx, categoryIds: number[]): Promise<Map<number, InspectionItemDef[]>> {
  if (categoryIds.length === 0) return new Map();
  const rows = await db
    .select({ id: productCategories.id, items: productCategories.inspectionChecklist })
    .from(productCategories)
    .where(inArray(productCategories.id, categoryIds));
  return new Map(rows.map((r) => [r.id, r.items]));
}
