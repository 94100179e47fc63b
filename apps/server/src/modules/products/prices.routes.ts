import {
  BigIdParams,
  CUSTOMER_CLASSES,
  IntIdParams,
  isIsoDate,
  PRICE_LIST_KINDS,
  PriceAdjustmentInput,
  PriceListInput,
  QueryVersionNo,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { listPriceAdjustments, PRICE_ADJUSTMENT_DOC, requestPriceAdjustment } from './price-adjustments.service.ts';
import {
  createPriceList,
  deletePriceList,
  getPriceList,
  listPriceLists,
  productPrice,
  updatePriceList,
} from './price-lists.service.ts';

const Id = BigIdParams;
const Version = z.object({ version: QueryVersionNo });
const DateString = z.string().refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } });
const tags = ['prices'];

/** Price lists / promotions (price.manage), price resolution and price adjustments (price.adjust). */
export function priceRoutes(app: ZodApp, db: Db) {
  const lists = { permission: 'price.manage' as const, resource: 'price_list' };
  app.get(
    '/price-lists',
    {
      config: lists,
      schema: {
        tags,
        querystring: z.object({
          kind: z.enum(PRICE_LIST_KINDS).optional(),
          validOn: DateString.optional(),
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => listPriceLists(ctxOf(req, db), req.query),
  );
  app.get(
    '/price-lists/:id',
    { config: { ...lists, surface: 'byId' }, schema: { tags, params: IntIdParams } },
    async (req) => getPriceList(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/price-lists',
    { config: { ...lists, surface: 'mutation' }, schema: { tags, body: PriceListInput } },
    async (req, reply) => reply.code(201).send(await createPriceList(ctxOf(req, db), req.body)),
  );
  app.put(
    '/price-lists/:id',
    {
      config: { ...lists, surface: 'mutation' },
      schema: { tags, params: IntIdParams, body: PriceListInput.and(Version) },
    },
    async (req) => updatePriceList(ctxOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/price-lists/:id',
    { config: { ...lists, surface: 'mutation' }, schema: { tags, params: IntIdParams, querystring: Version } },
    async (req) => deletePriceList(ctxOf(req, db), req.params.id, req.query.version),
  );

  const view = { permission: 'product.view' as const, resource: 'product', surface: 'byId' as const };
  app.get(
    '/products/:id/price',
    {
      config: view,
      schema: {
        tags,
        params: Id,
        querystring: z.object({ customerClass: z.enum(CUSTOMER_CLASSES).optional(), date: DateString.optional() }),
      },
    },
    async (req) => productPrice(ctxOf(req, db), req.params.id, req.query.customerClass ?? null, req.query.date),
  );
  app.get('/products/:id/price-adjustments', { config: view, schema: { tags, params: Id } }, async (req) => ({
    items: await listPriceAdjustments(ctxOf(req, db), req.params.id),
  }));
  app.post(
    '/products/:id/price-adjustments',
    {
      config: { permission: 'price.adjust', resource: 'product', surface: 'mutation' },
      schema: { tags, params: Id, body: PriceAdjustmentInput },
    },
    async (req, reply) => reply.code(201).send(await requestPriceAdjustment(ctxOf(req, db), req.params.id, req.body)),
  );
  app.get(
    '/price-adjustments/:id/approvals',
    { config: { ...view, resource: 'price_adjustment' }, schema: { tags, params: Id } },
    async (req) => ({ items: await documentApprovals(ctxOf(req, db), PRICE_ADJUSTMENT_DOC, req.params.id) }),
  );
}
