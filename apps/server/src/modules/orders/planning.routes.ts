import {
  BigIdParams,
  PlannerQuery,
  ProductionTaskInput,
  ProductionTaskQuery,
  ProductionTaskUpdateInput,
  queryIdListOf,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { plannerSummary } from './planner.summary.ts';
import {
  createProductionTasks,
  listProductionTasks,
  printProductionTasks,
  updateProductionTask,
} from './planning.service.ts';

const Id = BigIdParams;
const tags = ['planner'];
const Ids = z.object({ ids: queryIdListOf('bigint', 200) });

/** Planner routes (order.plan, unscoped): 订货排产情况汇总表 and 销售任务单 (SPEC 3.4). */
export function planningRoutes(app: ZodApp, db: Db) {
  const plan = { permission: 'order.plan' as const };
  app.get('/planner/summary', { config: plan, schema: { tags, querystring: PlannerQuery } }, async (req) =>
    plannerSummary(ctxOf(req, db), req.query),
  );
  app.get('/production-tasks', { config: plan, schema: { tags, querystring: ProductionTaskQuery } }, async (req) =>
    listProductionTasks(ctxOf(req, db), req.query),
  );
  app.get('/production-tasks/print', { config: plan, schema: { tags, querystring: Ids } }, async (req, reply) => {
    const pdf = await printProductionTasks(ctxOf(req, db), req.query.ids);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'inline; filename="production-tasks.pdf"')
      .send(pdf);
  });
  // Scoped through the order (404 out of scope, like an unknown id); the service then requires order.plan.
  app.post(
    '/orders/:id/production-tasks',
    {
      config: { permission: 'order.view', resource: 'order', surface: 'mutation' },
      schema: { tags, params: Id, body: ProductionTaskInput },
    },
    async (req, reply) => reply.code(201).send(await createProductionTasks(ctxOf(req, db), req.params.id, req.body)),
  );
  app.put(
    '/production-tasks/:id',
    { config: plan, schema: { tags, params: Id, body: ProductionTaskUpdateInput } },
    async (req) => updateProductionTask(ctxOf(req, db), req.params.id, req.body),
  );
}
