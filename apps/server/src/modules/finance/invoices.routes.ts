import { InvoiceFilter, InvoiceInput, InvoiceListQuery, InvoiceReissueInput, InvoiceVoidInput } from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { documentLinks } from '../../platform/links/index.ts';
import { renderInvoicePdf } from './finance.print.ts';
import { countInvoices, getInvoice, invoiceTimeline, listInvoices } from './invoices.list.ts';
import { issueInvoice, reissueInvoice, voidInvoice } from './invoices.service.ts';
import { Id } from './payments.routes.ts';

const tags = ['finance'];

/** Invoices: issue, void, reissue — deliberately no update route (an issued invoice is never edited). */
export function invoiceRoutes(app: ZodApp, db: Db) {
  const view = (surface: Surface) => ({ permission: 'invoice.view' as const, resource: 'invoice', surface });
  const issue = { permission: 'invoice.issue' as const, resource: 'invoice', surface: 'mutation' as const };
  // Gated on invoice.view here; the use case requires invoice.issue, so an invisible invoice is 404 before any 403.
  const change = { permission: 'invoice.view' as const, resource: 'invoice', surface: 'mutation' as const };

  app.get('/invoices', { config: view('list'), schema: { tags, querystring: InvoiceListQuery } }, async (req) =>
    listInvoices(ctxOf(req, db), req.query),
  );
  app.get('/invoices/count', { config: view('count'), schema: { tags, querystring: InvoiceFilter } }, async (req) =>
    countInvoices(ctxOf(req, db), req.query),
  );
  app.get('/invoices/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getInvoice(ctxOf(req, db), req.params.id),
  );
  // The documents it was made from and those made from it (issue 11 item 3).
  app.get('/invoices/:id/links', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    documentLinks(ctxOf(req, db), 'invoice', req.params.id),
  );
  app.get('/invoices/:id/timeline', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await invoiceTimeline(ctxOf(req, db), req.params.id),
  }));
  app.get('/invoices/:id/pdf', { config: view('byId'), schema: { tags, params: Id } }, async (req, reply) => {
    const { no, pdf } = await renderInvoicePdf(ctxOf(req, db), req.params.id);
    reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="${no}.pdf"; filename*=UTF-8''${encodeURIComponent(`发票-${no}.pdf`)}`,
      );
    return reply.send(pdf);
  });
  app.post('/invoices', { config: issue, schema: { tags, body: InvoiceInput } }, async (req, reply) =>
    reply.code(201).send(await issueInvoice(ctxOf(req, db), req.body)),
  );
  app.post(
    '/invoices/:id/void',
    { config: change, schema: { tags, params: Id, body: InvoiceVoidInput } },
    async (req) => voidInvoice(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/invoices/:id/reissue',
    { config: change, schema: { tags, params: Id, body: InvoiceReissueInput } },
    async (req, reply) => reply.code(201).send(await reissueInvoice(ctxOf(req, db), req.params.id, req.body)),
  );
}
