import {
  BigIdParams,
  SatisfactionQuery,
  SurveyInput,
  VisitFilter,
  VisitListQuery,
  VisitRecordInput,
  VisitRescheduleInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { countVisits, getVisit, listVisits, satisfactionResults } from './return-visits.queries.ts';
import { createSurvey, recordVisit, rescheduleVisit } from './return-visits.service.ts';

const Id = BigIdParams;
const tags = ['return-visits'];

/** Return visits and satisfaction surveys (SPEC 4.4); each route is schema + permission + one use case. */
export function returnVisitRoutes(app: ZodApp, db: Db) {
  const view = (surface: Surface) => ({ permission: 'visit.view' as const, resource: 'return_visit', surface });
  const change = view('mutation');
  app.get('/return-visits', { config: view('list'), schema: { tags, querystring: VisitListQuery } }, async (req) =>
    listVisits(ctxOf(req, db), req.query),
  );
  app.get('/return-visits/count', { config: view('count'), schema: { tags, querystring: VisitFilter } }, async (req) =>
    countVisits(ctxOf(req, db), req.query),
  );
  app.get('/return-visits/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getVisit(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/return-visits/:id/record',
    { config: change, schema: { tags, params: Id, body: VisitRecordInput } },
    async (req) => recordVisit(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/return-visits/:id/reschedule',
    { config: change, schema: { tags, params: Id, body: VisitRescheduleInput } },
    async (req) => rescheduleVisit(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/satisfaction-surveys',
    { config: { permission: 'survey.manage' as const }, schema: { tags, body: SurveyInput } },
    async (req, reply) => reply.code(201).send(await createSurvey(ctxOf(req, db), req.body)),
  );
  app.get(
    '/satisfaction-results',
    { config: { permission: 'survey.manage' as const }, schema: { tags, querystring: SatisfactionQuery } },
    async (req) => satisfactionResults(ctxOf(req, db), req.query),
  );
}
