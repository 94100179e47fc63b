import type { ProductCategoryInput } from '@sales/core';
import { asc, eq, sql } from 'drizzle-orm';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import './products.messages.ts';
import { productCategories, products } from './products.schema.ts';

const FIELDS = ['code', 'name', 'inspectionChecklist'] as const;

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** A foreign key of another table still points at the row (23503). */
function isForeignKeyViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | undefined;
  return err?.code === '23503' || err?.cause?.code === '23503';
}

/** Runs a write; a unique-code race or clash is reported on the code field. */
export async function uniqueCode<T>(key: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw ValidationError.field('code', key);
    throw err;
  }
}

const present = (c: typeof productCategories.$inferSelect & { productCount?: number }) => ({
  ...c,
  productCount: Number(c.productCount ?? 0),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/** Every product category with its delivery-inspection checklist and product count, by code. */
export async function listCategories(ctx: Ctx) {
  const rows = await ctx.db
    .select({
      c: productCategories,
      productCount: sql<number>`(select count(*)::int from ${products} where ${products.categoryId} = ${productCategories.id})`,
    })
    .from(productCategories)
    .orderBy(asc(productCategories.code));
  return rows.map(({ c, productCount }) => present({ ...c, productCount }));
}

/** Creates a product category (code unique). */
export async function createCategory(ctx: Ctx, input: ProductCategoryInput) {
  return uniqueCode('category.code_exists', () =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(productCategories).values(input).returning();
      await recordAudit(tx, ctx, {
        entityType: 'product_category',
        entityId: row.id,
        action: 'create',
        changes: createdFields(input, FIELDS),
      });
      return present(row);
    }),
  );
}

/** Updates a category (versioned: 412 when stale); running deliveries keep the checklist they copied. */
export async function updateCategory(ctx: Ctx, id: number, input: ProductCategoryInput & { version: number }) {
  return uniqueCode('category.code_exists', () =>
    ctx.db.transaction(async (tx) => {
      const [cur] = await tx.select().from(productCategories).where(eq(productCategories.id, id)).for('update');
      if (!cur) throw new NotFoundError();
      if (cur.version !== input.version) throw new StaleVersionError();
      const { version: _v, ...values } = input;
      const changes = diffFields(cur, values, FIELDS);
      if (changes.length === 0) return present(cur);
      const [row] = await tx
        .update(productCategories)
        .set({ ...values, version: cur.version + 1, updatedAt: sql`now()` })
        .where(eq(productCategories.id, id))
        .returning();
      await recordAudit(tx, ctx, { entityType: 'product_category', entityId: id, action: 'update', changes });
      return present(row);
    }),
  );
}

/** Deletes an unused category (409 while products still belong to it). */
export async function deleteCategory(ctx: Ctx, id: number, version: number) {
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(productCategories).where(eq(productCategories.id, id)).for('update');
    if (!cur) throw new NotFoundError();
    if (cur.version !== version) throw new StaleVersionError();
    const used = await tx.select({ id: products.id }).from(products).where(eq(products.categoryId, id)).limit(1);
    if (used.length) throw new ConflictError('category.in_use');
    // Other modules refer to categories too (market forecasts by product line): their foreign keys
    // refuse the delete, which is the same answer — still in use.
    await tx
      .delete(productCategories)
      .where(eq(productCategories.id, id))
      .catch((e) => {
        throw isForeignKeyViolation(e) ? new ConflictError('category.in_use') : e;
      });
    await recordAudit(tx, ctx, {
      entityType: 'product_category',
      entityId: id,
      action: 'delete',
      changes: diffFields(cur, {}, FIELDS),
    });
  });
  return { ok: true };
}
