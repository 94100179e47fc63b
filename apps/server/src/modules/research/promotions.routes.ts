import {
  BigIdParams,
  DemandInput,
  DemandListQuery,
  DemandOutcomeInput,
  DemandReportInput,
  PromotionInput,
  PromotionListQuery,
  PromotionStageInput,
  StageEvaluationInput,
  VersionInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { STAGE_DOC } from './research.approval.ts';
import { getDemand, listDemands, recordDemandOutcome, registerDemand, reportDemand } from './research.demands.ts';
import {
  addStage,
  createPromotion,
  evaluateStage,
  getPromotion,
  listPromotions,
  submitStage,
} from './research.promotions.ts';

const tags = ['market-research'];

/** Promotions as staged plans (seed 000 5.2.1) and the demand register (SPEC 2.8, seed 002). */
export function promotionRoutes(app: ZodApp, db: Db) {
  const pView = (surface: 'list' | 'byId') => ({
    permission: 'promotion.view' as const,
    resource: 'promotion',
    surface,
  });
  // Changes are gated by promotion.manage (unscoped) and find the promotion through the view scope.
  const pManage = { permission: 'promotion.manage' as const };
  const dManage = { permission: 'demand.manage' as const, resource: 'product_demand', surface: 'mutation' as const };

  app.get('/promotions', { config: pView('list'), schema: { tags, querystring: PromotionListQuery } }, async (req) =>
    listPromotions(ctxOf(req, db), req.query),
  );
  app.get('/promotions/:id', { config: pView('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getPromotion(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/promotions',
    { config: { permission: 'promotion.manage' }, schema: { tags, body: PromotionInput } },
    async (req, reply) => reply.code(201).send({ id: (await createPromotion(ctxOf(req, db), req.body)).id }),
  );
  app.post(
    '/promotions/:id/stages',
    { config: pManage, schema: { tags, params: BigIdParams, body: PromotionStageInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      await addStage(ctx, req.params.id, req.body);
      return reply.code(201).send(await getPromotion(ctx, req.params.id));
    },
  );
  app.post(
    '/promotion-stages/:id/submit',
    { config: pManage, schema: { tags, params: BigIdParams, body: VersionInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      const res = await submitStage(ctx, req.params.id, req.body.version);
      return { id: req.params.id, approval: res };
    },
  );
  app.get(
    '/promotion-stages/:id/approvals',
    {
      config: { permission: 'promotion.view', resource: 'promotion_stage', surface: 'byId' },
      schema: { tags, params: BigIdParams },
    },
    async (req) => ({ items: await documentApprovals(ctxOf(req, db), STAGE_DOC, req.params.id) }),
  );
  app.put(
    '/promotion-stages/:id/evaluation',
    { config: pManage, schema: { tags, params: BigIdParams, body: StageEvaluationInput } },
    async (req) => {
      await evaluateStage(ctxOf(req, db), req.params.id, req.body);
      return { id: req.params.id };
    },
  );

  app.get(
    '/product-demands',
    {
      config: { permission: 'demand.view', resource: 'product_demand', surface: 'list' },
      schema: { tags, querystring: DemandListQuery },
    },
    async (req) => listDemands(ctxOf(req, db), req.query),
  );
  app.get(
    '/product-demands/:id',
    {
      config: { permission: 'demand.view', resource: 'product_demand', surface: 'byId' },
      schema: { tags, params: BigIdParams },
    },
    async (req) => getDemand(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/product-demands',
    { config: { permission: 'demand.register' }, schema: { tags, body: DemandInput } },
    async (req, reply) => reply.code(201).send({ id: (await registerDemand(ctxOf(req, db), req.body)).id }),
  );
  app.post(
    '/product-demands/:id/report',
    { config: dManage, schema: { tags, params: BigIdParams, body: DemandReportInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await reportDemand(ctx, req.params.id, req.body);
      return getDemand(ctx, req.params.id);
    },
  );
  app.post(
    '/product-demands/:id/outcome',
    { config: dManage, schema: { tags, params: BigIdParams, body: DemandOutcomeInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await recordDemandOutcome(ctx, req.params.id, req.body);
      return getDemand(ctx, req.params.id);
    },
  );
}
