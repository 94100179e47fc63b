import {
  AppraisalAcknowledgeInput,
  AppraisalCloseInput,
  AppraisalListQuery,
  AppraisalManualInput,
  AppraisalObjectInput,
  AppraisalRunInput,
  BigIdParams,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { appraisablePeople, getResult, getRun, listRuns } from './appraisal.queries.ts';
import { acknowledgeResult, addManualScore, objectToResult } from './appraisal.review.ts';
import { closeRun, OBJECTION_DOC, runAppraisal } from './appraisal.service.ts';

const tags = ['appraisal'];

/**
 * Appraisal (绩效考核, SPEC 5.2): monthly runs scored from the data with evidence, manual scores,
 * the person's acknowledgement or objection (decided through the approval engine), ranking and closing.
 */
export function appraisalRoutes(app: ZodApp, db: Db) {
  // Every :id route looks the run / result up in the appraisal.view scope first (404 outside it);
  // changes then need appraisal.manage over the person, the acknowledgement being the person's.
  const run = (surface: Surface) => ({ permission: 'appraisal.view' as const, resource: 'appraisal_run', surface });
  const result = (surface: Surface) => ({
    permission: 'appraisal.view' as const,
    resource: 'appraisal_result',
    surface,
  });

  app.get('/appraisal-runs', { config: run('list'), schema: { tags, querystring: AppraisalListQuery } }, async (req) =>
    listRuns(ctxOf(req, db), req.query),
  );
  app.get(
    '/appraisal-runs/people',
    { config: { permission: 'appraisal.manage' as const }, schema: { tags } },
    async (req) => appraisablePeople(ctxOf(req, db)),
  );
  app.get('/appraisal-runs/:id', { config: run('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getRun(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/appraisal-runs',
    { config: { permission: 'appraisal.manage' as const }, schema: { tags, body: AppraisalRunInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await runAppraisal(ctx, req.body);
      return reply.code(201).send(await getRun(ctx, id));
    },
  );
  app.post(
    '/appraisal-runs/:id/close',
    { config: run('mutation'), schema: { tags, params: BigIdParams, body: AppraisalCloseInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await closeRun(ctx, req.params.id, req.body);
      return getRun(ctx, req.params.id);
    },
  );
  app.get('/appraisal-results/:id', { config: result('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getResult(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/appraisal-results/:id/manual-scores',
    { config: result('mutation'), schema: { tags, params: BigIdParams, body: AppraisalManualInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await addManualScore(ctx, req.params.id, req.body);
      return getResult(ctx, req.params.id);
    },
  );
  app.post(
    '/appraisal-results/:id/acknowledge',
    { config: result('mutation'), schema: { tags, params: BigIdParams, body: AppraisalAcknowledgeInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await acknowledgeResult(ctx, req.params.id, req.body);
      return getResult(ctx, req.params.id);
    },
  );
  app.post(
    '/appraisal-results/:id/object',
    { config: result('mutation'), schema: { tags, params: BigIdParams, body: AppraisalObjectInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await objectToResult(ctx, req.params.id, req.body);
      return getResult(ctx, req.params.id);
    },
  );
  // The objection's approval chain and history (the approvers decide there, SPEC 5.2).
  app.get(
    '/appraisal-results/:id/approvals',
    { config: result('byId'), schema: { tags, params: BigIdParams } },
    async (req) => ({ items: await documentApprovals(ctxOf(req, db), OBJECTION_DOC, req.params.id) }),
  );
}
