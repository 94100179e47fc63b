import {
  BigIdParams,
  BudgetInput,
  BudgetListQuery,
  BudgetUpdateInput,
  ClaimInput,
  ClaimListQuery,
  ClaimSubmitInput,
  ClaimUpdateInput,
  CostAnalysisQuery,
  QueryVersionNo,
  VersionBody,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { recordAttachmentRoutes } from '../../platform/files/index.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { findClaimForApplicant, findClaimInScope } from './expenses.access.ts';
import { costByEvent, costByRep } from './expenses.analysis.ts';
import { getBudget, listBudgets } from './expenses.budget-list.ts';
import { createBudget, updateBudget } from './expenses.budgets.ts';
import { createClaim, deleteClaim, updateClaim } from './expenses.claims.ts';
import { CLAIM_DOC } from './expenses.doc.ts';
import { countClaimViews, eventOptions, getClaim, listClaims } from './expenses.queries.ts';
import { payClaim, submitClaim } from './expenses.submit.ts';

const tags = ['expenses'];
const Id = BigIdParams;
// A claim body carries its invoices (Base64): up to 10 files.
const CLAIM_BODY_LIMIT = 16 * 1024 * 1024;

/** Expenses and budgets (费用管理, SPEC 5.3): claims, their approval and payment, budgets, cost analysis. */
export function expenseRoutes(app: ZodApp, db: Db) {
  // Invoices on a claim: seen with the claim, added and removed by its applicant while it is editable.
  recordAttachmentRoutes(app, db, {
    entityType: CLAIM_DOC,
    path: '/expense-claims',
    resource: 'expense_claim',
    view: 'expense.view',
    change: 'expense.claim',
    visible: (ctx, id, tx) => findClaimInScope(ctx, id, tx),
    changeable: (ctx, id, tx) => findClaimForApplicant(ctx, id, tx, 'edit'),
  });
  const claim = (surface: Surface) => ({ permission: 'expense.view' as const, resource: 'expense_claim', surface });
  const budget = (surface: Surface) => ({ permission: 'budget.view' as const, resource: 'expense_budget', surface });

  app.get('/expense-claims', { config: claim('list'), schema: { tags, querystring: ClaimListQuery } }, async (req) =>
    listClaims(ctxOf(req, db), req.query),
  );
  app.get(
    '/expense-claims/views',
    { config: claim('count'), schema: { tags, querystring: ClaimListQuery.omit({ view: true }) } },
    async (req) => countClaimViews(ctxOf(req, db), req.query),
  );
  app.get('/expense-claims/:id', { config: claim('byId'), schema: { tags, params: Id } }, async (req) =>
    getClaim(ctxOf(req, db), req.params.id),
  );
  app.get('/expense-claims/:id/approvals', { config: claim('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await documentApprovals(ctxOf(req, db), CLAIM_DOC, req.params.id),
  }));
  app.post(
    '/expense-claims',
    { bodyLimit: CLAIM_BODY_LIMIT, config: { permission: 'expense.claim' }, schema: { tags, body: ClaimInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createClaim(ctx, req.body);
      return reply.code(201).send(await getClaim(ctx, id));
    },
  );
  // Changes are the applicant's (checked after the scope lookup, so out of scope is 404).
  app.put(
    '/expense-claims/:id',
    { config: claim('mutation'), schema: { tags, params: Id, body: ClaimUpdateInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateClaim(ctx, req.params.id, req.body);
      return getClaim(ctx, req.params.id);
    },
  );
  app.delete(
    '/expense-claims/:id',
    { config: claim('mutation'), schema: { tags, params: Id, querystring: z.object({ version: QueryVersionNo }) } },
    async (req, reply) => {
      await deleteClaim(ctxOf(req, db), req.params.id, req.query.version);
      return reply.code(204).send();
    },
  );
  app.post(
    '/expense-claims/:id/submit',
    { config: claim('mutation'), schema: { tags, params: Id, body: ClaimSubmitInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await submitClaim(ctx, req.params.id, req.body);
      return getClaim(ctx, req.params.id);
    },
  );
  app.post(
    '/expense-claims/:id/pay',
    { config: claim('mutation'), schema: { tags, params: Id, body: VersionBody } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await payClaim(ctx, req.params.id, req.body.version);
      return getClaim(ctx, req.params.id);
    },
  );

  // The event picker of the claim and budget forms (approved events are company-wide campaigns).
  app.get(
    '/expense-events',
    {
      config: { permission: 'expense.claim' },
      schema: { tags, querystring: z.object({ keyword: z.string().trim().max(50).optional() }) },
    },
    async (req) => eventOptions(ctxOf(req, db), req.query.keyword),
  );
  app.get('/expense-budgets', { config: budget('list'), schema: { tags, querystring: BudgetListQuery } }, async (req) =>
    listBudgets(ctxOf(req, db), req.query),
  );
  app.get('/expense-budgets/:id', { config: budget('byId'), schema: { tags, params: Id } }, async (req) =>
    getBudget(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/expense-budgets',
    { config: { permission: 'budget.manage' }, schema: { tags, body: BudgetInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createBudget(ctx, req.body);
      return reply.code(201).send(await getBudget(ctx, id));
    },
  );
  app.put(
    '/expense-budgets/:id',
    // budget.manage is checked after the scope lookup (out of scope is 404, like an unknown id).
    { config: budget('mutation'), schema: { tags, params: Id, body: BudgetUpdateInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateBudget(ctx, req.params.id, req.body);
      return getBudget(ctx, req.params.id);
    },
  );

  // Cost analysis (SPEC 5.3): figures over the claimants in the expense.analyze scope.
  const analysis = (resource: string) => ({
    permission: 'expense.analyze' as const,
    resource,
    surface: 'report' as const,
  });
  app.get(
    '/expense-analysis/events',
    { config: analysis('expense_cost_event'), schema: { tags, querystring: CostAnalysisQuery } },
    async (req) => costByEvent(ctxOf(req, db), req.query),
  );
  app.get(
    '/expense-analysis/reps',
    { config: analysis('expense_cost_rep'), schema: { tags, querystring: CostAnalysisQuery } },
    async (req) => costByRep(ctxOf(req, db), req.query),
  );
}
