import {
  BigIdParams,
  CompetitorInput,
  CompetitorLinkInput,
  CompetitorListQuery,
  CompetitorMoveInput,
  CompetitorUpdate,
  ForecastInput,
  ForecastListQuery,
  ForecastUpdate,
  PeriodQuery,
  ResearchAttachmentInput,
  ResearchReportInput,
  ResearchReportListQuery,
  ResearchReportUpdate,
  VersionInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import {
  addCompetitorMove,
  createCompetitor,
  getCompetitor,
  linkLostOpportunity,
  listCompetitors,
  updateCompetitor,
} from './research.competitors.ts';
import {
  createForecast,
  forecastCategories,
  getForecast,
  listForecasts,
  updateForecast,
} from './research.forecasts.ts';
import {
  attachToReport,
  createReport,
  getReport,
  listReports,
  missingReports,
  submitReport,
  updateReport,
} from './research.reports.ts';

const tags = ['market-research'];

/** Research reports, market forecasts and competitors (SPEC 2.2). */
export function researchRoutes(app: ZodApp, db: Db) {
  const view = (resource: string, surface: Surface) => ({ permission: 'research.view' as const, resource, surface });
  // Writes are gated by research.write (unscoped) and find the record through the view scope: out
  // of scope answers 404 like an unknown id (research.access.ts).
  const write = { permission: 'research.write' as const };
  const cView = { permission: 'competitor.view' as const };
  const cManage = { permission: 'competitor.manage' as const };

  app.get(
    '/research-reports',
    { config: view('research_report', 'list'), schema: { tags, querystring: ResearchReportListQuery } },
    async (req) => listReports(ctxOf(req, db), req.query),
  );
  app.get(
    '/research-reports/missing',
    { config: { permission: 'research.view' }, schema: { tags, querystring: PeriodQuery } },
    async (req) => missingReports(ctxOf(req, db), req.query.period),
  );
  app.get(
    '/research-reports/:id',
    { config: view('research_report', 'byId'), schema: { tags, params: BigIdParams } },
    async (req) => getReport(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/research-reports',
    { config: { permission: 'research.write' }, schema: { tags, body: ResearchReportInput } },
    async (req, reply) => reply.code(201).send({ id: (await createReport(ctxOf(req, db), req.body)).id }),
  );
  app.put(
    '/research-reports/:id',
    { config: write, schema: { tags, params: BigIdParams, body: ResearchReportUpdate } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateReport(ctx, req.params.id, req.body);
      return getReport(ctx, req.params.id);
    },
  );
  app.post(
    '/research-reports/:id/submit',
    { config: write, schema: { tags, params: BigIdParams, body: VersionInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await submitReport(ctx, req.params.id, req.body.version);
      return getReport(ctx, req.params.id);
    },
  );
  app.post(
    '/research-reports/:id/attachments',
    { config: write, schema: { tags, params: BigIdParams, body: ResearchAttachmentInput } },
    async (req, reply) => reply.code(201).send(await attachToReport(ctxOf(req, db), req.params.id, req.body.file)),
  );

  app.get(
    '/market-forecasts',
    { config: view('market_forecast', 'list'), schema: { tags, querystring: ForecastListQuery } },
    async (req) => listForecasts(ctxOf(req, db), req.query),
  );
  app.get(
    '/market-forecasts/categories',
    { config: { permission: 'research.view' }, schema: { tags } },
    async (req) => ({
      items: await forecastCategories(ctxOf(req, db)),
    }),
  );
  app.get(
    '/market-forecasts/:id',
    { config: view('market_forecast', 'byId'), schema: { tags, params: BigIdParams } },
    async (req) => getForecast(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/market-forecasts',
    { config: { permission: 'research.write' }, schema: { tags, body: ForecastInput } },
    async (req, reply) => reply.code(201).send({ id: (await createForecast(ctxOf(req, db), req.body)).id }),
  );
  app.put(
    '/market-forecasts/:id',
    { config: write, schema: { tags, params: BigIdParams, body: ForecastUpdate } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateForecast(ctx, req.params.id, req.body);
      return getForecast(ctx, req.params.id);
    },
  );

  app.get('/competitors', { config: cView, schema: { tags, querystring: CompetitorListQuery } }, async (req) =>
    listCompetitors(ctxOf(req, db), req.query),
  );
  app.get('/competitors/:id', { config: cView, schema: { tags, params: BigIdParams } }, async (req) =>
    getCompetitor(ctxOf(req, db), req.params.id),
  );
  app.post('/competitors', { config: cManage, schema: { tags, body: CompetitorInput } }, async (req, reply) =>
    reply.code(201).send({ id: (await createCompetitor(ctxOf(req, db), req.body)).id }),
  );
  app.put(
    '/competitors/:id',
    { config: cManage, schema: { tags, params: BigIdParams, body: CompetitorUpdate } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateCompetitor(ctx, req.params.id, req.body);
      return getCompetitor(ctx, req.params.id);
    },
  );
  app.post(
    '/competitors/:id/moves',
    { config: cManage, schema: { tags, params: BigIdParams, body: CompetitorMoveInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      await addCompetitorMove(ctx, req.params.id, req.body);
      return reply.code(201).send(await getCompetitor(ctx, req.params.id));
    },
  );
  app.post(
    '/competitors/:id/lost-opportunities',
    { config: cManage, schema: { tags, params: BigIdParams, body: CompetitorLinkInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      await linkLostOpportunity(ctx, req.params.id, req.body.opportunityId);
      return reply.code(201).send(await getCompetitor(ctx, req.params.id));
    },
  );
}
