import {
  BigIdParams,
  QuoteConvertInput,
  QuoteFilter,
  QuoteInput,
  QuoteListQuery,
  QuoteRespondInput,
  QuoteUpdateInput,
  QuoteVersionInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { recordAttachmentRoutes } from '../../platform/files/index.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { documentLinks } from '../../platform/links/index.ts';
import { findQuoteInScope } from './quotes.access.ts';
import { submitQuote } from './quotes.approval.ts';
import { convertQuote } from './quotes.convert.ts';
import { exportQuotesXlsx } from './quotes.export.ts';
import { countQuotes, countQuoteViews, listQuotes } from './quotes.list.ts';
import { renderQuotePdf } from './quotes.pdf.ts';
import { getQuote, quoteTimeline } from './quotes.queries.ts';
import { createQuote, QUOTE_DOC, respondToQuote, sendQuote, updateQuote } from './quotes.service.ts';
import { listQuoteVersions, reviseQuote } from './quotes.versions.ts';

const Id = BigIdParams;
const tags = ['quotes'];

type QuotePermission = 'quote.view' | 'quote.create' | 'quote.edit' | 'quote.export';

/** Quotes (报价单, SPEC 3.2): HTTP only — schema + permission + one service call. */
export function quoteRoutes(app: ZodApp, db: Db) {
  // Issue 14 item 6: files on the record, with the record's visibility.
  recordAttachmentRoutes(app, db, {
    entityType: 'quote',
    path: '/quotes',
    resource: 'quote',
    view: 'quote.view',
    change: 'quote.edit',
    visible: (ctx, id, tx) => findQuoteInScope(ctx, id, 'quote.view', tx),
    changeable: (ctx, id, tx) => findQuoteInScope(ctx, id, 'quote.edit', tx),
  });
  const cfg = (permission: QuotePermission, surface: Surface) => ({ permission, resource: 'quote', surface });
  const view = (surface: Surface) => cfg('quote.view', surface);
  const edit = cfg('quote.edit', 'mutation');

  app.get('/quotes', { config: view('list'), schema: { tags, querystring: QuoteListQuery } }, async (req) =>
    listQuotes(ctxOf(req, db), req.query),
  );
  app.get('/quotes/count', { config: view('count'), schema: { tags, querystring: QuoteFilter } }, async (req) =>
    countQuotes(ctxOf(req, db), req.query),
  );
  app.get(
    '/quotes/views',
    { config: view('count'), schema: { tags, querystring: QuoteFilter.omit({ view: true }) } },
    async (req) => countQuoteViews(ctxOf(req, db), req.query),
  );
  app.get(
    '/quotes/export',
    { config: cfg('quote.export', 'export'), schema: { tags, querystring: QuoteFilter } },
    async (req, reply) => {
      const stream = exportQuotesXlsx(ctxOf(req, db), req.query);
      const name = encodeURIComponent(`报价单-${new Date().toISOString().slice(0, 10)}.xlsx`);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="quotes.xlsx"; filename*=UTF-8''${name}`);
      return reply.send(stream);
    },
  );
  app.get('/quotes/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getQuote(ctxOf(req, db), req.params.id),
  );
  // The documents it was made from and those made from it (issue 11 item 3).
  app.get('/quotes/:id/links', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    documentLinks(ctxOf(req, db), 'quote', req.params.id),
  );
  app.get('/quotes/:id/versions', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await listQuoteVersions(ctxOf(req, db), req.params.id),
  }));
  app.get('/quotes/:id/timeline', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await quoteTimeline(ctxOf(req, db), req.params.id),
  }));
  // The quote's internal approvals for everyone who sees the quote (the instance itself opens only
  // to its applicant and approvers; issue 11: the tab showed the 404 page to others).
  app.get('/quotes/:id/approvals', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await documentApprovals(ctxOf(req, db), QUOTE_DOC, req.params.id),
  }));
  app.get('/quotes/:id/pdf', { config: view('byId'), schema: { tags, params: Id } }, async (req, reply) => {
    const { no, revision, pdf } = await renderQuotePdf(ctxOf(req, db), req.params.id);
    const file = `${no}${revision > 1 ? `-v${revision}` : ''}.pdf`;
    reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="${file}"; filename*=UTF-8''${encodeURIComponent(`报价单-${file}`)}`,
      );
    return reply.send(pdf);
  });
  app.post(
    '/quotes',
    { config: cfg('quote.create', 'mutation'), schema: { tags, body: QuoteInput } },
    async (req, reply) => reply.code(201).send(await createQuote(ctxOf(req, db), req.body)),
  );
  app.put('/quotes/:id', { config: edit, schema: { tags, params: Id, body: QuoteUpdateInput } }, async (req) =>
    updateQuote(ctxOf(req, db), req.params.id, req.body),
  );
  app.post('/quotes/:id/submit', { config: edit, schema: { tags, params: Id, body: QuoteVersionInput } }, async (req) =>
    submitQuote(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/quotes/:id/revise',
    { config: edit, schema: { tags, params: Id, body: QuoteVersionInput } },
    async (req, reply) => reply.code(201).send(await reviseQuote(ctxOf(req, db), req.params.id, req.body)),
  );
  app.post('/quotes/:id/send', { config: edit, schema: { tags, params: Id, body: QuoteVersionInput } }, async (req) =>
    sendQuote(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/quotes/:id/respond',
    { config: edit, schema: { tags, params: Id, body: QuoteRespondInput } },
    async (req) => respondToQuote(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/quotes/:id/convert',
    { config: edit, schema: { tags, params: Id, body: QuoteConvertInput } },
    async (req) => convertQuote(ctxOf(req, db), req.params.id, req.body),
  );
}
