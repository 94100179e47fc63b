import { type PriceListInput, toMoneyString } from '@sales/core';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { cappedCount, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { companyDate } from '../../platform/time.ts';
import './products.messages.ts';
import { productsForPricing } from './products.pricing.ts';
import { priceListItems, priceLists, products } from './products.schema.ts';

const FIELDS = ['name', 'kind', 'customerClass', 'validFrom', 'validTo', 'active', 'items'] as const;

export interface PriceListQuery {
  kind?: 'list' | 'promotion';
  validOn?: string;
  page: number;
  pageSize: number;
}

// Items as a productId → price map, for the audit trail's old/new values.
const itemMap = (items: { productId: number; price: string }[]) =>
  Object.fromEntries(
    [...items].sort((a, b) => a.productId - b.productId).map((i) => [String(i.productId), toMoneyString(i.price)]),
  );

async function assertProducts(tx: Tx, items: PriceListInput['items']) {
  if (items.length === 0) return;
  const ids = items.map((i) => i.productId);
  const found = new Set(
    (await tx.select({ id: products.id }).from(products).where(inArray(products.id, ids))).map((r) => r.id),
  );
  const bad = items.findIndex((i) => !found.has(i.productId));
  if (bad >= 0) throw ValidationError.field(`items.${bad}.productId`, 'priceList.product.invalid');
}

async function insertItems(tx: Tx, listId: number, items: PriceListInput['items']) {
  if (items.length)
    await tx
      .insert(priceListItems)
      .values(items.map((i) => ({ priceListId: listId, productId: i.productId, price: toMoneyString(i.price) })));
}

/** Price lists and promotions, newest validity first, with their item counts; capped total. */
export async function listPriceLists(ctx: Ctx, q: PriceListQuery) {
  const parts: SQL[] = [];
  if (q.kind) parts.push(eq(priceLists.kind, q.kind));
  if (q.validOn)
    parts.push(
      lte(priceLists.validFrom, q.validOn),
      or(isNull(priceLists.validTo), gte(priceLists.validTo, q.validOn)) as SQL,
    );
  const where = parts.length ? and(...parts) : undefined;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        l: priceLists,
        itemCount: sql<number>`(select count(*)::int from ${priceListItems} where ${priceListItems.priceListId} = ${priceLists.id})`,
      })
      .from(priceLists)
      .where(where)
      .orderBy(desc(priceLists.validFrom), desc(priceLists.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, priceLists, where),
  ]);
  const items = rows.map(({ l, itemCount }) => ({ ...present(l), itemCount: Number(itemCount) }));
  return pageResult(items, count, q);
}

const present = (l: typeof priceLists.$inferSelect) => ({
  ...l,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
});

/** One price list with its items (product code, name and standard price beside each price). */
export async function getPriceList(ctx: Ctx, id: number) {
  const [l] = await ctx.db.select().from(priceLists).where(eq(priceLists.id, id));
  if (!l) throw new NotFoundError();
  const items = await ctx.db
    .select({
      productId: priceListItems.productId,
      price: priceListItems.price,
      code: products.code,
      name: products.name,
      spec: products.spec,
      unit: products.unit,
      standardPrice: products.standardPrice,
    })
    .from(priceListItems)
    .innerJoin(products, eq(products.id, priceListItems.productId))
    .where(eq(priceListItems.priceListId, id))
    .orderBy(asc(products.code));
  return { ...present(l), items };
}

/** Creates a price list or promotion with its items. */
export async function createPriceList(ctx: Ctx, input: PriceListInput) {
  const id = await ctx.db.transaction(async (tx) => {
    await assertProducts(tx, input.items);
    const { items, ...header } = input;
    const [row] = await tx.insert(priceLists).values(header).returning({ id: priceLists.id });
    await insertItems(tx, row.id, items);
    await recordAudit(tx, ctx, {
      entityType: 'price_list',
      entityId: row.id,
      action: 'create',
      changes: createdFields({ ...header, items: itemMap(items) }, FIELDS),
    });
    return row.id;
  });
  return getPriceList(ctx, id);
}

/** Replaces a price list's header and items (versioned: 412 when stale). */
export async function updatePriceList(ctx: Ctx, id: number, input: PriceListInput & { version: number }) {
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(priceLists).where(eq(priceLists.id, id)).for('update');
    if (!cur) throw new NotFoundError();
    if (cur.version !== input.version) throw new StaleVersionError();
    await assertProducts(tx, input.items);
    const { items, version: _v, ...header } = input;
    const oldItems = await tx
      .select({ productId: priceListItems.productId, price: priceListItems.price })
      .from(priceListItems)
      .where(eq(priceListItems.priceListId, id));
    const changes = diffFields({ ...cur, items: itemMap(oldItems) }, { ...header, items: itemMap(items) }, FIELDS);
    if (changes.length === 0) return;
    await tx
      .update(priceLists)
      .set({ ...header, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(priceLists.id, id));
    await tx.delete(priceListItems).where(eq(priceListItems.priceListId, id));
    await insertItems(tx, id, items);
    await recordAudit(tx, ctx, { entityType: 'price_list', entityId: id, action: 'update', changes });
  });
  return getPriceList(ctx, id);
}

/** Deletes a price list and its items (documents keep the prices they were priced with). */
export async function deletePriceList(ctx: Ctx, id: number, version: number) {
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(priceLists).where(eq(priceLists.id, id)).for('update');
    if (!cur) throw new NotFoundError();
    if (cur.version !== version) throw new StaleVersionError();
    const oldItems = await tx
      .select({ productId: priceListItems.productId, price: priceListItems.price })
      .from(priceListItems)
      .where(eq(priceListItems.priceListId, id));
    await tx.delete(priceLists).where(eq(priceLists.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'price_list',
      entityId: id,
      action: 'delete',
      changes: diffFields({ ...cur, items: itemMap(oldItems) }, {}, FIELDS),
    });
  });
  return { ok: true };
}

/** The price that applies to a product for a customer class on a date (default: today in China). */
export async function productPrice(ctx: Ctx, productId: number, customerClass: string | null, date?: string) {
  const on = date ?? companyDate(ctx.now());
  const p = (await productsForPricing(ctx.db, [productId], customerClass, on)).get(productId);
  if (!p) throw new NotFoundError();
  return {
    productId,
    customerClass,
    date: on,
    price: p.price,
    standardPrice: p.standardPrice,
    floorPrice: p.floorPrice,
    taxRate: p.taxRate,
  };
}
