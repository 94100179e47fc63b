import { BigIdParams, CreditRequestInput } from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { CREDIT_DOC, listCreditRequests, requestCreditChange } from './credit.service.ts';

const Id = BigIdParams;
const tags = ['customers'];

export function creditRoutes(app: ZodApp, db: Db) {
  app.get(
    '/customers/:id/credit-requests',
    { config: { permission: 'customer.view', resource: 'customer', surface: 'byId' }, schema: { tags, params: Id } },
    async (req) => ({ items: await listCreditRequests(ctxOf(req, db), req.params.id) }),
  );
  app.post(
    '/customers/:id/credit-requests',
    {
      config: { permission: 'customer.credit', resource: 'customer', surface: 'mutation' },
      schema: { tags, params: Id, body: CreditRequestInput },
    },
    async (req, reply) => reply.code(201).send(await requestCreditChange(ctxOf(req, db), req.params.id, req.body)),
  );
  app.get(
    '/credit-requests/:id/approvals',
    {
      config: { permission: 'customer.view', resource: 'credit_request', surface: 'byId' },
      schema: { tags, params: Id },
    },
    async (req) => ({ items: await documentApprovals(ctxOf(req, db), CREDIT_DOC, req.params.id) }),
  );
}
