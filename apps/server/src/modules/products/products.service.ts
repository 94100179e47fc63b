import { money, type ProductInput, type ProductUpdateInput, toMoneyString } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { type AuditEntry, createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { uniqueCode } from './categories.service.ts';
import './products.messages.ts';
import { priceAdjustments, productCategories, products } from './products.schema.ts';

type ProductRow = typeof products.$inferSelect;

/** Fields recorded field by field in the audit trail (cost separately: its values are secret). */
const AUDITED = [
  'code',
  'name',
  'spec',
  'unit',
  'barcode',
  'categoryId',
  'taxRate',
  'standardPrice',
  'floorPrice',
  'warrantyMonths',
  'tracking',
  'shelfLifeDays',
  'attributes',
  'requiresChineseLabel',
  'active',
] as const;

/** What the trigram-indexed keyword search matches: code, name, spec/model and barcode. */
export const productSearchText = (p: { code: string; name: string; spec: string | null; barcode: string | null }) =>
  [p.code, p.name, p.spec, p.barcode].filter(Boolean).join(' ').toLowerCase();

/**
 * A product as the API shows it. `cost` is a restricted business secret (seed 001 保密范围): the key
 * is absent — not null — for users without product.cost.
 */
export function presentProduct<T extends Partial<ProductRow>>(ctx: Ctx, row: T) {
  const { searchText: _s, cost, ...rest } = row;
  const out = {
    ...rest,
    ...(row.createdAt ? { createdAt: row.createdAt.toISOString() } : {}),
    ...(row.updatedAt ? { updatedAt: row.updatedAt.toISOString() } : {}),
  };
  return can(ctx.principal, 'product.cost') ? { ...out, cost: cost ?? null } : out;
}

// The change of cost is audited as a fact without its values (the audit trail is read more widely).
function costChange(old: string | null, next: string | null): AuditEntry['changes'] {
  const same = (old === null && next === null) || (old !== null && next !== null && money(old).eq(next));
  return same ? [] : [{ field: 'cost', old: old === null ? null : '***', new: next === null ? null : '***' }];
}

async function assertCategory(tx: DbOrTx, categoryId: number | null) {
  if (categoryId === null) return;
  const [c] = await tx
    .select({ id: productCategories.id })
    .from(productCategories)
    .where(eq(productCategories.id, categoryId));
  if (!c) throw ValidationError.field('categoryId', 'product.category.invalid');
}

function assertCostAllowed(ctx: Ctx, cost: string | null | undefined) {
  if (cost !== undefined && !can(ctx.principal, 'product.cost')) throw new ForbiddenError();
}

/** Creates a product with its initial standard and floor prices (later changes go through adjustments). */
export async function createProduct(ctx: Ctx, input: ProductInput) {
  assertCostAllowed(ctx, input.cost);
  const id = await uniqueCode('product.code_exists', () =>
    ctx.db.transaction(async (tx) => {
      await assertCategory(tx, input.categoryId);
      const values = {
        ...input,
        cost: input.cost == null ? null : toMoneyString(input.cost),
        standardPrice: toMoneyString(input.standardPrice),
        floorPrice: toMoneyString(input.floorPrice),
      };
      const [row] = await tx
        .insert(products)
        .values({ ...values, searchText: productSearchText(values) })
        .returning({ id: products.id });
      await recordAudit(tx, ctx, {
        entityType: 'product',
        entityId: row.id,
        action: 'create',
        changes: [...createdFields(values, AUDITED), ...(costChange(null, values.cost) ?? [])],
      });
      return row.id;
    }),
  );
  return getProduct(ctx, id);
}

/** Updates a product's master data (versioned); prices only through an approved adjustment. */
export async function updateProduct(ctx: Ctx, id: number, input: ProductUpdateInput) {
  assertCostAllowed(ctx, input.cost);
  await uniqueCode('product.code_exists', () =>
    ctx.db.transaction(async (tx) => {
      const [cur] = await tx.select().from(products).where(eq(products.id, id)).for('update');
      if (!cur) throw new NotFoundError();
      if (cur.version !== input.version) throw new StaleVersionError();
      // 价格稳定 (SPEC 2.8): a price change is a price adjustment with its approval chain.
      if (input.standardPrice !== undefined && !money(input.standardPrice).eq(cur.standardPrice))
        throw ValidationError.field('standardPrice', 'product.price.adjust_only');
      if (input.floorPrice !== undefined && !money(input.floorPrice).eq(cur.floorPrice))
        throw ValidationError.field('floorPrice', 'product.price.adjust_only');
      await assertCategory(tx, input.categoryId);
      const { version: _v, standardPrice: _s, floorPrice: _f, cost, ...fields } = input;
      const nextCost = cost === undefined ? cur.cost : cost === null ? null : toMoneyString(cost);
      const values = { ...fields, cost: nextCost };
      const changes = [...diffFields(cur, values, AUDITED), ...(costChange(cur.cost, nextCost) ?? [])];
      if (changes.length === 0) return;
      await tx
        .update(products)
        .set({ ...values, searchText: productSearchText(values), version: cur.version + 1, updatedAt: sql`now()` })
        .where(and(eq(products.id, id), eq(products.version, cur.version)));
      await recordAudit(tx, ctx, { entityType: 'product', entityId: id, action: 'update', changes });
    }),
  );
  return getProduct(ctx, id);
}

/** Loads a product row (for update) inside a transaction; unknown ids are 404. */
export async function lockProduct(tx: Tx, id: number): Promise<ProductRow> {
  const [row] = await tx.select().from(products).where(eq(products.id, id)).for('update');
  if (!row) throw new NotFoundError();
  return row;
}

/** One product with its category name and the id of a pending price adjustment, if any. */
export async function getProduct(ctx: Ctx, id: number) {
  const [r] = await ctx.db
    .select({
      p: products,
      categoryName: productCategories.name,
      pendingAdjustmentId: sql<number | null>`(select max(${priceAdjustments.id}) from ${priceAdjustments}
        where ${priceAdjustments.productId} = ${products.id} and ${priceAdjustments.status} = 'pending')`,
    })
    .from(products)
    .leftJoin(productCategories, eq(productCategories.id, products.categoryId))
    .where(eq(products.id, id));
  if (!r) throw new NotFoundError();
  return {
    ...presentProduct(ctx, r.p),
    categoryName: r.categoryName,
    pendingAdjustmentId: r.pendingAdjustmentId === null ? null : Number(r.pendingAdjustmentId),
  };
}
