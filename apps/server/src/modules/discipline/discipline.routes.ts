import {
  BigIdParams,
  DisciplineAcknowledgeInput,
  DisciplineDecideInput,
  DisciplineInput,
  DisciplineLevelQuery,
  DisciplineListQuery,
  DisciplineUpdateInput,
  DisciplineVoidInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { acknowledgeDisciplineRecord, decideDisciplineRecord, voidDisciplineRecord } from './discipline.decide.ts';
import { getDisciplineRecord, listDisciplineRecords, previewLevel, recordablePeople } from './discipline.queries.ts';
import { createDisciplineRecord, updateDisciplineRecord } from './discipline.service.ts';

const tags = ['discipline'];

/** Discipline (奖惩, SPEC 5.6): incident and reward records, the decision, the person's acknowledgement. */
export function disciplineRoutes(app: ZodApp, db: Db) {
  // Every :id route looks the record up in the discipline.view scope first (404 outside it); the
  // changes then need discipline.record over the person, the acknowledgement being the person.
  const view = (surface: Surface) => ({
    permission: 'discipline.view' as const,
    resource: 'discipline_record',
    surface,
  });

  app.get(
    '/discipline-records',
    { config: view('list'), schema: { tags, querystring: DisciplineListQuery } },
    async (req) => listDisciplineRecords(ctxOf(req, db), req.query),
  );
  app.get(
    '/discipline-records/people',
    { config: { permission: 'discipline.record' as const }, schema: { tags } },
    async (req) => recordablePeople(ctxOf(req, db)),
  );
  app.get(
    '/discipline-records/level',
    { config: { permission: 'discipline.record' as const }, schema: { tags, querystring: DisciplineLevelQuery } },
    async (req) => previewLevel(ctxOf(req, db), req.query),
  );
  app.get('/discipline-records/:id', { config: view('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getDisciplineRecord(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/discipline-records',
    { config: { permission: 'discipline.record' as const }, schema: { tags, body: DisciplineInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createDisciplineRecord(ctx, req.body);
      return reply.code(201).send(await getDisciplineRecord(ctx, id));
    },
  );
  app.put(
    '/discipline-records/:id',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: DisciplineUpdateInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateDisciplineRecord(ctx, req.params.id, req.body);
      return getDisciplineRecord(ctx, req.params.id);
    },
  );
  app.post(
    '/discipline-records/:id/decide',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: DisciplineDecideInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await decideDisciplineRecord(ctx, req.params.id, req.body);
      return getDisciplineRecord(ctx, req.params.id);
    },
  );
  app.post(
    '/discipline-records/:id/acknowledge',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: DisciplineAcknowledgeInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await acknowledgeDisciplineRecord(ctx, req.params.id, req.body);
      return getDisciplineRecord(ctx, req.params.id);
    },
  );
  app.post(
    '/discipline-records/:id/void',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: DisciplineVoidInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await voidDisciplineRecord(ctx, req.params.id, req.body);
      return getDisciplineRecord(ctx, req.params.id);
    },
  );
}
