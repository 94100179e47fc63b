import {
  BigIdParams,
  ConflictResolveInput,
  DateQuery,
  DateRangeQuery,
  DutyGroupInput,
  DutyRosterInput,
  IntIdParams,
  MarketSurveyInput,
  RegistrationInput,
  RegistrationQuery,
  RegistrationStatsQuery,
  ReplacementGrantInput,
  VersionNo,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { onDuty } from './duty.rotation.ts';
import { createDutyGroup, getRoster, listDutyGroups, setRoster, updateDutyGroup } from './duty.service.ts';
import { resolveConflict } from './front-desk.conflict.ts';
import { getRegistration, listRegistrations, registrationStats } from './front-desk.list.ts';
import { flagMarketSurvey, grantReplacement, registerVisit } from './front-desk.service.ts';

const Id = BigIdParams;

export function frontDeskRoutes(app: ZodApp, db: Db) {
  const cfg = (permission: Permission, resource: string, surface?: Surface) => ({ permission, resource, surface });
  const tags = ['front-desk'];

  app.post(
    '/front-desk/registrations',
    {
      config: cfg('frontdesk.register', 'frontdesk_registration', 'mutation'),
      schema: { tags, body: RegistrationInput },
    },
    async (req, reply) => reply.code(201).send(await registerVisit(ctxOf(req, db), req.body)),
  );
  app.get(
    '/front-desk/registrations',
    {
      config: cfg('frontdesk.view', 'frontdesk_registration', 'list'),
      schema: { tags, querystring: RegistrationQuery },
    },
    async (req) => listRegistrations(ctxOf(req, db), req.query),
  );
  app.get(
    '/front-desk/registrations/:id',
    { config: cfg('frontdesk.view', 'frontdesk_registration', 'byId'), schema: { tags, params: Id } },
    async (req) => getRegistration(ctxOf(req, db), req.params.id),
  );
  // The desk's own acts (unscoped: the front desk registers for every department).
  app.post(
    '/front-desk/registrations/:id/market-survey',
    {
      config: cfg('frontdesk.register', 'frontdesk_desk', 'mutation'),
      schema: { tags, params: Id, body: MarketSurveyInput },
    },
    async (req) => flagMarketSurvey(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/front-desk/registrations/:id/replacement',
    {
      config: cfg('frontdesk.grant', 'frontdesk_grant', 'mutation'),
      schema: { tags, params: Id, body: ReplacementGrantInput },
    },
    async (req, reply) => reply.code(201).send(await grantReplacement(ctxOf(req, db), req.params.id, req.body)),
  );
  // 归属冲突: the manager over the owner's department keeps the owner or reassigns (audited).
  app.post(
    '/front-desk/registrations/:id/conflict',
    {
      config: cfg('frontdesk.resolve', 'frontdesk_resolve', 'mutation'),
      schema: { tags, params: Id, body: ConflictResolveInput },
    },
    async (req) => resolveConflict(ctxOf(req, db), req.params.id, req.body),
  );
  app.get(
    '/front-desk/stats',
    {
      config: cfg('frontdesk.view', 'frontdesk_registration', 'count'),
      schema: { tags, querystring: RegistrationStatsQuery },
    },
    async (req) => registrationStats(ctxOf(req, db), req.query),
  );
  app.get(
    '/front-desk/on-duty',
    { config: cfg('frontdesk.view', 'frontdesk_desk'), schema: { tags, querystring: DateQuery } },
    async (req) => onDuty(ctxOf(req, db), req.query.date),
  );

  // Duty groups (接待小组) and the daily duty roster (值班表, 轮值).
  const duty = (surface: Surface) => cfg('duty.manage', 'duty_group', surface);
  app.get('/duty-groups', { config: duty('list'), schema: { tags } }, async (req) => ({
    items: await listDutyGroups(ctxOf(req, db)),
  }));
  app.post('/duty-groups', { config: duty('mutation'), schema: { tags, body: DutyGroupInput } }, async (req, reply) =>
    reply.code(201).send(await createDutyGroup(ctxOf(req, db), req.body)),
  );
  app.put(
    '/duty-groups/:id',
    {
      config: duty('mutation'),
      schema: { tags, params: IntIdParams, body: DutyGroupInput.extend({ version: VersionNo }) },
    },
    async (req) => updateDutyGroup(ctxOf(req, db), req.params.id, req.body),
  );
  app.get(
    '/duty-groups/:id/roster',
    { config: duty('byId'), schema: { tags, params: IntIdParams, querystring: DateRangeQuery } },
    async (req) => getRoster(ctxOf(req, db), req.params.id, req.query),
  );
  app.put(
    '/duty-groups/:id/roster',
    { config: duty('mutation'), schema: { tags, params: IntIdParams, body: DutyRosterInput } },
    async (req) => setRoster(ctxOf(req, db), req.params.id, req.body),
  );
}
