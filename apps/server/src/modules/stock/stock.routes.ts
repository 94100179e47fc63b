import {
  AdjustInput,
  AvailabilityQuery,
  BatchQuery,
  InboundInput,
  IntIdParams,
  MovementQuery,
  StockListQuery,
  WarehouseInput,
  WarehouseUpdateInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { listBatches, listMovements, listStock, listWarehouses, stockAvailability } from './stock.queries.ts';
import { adjustStock, createWarehouse, receiveInbound, updateWarehouse } from './stock.service.ts';

const tags = ['stock'];

/** Stock routes: unscoped master data and ledger, gated by stock.view / stock.manage (SPEC 3.5). */
export function stockRoutes(app: ZodApp, db: Db) {
  const view = { permission: 'stock.view' as const };
  const manage = { permission: 'stock.manage' as const };
  app.get('/warehouses', { config: view, schema: { tags } }, async (req) => listWarehouses(ctxOf(req, db)));
  app.post('/warehouses', { config: manage, schema: { tags, body: WarehouseInput } }, async (req, reply) =>
    reply.code(201).send(await createWarehouse(ctxOf(req, db), req.body)),
  );
  app.put(
    '/warehouses/:id',
    { config: manage, schema: { tags, params: IntIdParams, body: WarehouseUpdateInput } },
    async (req) => updateWarehouse(ctxOf(req, db), req.params.id, req.body),
  );
  app.get('/stock', { config: view, schema: { tags, querystring: StockListQuery } }, async (req) =>
    listStock(ctxOf(req, db), req.query),
  );
  app.get('/stock/availability', { config: view, schema: { tags, querystring: AvailabilityQuery } }, async (req) =>
    stockAvailability(ctxOf(req, db), req.query.productIds, req.query.warehouseId),
  );
  app.get('/stock/batches', { config: view, schema: { tags, querystring: BatchQuery } }, async (req) =>
    listBatches(ctxOf(req, db), req.query),
  );
  app.post('/stock/inbound', { config: manage, schema: { tags, body: InboundInput } }, async (req, reply) =>
    reply.code(201).send(await receiveInbound(ctxOf(req, db), req.body)),
  );
  app.post('/stock/adjust', { config: manage, schema: { tags, body: AdjustInput } }, async (req) =>
    adjustStock(ctxOf(req, db), req.body),
  );
  app.get('/stock/movements', { config: view, schema: { tags, querystring: MovementQuery } }, async (req) =>
    listMovements(ctxOf(req, db), req.query),
  );
}
