import {
  BigIdParams,
  QueryVersionNo,
  SavedCustomerFilterInput,
  SavedCustomerFilterUpdate,
  VersionNo,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import {
  createSavedCustomerFilter,
  deleteSavedCustomerFilter,
  getSavedCustomerFilter,
  listSavedCustomerFilters,
  updateSavedCustomerFilter,
} from './customers.saved-filters.ts';

const tags = ['customers'];
const Id = BigIdParams;

/** Saved customer-list filters (issue 14 item 3): whoever may view customers keeps his own. */
export function savedCustomerFilterRoutes(app: ZodApp, db: Db) {
  const config = (surface: 'list' | 'byId' | 'mutation') => ({
    permission: 'customer.view' as const,
    resource: 'customer_saved_filter',
    surface,
  });
  app.get('/customer-filters', { config: config('list'), schema: { tags } }, async (req) =>
    listSavedCustomerFilters(ctxOf(req, db)),
  );
  app.get('/customer-filters/:id', { config: config('byId'), schema: { tags, params: Id } }, async (req) =>
    getSavedCustomerFilter(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/customer-filters',
    { config: config('mutation'), schema: { tags, body: SavedCustomerFilterInput } },
    async (req, reply) => reply.code(201).send(await createSavedCustomerFilter(ctxOf(req, db), req.body)),
  );
  app.put(
    '/customer-filters/:id',
    {
      config: config('mutation'),
      schema: { tags, params: Id, body: SavedCustomerFilterUpdate.extend({ version: VersionNo }) },
    },
    async (req) => updateSavedCustomerFilter(ctxOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/customer-filters/:id',
    { config: config('mutation'), schema: { tags, params: Id, querystring: z.object({ version: QueryVersionNo }) } },
    async (req) => deleteSavedCustomerFilter(ctxOf(req, db), req.params.id, req.query.version),
  );
}
