import {
  BigIdParams,
  IntIdParams,
  LateStepQuery,
  MilestoneListQuery,
  MilestoneStartInput,
  MilestoneStepCompleteInput,
  MilestoneTemplateInput,
  MilestoneTemplateUpdate,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { completeMilestoneStep, startMilestoneProcess } from './milestones.processes.ts';
import { getMilestoneProcess, listLateSteps, listMilestoneProcesses } from './milestones.queries.ts';
import { createMilestoneTemplate, listMilestoneTemplates, updateMilestoneTemplate } from './milestones.templates.ts';

const tags = ['milestones'];

/** Post-sale milestone processes (交付后流程, SPEC 4.5): templates, instances per deal, late steps. */
export function milestoneRoutes(app: ZodApp, db: Db) {
  const manage = { permission: 'milestone.manage' as const };
  // Company configuration, read by whoever starts a process and by the administrator who edits it.
  app.get('/milestone-templates', { schema: { tags } }, async (req) => listMilestoneTemplates(ctxOf(req, db)));
  app.post(
    '/milestone-templates',
    { config: manage, schema: { tags, body: MilestoneTemplateInput } },
    async (req, reply) => reply.code(201).send(await createMilestoneTemplate(ctxOf(req, db), req.body)),
  );
  app.put(
    '/milestone-templates/:id',
    { config: manage, schema: { tags, params: IntIdParams, body: MilestoneTemplateUpdate } },
    async (req) => updateMilestoneTemplate(ctxOf(req, db), req.params.id, req.body),
  );

  const view = (surface: Surface) => ({
    permission: 'milestone.view' as const,
    resource: 'milestone_process',
    surface,
  });
  app.get(
    '/milestone-processes',
    { config: view('list'), schema: { tags, querystring: MilestoneListQuery } },
    async (req) => listMilestoneProcesses(ctxOf(req, db), req.query),
  );
  app.get(
    '/milestone-processes/late-steps',
    { config: view('list'), schema: { tags, querystring: LateStepQuery } },
    async (req) => listLateSteps(ctxOf(req, db), req.query),
  );
  app.get('/milestone-processes/:id', { config: view('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getMilestoneProcess(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/milestone-processes',
    {
      config: { permission: 'milestone.handle', resource: 'milestone_process', surface: 'mutation' },
      schema: { tags, body: MilestoneStartInput },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await startMilestoneProcess(ctx, req.body);
      return reply.code(201).send(await getMilestoneProcess(ctx, id));
    },
  );
  app.post(
    '/milestone-processes/:id/complete-step',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: MilestoneStepCompleteInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await completeMilestoneStep(ctx, req.params.id, req.body);
      return getMilestoneProcess(ctx, req.params.id);
    },
  );
}
