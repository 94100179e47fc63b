import {
  BigIdParams,
  ReturnArrivalInput,
  ReturnCreditInput,
  ReturnInput,
  ReturnListQuery,
  ReturnVersionInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { creditReturn, recordReturnArrival } from './returns.actions.ts';
import { createReturn, resubmitReturn, returnableLines } from './returns.create.ts';
import { RETURN_DOC } from './returns.doc.ts';
import { getReturn, listReturns } from './returns.queries.ts';

const tags = ['returns'];
const Id = BigIdParams;

/**
 * Sales returns (销后退回, SPEC 4.3). Changes are gated on return.view so an invisible return
 * answers 404 first; the service then requires return.receive (arrival) or invoice.issue (red invoice).
 * The approval chain itself runs through /api/approvals.
 */
export function returnRoutes(app: ZodApp, db: Db) {
  const view = (surface: Surface) => ({ permission: 'return.view' as const, resource: 'sales_return', surface });
  app.get('/sales-returns', { config: view('list'), schema: { tags, querystring: ReturnListQuery } }, async (req) =>
    listReturns(ctxOf(req, db), req.query),
  );
  app.get('/sales-returns/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getReturn(ctxOf(req, db), req.params.id),
  );
  // Its approval chain for everyone who sees the return (the instance itself opens only to its
  // applicant and approvers).
  app.get('/sales-returns/:id/approvals', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await documentApprovals(ctxOf(req, db), RETURN_DOC, req.params.id),
  }));
  // What a signed delivery still allows to return (the new-return form).
  app.get(
    '/deliveries/:id/returnable-lines',
    {
      config: { permission: 'delivery.view', resource: 'delivery', surface: 'byId' },
      schema: { tags, params: Id },
    },
    async (req) => {
      const { delivery: d, lines } = await returnableLines(ctxOf(req, db), req.params.id);
      return { deliveryId: d.id, deliveryNo: d.no, status: d.status, customerId: d.customerId, lines };
    },
  );
  app.post(
    '/sales-returns',
    {
      config: { permission: 'return.create', resource: 'sales_return', surface: 'mutation' },
      schema: { tags, body: ReturnInput },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const id = await createReturn(ctx, req.body);
      return reply.code(201).send(await getReturn(ctx, id));
    },
  );
  app.post(
    '/sales-returns/:id/arrival',
    { config: view('mutation'), schema: { tags, params: Id, body: ReturnArrivalInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await recordReturnArrival(ctx, req.params.id, req.body);
      return getReturn(ctx, req.params.id);
    },
  );
  app.post(
    '/sales-returns/:id/resubmit',
    { config: view('mutation'), schema: { tags, params: Id, body: ReturnVersionInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await resubmitReturn(ctx, req.params.id, req.body.version);
      return getReturn(ctx, req.params.id);
    },
  );
  app.post(
    '/sales-returns/:id/red-invoice',
    { config: view('mutation'), schema: { tags, params: Id, body: ReturnCreditInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await creditReturn(ctx, req.params.id, req.body);
      return getReturn(ctx, req.params.id);
    },
  );
}
