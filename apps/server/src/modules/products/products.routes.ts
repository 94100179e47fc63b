import {
  BigIdParams,
  IntIdParams,
  ProductCategoryInput,
  ProductInput,
  ProductListQuery,
  ProductUpdateInput,
  QueryVersionNo,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { createCategory, deleteCategory, listCategories, updateCategory } from './categories.service.ts';
import { priceRoutes } from './prices.routes.ts';
import { exportProductsXlsx } from './products.export.ts';
import { countProducts, listProducts, lookupProducts } from './products.list.ts';
import { createProduct, getProduct, updateProduct } from './products.service.ts';

const Id = BigIdParams;
const Version = z.object({ version: QueryVersionNo });
const tags = ['products'];
const Filter = ProductListQuery.omit({ page: true, pageSize: true });

/**
 * Products and categories (SPEC 2.8). Products are company master data, not owned records: reads
 * are gated by product.view only (no data scope, so list routes declare no scoped surface).
 */
export function productRoutes(app: ZodApp, db: Db) {
  const cfg = (permission: Permission, resource: string, surface?: Surface) => ({ permission, resource, surface });
  const view = (surface?: Surface) => cfg('product.view', 'product', surface);
  const manage = (resource = 'product') => cfg('product.manage', resource, 'mutation');

  app.get(
    '/product-categories',
    { config: cfg('product.view', 'product_category'), schema: { tags } },
    async (req) => ({
      items: await listCategories(ctxOf(req, db)),
    }),
  );
  app.post(
    '/product-categories',
    { config: manage('product_category'), schema: { tags, body: ProductCategoryInput } },
    async (req, reply) => reply.code(201).send(await createCategory(ctxOf(req, db), req.body)),
  );
  app.put(
    '/product-categories/:id',
    {
      config: manage('product_category'),
      schema: { tags, params: IntIdParams, body: ProductCategoryInput.and(Version) },
    },
    async (req) => updateCategory(ctxOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/product-categories/:id',
    { config: manage('product_category'), schema: { tags, params: IntIdParams, querystring: Version } },
    async (req) => deleteCategory(ctxOf(req, db), req.params.id, req.query.version),
  );

  app.get('/products', { config: view(), schema: { tags, querystring: ProductListQuery } }, async (req) =>
    listProducts(ctxOf(req, db), req.query),
  );
  app.get('/products/count', { config: view(), schema: { tags, querystring: Filter } }, async (req) =>
    countProducts(ctxOf(req, db), req.query),
  );
  app.get(
    '/products/lookup',
    { config: view(), schema: { tags, querystring: z.object({ q: z.string().trim().min(1).max(50) }) } },
    async (req) => ({ items: await lookupProducts(ctxOf(req, db), req.query.q) }),
  );
  app.get('/products/export', { config: view(), schema: { tags, querystring: Filter } }, async (req, reply) => {
    const stream = exportProductsXlsx(ctxOf(req, db), req.query);
    const label = { 'zh-CN': '产品档案', 'zh-TW': '產品檔案', 'en-US': 'products' }[req.locale];
    const name = encodeURIComponent(`${label}-${new Date().toISOString().slice(0, 10)}.xlsx`);
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="products.xlsx"; filename*=UTF-8''${name}`);
    return reply.send(stream);
  });
  app.get('/products/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getProduct(ctxOf(req, db), req.params.id),
  );
  app.post('/products', { config: manage(), schema: { tags, body: ProductInput } }, async (req, reply) =>
    reply.code(201).send(await createProduct(ctxOf(req, db), req.body)),
  );
  app.put('/products/:id', { config: manage(), schema: { tags, params: Id, body: ProductUpdateInput } }, async (req) =>
    updateProduct(ctxOf(req, db), req.params.id, req.body),
  );

  priceRoutes(app, db);
}
