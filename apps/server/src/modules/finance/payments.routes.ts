import {
  BigIdParams,
  PaymentActionInput,
  PaymentFilter,
  PaymentInput,
  PaymentListQuery,
  PaymentRejectInput,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { documentLinks } from '../../platform/links/index.ts';
import { renderReceiptPdf } from './finance.print.ts';
import { countPayments, getPayment, listPayments, paymentTimeline } from './payments.list.ts';
import { recordPayment, transitionPayment } from './payments.service.ts';

export const Id = BigIdParams;
const tags = ['finance'];
const IdemHeaders = z.object({ 'idempotency-key': z.string().optional() }).passthrough();

export function paymentRoutes(app: ZodApp, db: Db) {
  const view = (surface: Surface) => ({ permission: 'payment.view' as const, resource: 'payment', surface });
  // Gated on payment.view here; the use case requires payment.confirm, so an invisible payment is 404 before any 403.
  const confirm = { permission: 'payment.view' as const, resource: 'payment', surface: 'mutation' as const };

  app.get('/payments', { config: view('list'), schema: { tags, querystring: PaymentListQuery } }, async (req) =>
    listPayments(ctxOf(req, db), req.query),
  );
  app.get('/payments/count', { config: view('count'), schema: { tags, querystring: PaymentFilter } }, async (req) =>
    countPayments(ctxOf(req, db), req.query),
  );
  app.get('/payments/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getPayment(ctxOf(req, db), req.params.id),
  );
  // The documents it was made from and those made from it (issue 11 item 3).
  app.get('/payments/:id/links', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    documentLinks(ctxOf(req, db), 'payment', req.params.id),
  );
  app.get('/payments/:id/timeline', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await paymentTimeline(ctxOf(req, db), req.params.id),
  }));
  app.get('/payments/:id/receipt', { config: view('byId'), schema: { tags, params: Id } }, async (req, reply) => {
    const { no, pdf } = await renderReceiptPdf(ctxOf(req, db), req.params.id);
    reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="${no}.pdf"; filename*=UTF-8''${encodeURIComponent(`收据-${no}.pdf`)}`,
      );
    return reply.send(pdf);
  });
  // Same Idempotency-Key → same response, one payment (a double-clicked or retried submit).
  app.post(
    '/payments',
    {
      config: { permission: 'payment.report', resource: 'payment', surface: 'mutation' },
      schema: { tags, body: PaymentInput, headers: IdemHeaders },
    },
    async (req, reply) => {
      const out = await recordPayment(ctxOf(req, db), req.body, req.headers['idempotency-key']);
      // Keys sorted: a replay read back from jsonb (which reorders keys) answers byte for byte the same.
      const sorted = Object.fromEntries(Object.entries(out.body).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
      return reply.code(out.status).send(sorted);
    },
  );
  app.post(
    '/payments/:id/confirm',
    { config: confirm, schema: { tags, params: Id, body: PaymentActionInput } },
    async (req) => transitionPayment(ctxOf(req, db), req.params.id, 'confirm', req.body),
  );
  app.post(
    '/payments/:id/clear',
    { config: confirm, schema: { tags, params: Id, body: PaymentActionInput } },
    async (req) => transitionPayment(ctxOf(req, db), req.params.id, 'clear', req.body),
  );
  app.post(
    '/payments/:id/bounce',
    { config: confirm, schema: { tags, params: Id, body: PaymentActionInput } },
    async (req) => transitionPayment(ctxOf(req, db), req.params.id, 'bounce', req.body),
  );
  app.post(
    '/payments/:id/reject',
    { config: confirm, schema: { tags, params: Id, body: PaymentRejectInput } },
    async (req) => transitionPayment(ctxOf(req, db), req.params.id, 'reject', req.body),
  );
}
