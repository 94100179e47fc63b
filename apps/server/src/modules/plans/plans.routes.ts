import {
  BigIdParams,
  LeadTargetQuery,
  MonthlyTargetsQuery,
  PlanBaselineQuery,
  PlanVsActualQuery,
  SalesPlanCreateInput,
  SalesPlanListQuery,
  SalesPlanUpdateInput,
  VersionBody,
  WorkPlanInput,
  WorkPlanListQuery,
  WorkPlanMissingQuery,
  WorkPlanUpdateInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { leadTargets, monthlyTargets, planVsActual } from './plans.actuals.ts';
import { planBaseline } from './plans.baseline.ts';
import { PLAN_DOC } from './plans.doc.ts';
import { getSalesPlan, listSalesPlans } from './plans.queries.ts';
import { createSalesPlan, reviseSalesPlan, submitSalesPlan, updateSalesPlan } from './plans.service.ts';
import { getWorkPlan, listWorkPlans, missingWorkPlans } from './workplans.queries.ts';
import { createWorkPlan, submitWorkPlan, updateWorkPlan } from './workplans.service.ts';

const tags = ['plans'];

/** Sales plans and targets (SPEC 2.1): annual plan versions with approval, and monthly work plans. */
export function planRoutes(app: ZodApp, db: Db) {
  const view = (surface: Surface) => ({ permission: 'plan.view' as const, resource: 'sales_plan', surface });
  app.get('/sales-plans', { config: view('list'), schema: { tags, querystring: SalesPlanListQuery } }, async (req) =>
    listSalesPlans(ctxOf(req, db), req.query),
  );
  // A first draft from last year's actuals (the director's starting point).
  app.get(
    '/sales-plans/baseline',
    { config: { permission: 'plan.create' }, schema: { tags, querystring: PlanBaselineQuery } },
    async (req) => planBaseline(ctxOf(req, db), req.query.year, req.query.growth),
  );
  // Reports over the plan in force: rows in the viewer's scope only, actuals from the indicator engine.
  app.get(
    '/sales-plans/vs-actual',
    { config: { permission: 'plan.view' }, schema: { tags, querystring: PlanVsActualQuery } },
    async (req) => planVsActual(ctxOf(req, db), req.query),
  );
  app.get(
    '/sales-plans/monthly-targets',
    { config: { permission: 'plan.view' }, schema: { tags, querystring: MonthlyTargetsQuery } },
    async (req) => monthlyTargets(ctxOf(req, db), req.query),
  );
  app.get(
    '/sales-plans/lead-target',
    { config: { permission: 'plan.view' }, schema: { tags, querystring: LeadTargetQuery } },
    async (req) => leadTargets(ctxOf(req, db), req.query),
  );
  app.get('/sales-plans/:id', { config: view('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getSalesPlan(ctxOf(req, db), req.params.id),
  );
  app.get(
    '/sales-plans/:id/approvals',
    { config: view('byId'), schema: { tags, params: BigIdParams } },
    async (req) => ({
      items: await documentApprovals(ctxOf(req, db), PLAN_DOC, req.params.id),
    }),
  );
  app.post(
    '/sales-plans',
    { config: { permission: 'plan.create' }, schema: { tags, body: SalesPlanCreateInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createSalesPlan(ctx, req.body);
      return reply.code(201).send(await getSalesPlan(ctx, id));
    },
  );
  app.put(
    '/sales-plans/:id',
    {
      config: { permission: 'plan.edit', resource: 'sales_plan', surface: 'mutation' },
      schema: { tags, params: BigIdParams, body: SalesPlanUpdateInput },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateSalesPlan(ctx, req.params.id, req.body);
      return getSalesPlan(ctx, req.params.id);
    },
  );
  // Submitting and revising need plan.create (checked after the scope lookup, so out of scope is 404).
  app.post(
    '/sales-plans/:id/submit',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: VersionBody } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await submitSalesPlan(ctx, req.params.id, req.body.version);
      return getSalesPlan(ctx, req.params.id);
    },
  );
  app.post(
    '/sales-plans/:id/revise',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: VersionBody } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await reviseSalesPlan(ctx, req.params.id, req.body.version);
      return reply.code(201).send(await getSalesPlan(ctx, id));
    },
  );

  const wp = (surface: Surface) => ({ permission: 'workplan.view' as const, resource: 'work_plan', surface });
  app.get('/work-plans', { config: wp('list'), schema: { tags, querystring: WorkPlanListQuery } }, async (req) =>
    listWorkPlans(ctxOf(req, db), req.query),
  );
  // Who in the viewer's scope owes the month's plan and has not submitted it (the manager's list).
  app.get(
    '/work-plans/missing',
    { config: { permission: 'workplan.view' }, schema: { tags, querystring: WorkPlanMissingQuery } },
    async (req) => missingWorkPlans(ctxOf(req, db), req.query.month),
  );
  app.get('/work-plans/:id', { config: wp('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getWorkPlan(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/work-plans',
    { config: { permission: 'workplan.write' }, schema: { tags, body: WorkPlanInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createWorkPlan(ctx, req.body);
      return reply.code(201).send(await getWorkPlan(ctx, id));
    },
  );
  app.put(
    '/work-plans/:id',
    { config: wp('mutation'), schema: { tags, params: BigIdParams, body: WorkPlanUpdateInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateWorkPlan(ctx, req.params.id, req.body);
      return getWorkPlan(ctx, req.params.id);
    },
  );
  app.post(
    '/work-plans/:id/submit',
    { config: wp('mutation'), schema: { tags, params: BigIdParams, body: VersionBody } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await submitWorkPlan(ctx, req.params.id, req.body.version);
      return getWorkPlan(ctx, req.params.id);
    },
  );
}
