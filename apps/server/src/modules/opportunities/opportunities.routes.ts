import {
  BigIdParams,
  ChecklistInput,
  IntIdParams,
  KanbanQuery,
  LoseInput,
  MoveStageInput,
  NeedsAnalysisInput,
  OpportunityFilter,
  OpportunityInput,
  OpportunityListQuery,
  OpportunityUpdateInput,
  PipelineInput,
  PipelineUpdateInput,
  ProposalInput,
  ProposalResponseInput,
  ProposalUpdateInput,
  QueryVersionNo,
  ReopenInput,
  WinInput,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { recordAttachmentRoutes } from '../../platform/files/index.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { documentLinks } from '../../platform/links/index.ts';
import { opportunityKanban } from './kanban.ts';
import { saveNeedsAnalysis } from './needs-analysis.service.ts';
import { findOpportunityForChange, findOpportunityInScope } from './opportunities.access.ts';
import { exportOpportunitiesXlsx } from './opportunities.export.ts';
import { countOpportunities, countOpportunityViews, listOpportunities } from './opportunities.list.ts';
import { getOpportunity, listProposals } from './opportunities.queries.ts';
import { createOpportunity, deleteOpportunity, updateOpportunity } from './opportunities.service.ts';
import { createPipeline, listPipelines, updatePipeline } from './pipelines.service.ts';
import { createProposal, deleteProposal, respondToProposal, updateProposal } from './proposals.service.ts';
import { loseOpportunity, moveStage, reopenOpportunity, setChecklistItem, winOpportunity } from './stage.service.ts';
import { opportunityTimeline } from './timeline.service.ts';

const Id = BigIdParams;
const Version = z.object({ version: QueryVersionNo });
const tags = ['opportunities'];

type OppPermission =
  | 'opportunity.view'
  | 'opportunity.create'
  | 'opportunity.edit'
  | 'opportunity.delete'
  | 'opportunity.export';

export function opportunityRoutes(app: ZodApp, db: Db) {
  // Issue 14 item 6: files on the record, with the record's visibility.
  recordAttachmentRoutes(app, db, {
    entityType: 'opportunity',
    path: '/opportunities',
    resource: 'opportunity',
    view: 'opportunity.view',
    change: 'opportunity.edit',
    visible: (ctx, id, tx) => findOpportunityInScope(ctx, id, tx),
    changeable: (ctx, id, tx) => findOpportunityForChange(ctx, id, tx, 'opportunity.edit'),
  });
  const cfg = (permission: OppPermission, surface: Surface, resource = 'opportunity') => ({
    permission,
    resource,
    surface,
  });
  const view = (surface: Surface) => cfg('opportunity.view', surface);
  const edit = cfg('opportunity.edit', 'mutation');
  const proposal = cfg('opportunity.edit', 'mutation', 'opportunity_proposal');

  app.get(
    '/opportunities',
    { config: view('list'), schema: { tags, querystring: OpportunityListQuery } },
    async (req) => listOpportunities(ctxOf(req, db), req.query),
  );
  app.get(
    '/opportunities/count',
    { config: view('count'), schema: { tags, querystring: OpportunityFilter } },
    async (req) => countOpportunities(ctxOf(req, db), req.query),
  );
  app.get(
    '/opportunities/views',
    { config: view('count'), schema: { tags, querystring: OpportunityFilter.omit({ view: true }) } },
    async (req) => countOpportunityViews(ctxOf(req, db), req.query),
  );
  app.get('/opportunities/kanban', { config: view('list'), schema: { tags, querystring: KanbanQuery } }, async (req) =>
    opportunityKanban(ctxOf(req, db), req.query),
  );
  app.get(
    '/opportunities/export',
    { config: cfg('opportunity.export', 'export'), schema: { tags, querystring: OpportunityFilter } },
    async (req, reply) => {
      const stream = exportOpportunitiesXlsx(ctxOf(req, db), req.query);
      const name = encodeURIComponent(`商机-${new Date().toISOString().slice(0, 10)}.xlsx`);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="opportunities.xlsx"; filename*=UTF-8''${name}`);
      return reply.send(stream);
    },
  );
  app.get('/opportunities/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getOpportunity(ctxOf(req, db), req.params.id),
  );
  // The documents it was made from and those made from it (issue 11 item 3).
  app.get('/opportunities/:id/links', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    documentLinks(ctxOf(req, db), 'opportunity', req.params.id),
  );
  app.get('/opportunities/:id/timeline', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await opportunityTimeline(ctxOf(req, db), req.params.id),
  }));
  app.post(
    '/opportunities',
    { config: cfg('opportunity.create', 'mutation'), schema: { tags, body: OpportunityInput } },
    async (req, reply) => reply.code(201).send(await createOpportunity(ctxOf(req, db), req.body)),
  );
  app.put(
    '/opportunities/:id',
    { config: edit, schema: { tags, params: Id, body: OpportunityUpdateInput } },
    async (req) => updateOpportunity(ctxOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/opportunities/:id',
    { config: cfg('opportunity.delete', 'mutation'), schema: { tags, params: Id, querystring: Version } },
    async (req) => deleteOpportunity(ctxOf(req, db), req.params.id, req.query.version),
  );
  app.post(
    '/opportunities/:id/move',
    { config: edit, schema: { tags, params: Id, body: MoveStageInput } },
    async (req) => moveStage(ctxOf(req, db), req.params.id, req.body),
  );
  app.post('/opportunities/:id/win', { config: edit, schema: { tags, params: Id, body: WinInput } }, async (req) =>
    winOpportunity(ctxOf(req, db), req.params.id, req.body),
  );
  app.post('/opportunities/:id/lose', { config: edit, schema: { tags, params: Id, body: LoseInput } }, async (req) =>
    loseOpportunity(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/opportunities/:id/reopen',
    { config: edit, schema: { tags, params: Id, body: ReopenInput } },
    async (req) => reopenOpportunity(ctxOf(req, db), req.params.id, req.body),
  );
  app.put(
    '/opportunities/:id/checklist',
    { config: edit, schema: { tags, params: Id, body: ChecklistInput } },
    async (req) => setChecklistItem(ctxOf(req, db), req.params.id, req.body),
  );
  app.put(
    '/opportunities/:id/needs-analysis',
    { config: edit, schema: { tags, params: Id, body: NeedsAnalysisInput } },
    async (req) => saveNeedsAnalysis(ctxOf(req, db), req.params.id, req.body),
  );

  app.get('/opportunities/:id/proposals', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await listProposals(ctxOf(req, db), req.params.id),
  }));
  app.post(
    '/opportunities/:id/proposals',
    { config: edit, schema: { tags, params: Id, body: ProposalInput } },
    async (req, reply) => reply.code(201).send(await createProposal(ctxOf(req, db), req.params.id, req.body)),
  );
  app.put(
    '/opportunity-proposals/:id',
    { config: proposal, schema: { tags, params: Id, body: ProposalUpdateInput } },
    async (req) => updateProposal(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/opportunity-proposals/:id/response',
    { config: proposal, schema: { tags, params: Id, body: ProposalResponseInput } },
    async (req) => respondToProposal(ctxOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/opportunity-proposals/:id',
    { config: proposal, schema: { tags, params: Id, querystring: Version } },
    async (req) => deleteProposal(ctxOf(req, db), req.params.id, req.query.version),
  );
}

/** Pipeline settings: everyone who sees opportunities reads them; pipeline.manage changes them. */
export function pipelineRoutes(app: ZodApp, db: Db) {
  const manage = { permission: 'pipeline.manage' as const };
  app.get(
    '/pipelines',
    {
      config: { permission: 'opportunity.view' },
      schema: { tags, querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }) },
    },
    async (req) => ({ items: await listPipelines(ctxOf(req, db), req.query.includeInactive === 'true') }),
  );
  app.post('/pipelines', { config: manage, schema: { tags, body: PipelineInput } }, async (req, reply) =>
    reply.code(201).send(await createPipeline(ctxOf(req, db), req.body)),
  );
  app.put(
    '/pipelines/:id',
    { config: manage, schema: { tags, params: IntIdParams, body: PipelineUpdateInput } },
    async (req) => updatePipeline(ctxOf(req, db), req.params.id, req.body),
  );
}
