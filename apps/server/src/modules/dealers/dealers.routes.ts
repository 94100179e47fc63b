import {
  BigIdParams,
  DealerInput,
  DealerListQuery,
  DealerReviewInput,
  DealerReviewQuery,
  DealerUpdateInput,
  DealerVisitInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { dealerPeople, getDealer, listDealers, reviewSheet } from './dealers.queries.ts';
import { createDealer, recordVisit, reviewDealer, updateDealer } from './dealers.service.ts';

const tags = ['dealers'];

/** Distributors (经销商, SPEC 5.5): dealer outlets, the monthly performance review with rewards, visits. */
export function dealerRoutes(app: ZodApp, db: Db) {
  // Every :id route looks the dealer up in the dealer.view scope first (404 outside it); the
  // changes then need dealer.manage (edit, visits) or dealer.review (the month's review) over it.
  const view = (surface: Surface) => ({ permission: 'dealer.view' as const, resource: 'dealer', surface });

  app.get('/dealers', { config: view('list'), schema: { tags, querystring: DealerListQuery } }, async (req) =>
    listDealers(ctxOf(req, db), req.query),
  );
  app.get(
    '/dealers/reviews',
    {
      // The review sheet: its insider is the one who reviews (manager1), not the owner rep.
      config: { permission: 'dealer.review' as const, resource: 'dealer_review', surface: 'list' as const },
      schema: { tags, querystring: DealerReviewQuery },
    },
    async (req) => reviewSheet(ctxOf(req, db), req.query),
  );
  app.get('/dealers/people', { config: { permission: 'dealer.manage' as const }, schema: { tags } }, async (req) =>
    dealerPeople(ctxOf(req, db)),
  );
  app.get('/dealers/:id', { config: view('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getDealer(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/dealers',
    { config: { permission: 'dealer.manage' as const }, schema: { tags, body: DealerInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createDealer(ctx, req.body);
      return reply.code(201).send(await getDealer(ctx, id));
    },
  );
  app.put(
    '/dealers/:id',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: DealerUpdateInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateDealer(ctx, req.params.id, req.body);
      return getDealer(ctx, req.params.id);
    },
  );
  app.post(
    '/dealers/:id/review',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: DealerReviewInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await reviewDealer(ctx, req.params.id, req.body);
      return getDealer(ctx, req.params.id);
    },
  );
  app.post(
    '/dealers/:id/visits',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: DealerVisitInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      await recordVisit(ctx, req.params.id, req.body);
      return reply.code(201).send(await getDealer(ctx, req.params.id));
    },
  );
}
