import {
  BigIdParams,
  InquiryAnalysisQuery,
  InquiryAnswerInput,
  InquiryConvertCustomerInput,
  InquiryConvertOpportunityInput,
  InquiryInput,
  InquiryListQuery,
  PresaleActionInput,
  PresaleListQuery,
  PresaleRequestInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { recordAttachmentRoutes } from '../../platform/files/index.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { findInquiryInScope } from './inquiries.access.ts';
import { inquiryAnalysis } from './inquiries.analysis.ts';
import { convertToCustomer, convertToOpportunity } from './inquiries.convert.ts';
import { getInquiry, listInquiries } from './inquiries.queries.ts';
import { answerInquiry, recordInquiry } from './inquiries.service.ts';
import {
  actOnPresaleRequest,
  createPresaleRequest,
  getPresaleRequest,
  listPresaleRequests,
} from './presale.service.ts';

const tags = ['inquiries'];

/** Pre-sale inquiries and pre-sale service requests (售前咨询, SPEC 2.9). */
export function inquiryRoutes(app: ZodApp, db: Db) {
  // Issue 14 item 6: files on the record, with the record's visibility.
  recordAttachmentRoutes(app, db, {
    entityType: 'inquiry',
    path: '/inquiries',
    resource: 'inquiry',
    view: 'inquiry.view',
    change: 'inquiry.handle',
    visible: (ctx, id, tx) => findInquiryInScope(ctx, id, 'inquiry.view', tx),
    changeable: (ctx, id, tx) => findInquiryInScope(ctx, id, 'inquiry.handle', tx),
  });
  const view = (resource: string, surface: Surface) => ({ permission: 'inquiry.view' as const, resource, surface });
  const handle = (resource: string) => ({
    permission: 'inquiry.handle' as const,
    resource,
    surface: 'mutation' as const,
  });

  app.get('/inquiries', { config: view('inquiry', 'list'), schema: { tags, querystring: InquiryListQuery } }, (req) =>
    listInquiries(ctxOf(req, db), req.query),
  );
  app.get(
    '/inquiries/analysis',
    { config: view('inquiry_analysis', 'report'), schema: { tags, querystring: InquiryAnalysisQuery } },
    (req) => inquiryAnalysis(ctxOf(req, db), req.query),
  );
  app.post(
    '/inquiries',
    { config: { permission: 'inquiry.create' }, schema: { tags, body: InquiryInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const id = await recordInquiry(ctx, req.body);
      return reply.code(201).send(await getInquiry(ctx, id).catch(() => ({ id })));
    },
  );
  app.get('/inquiries/:id', { config: view('inquiry', 'byId'), schema: { tags, params: BigIdParams } }, (req) =>
    getInquiry(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/inquiries/:id/answer',
    { config: handle('inquiry'), schema: { tags, params: BigIdParams, body: InquiryAnswerInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await answerInquiry(ctx, req.params.id, req.body);
      return getInquiry(ctx, req.params.id);
    },
  );
  app.post(
    '/inquiries/:id/convert-customer',
    { config: handle('inquiry'), schema: { tags, params: BigIdParams, body: InquiryConvertCustomerInput } },
    async (req, reply) =>
      reply.code(201).send(await convertToCustomer(ctxOf(req, db), req.params.id, req.body.version)),
  );
  app.post(
    '/inquiries/:id/convert-opportunity',
    { config: handle('inquiry'), schema: { tags, params: BigIdParams, body: InquiryConvertOpportunityInput } },
    async (req, reply) => reply.code(201).send(await convertToOpportunity(ctxOf(req, db), req.params.id, req.body)),
  );
  app.post(
    '/inquiries/:id/presale-requests',
    { config: handle('inquiry'), schema: { tags, params: BigIdParams, body: PresaleRequestInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const id = await createPresaleRequest(ctx, req.params.id, req.body);
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/presale-requests',
    { config: view('presale_request', 'list'), schema: { tags, querystring: PresaleListQuery } },
    (req) => listPresaleRequests(ctxOf(req, db), req.query),
  );
  app.get(
    '/presale-requests/:id',
    { config: view('presale_request', 'byId'), schema: { tags, params: BigIdParams } },
    (req) => getPresaleRequest(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/presale-requests/:id/actions',
    { config: handle('presale_request'), schema: { tags, params: BigIdParams, body: PresaleActionInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await actOnPresaleRequest(ctx, req.params.id, req.body);
      return getPresaleRequest(ctx, req.params.id);
    },
  );
}
