import {
  BigIdParams,
  IntIdParams,
  QueryBigId,
  SlaPolicyInput,
  TicketAssignInput,
  TicketChargeInput,
  TicketCheckInput,
  TicketInput,
  TicketListQuery,
  TicketPartInput,
  TicketPriorityInput,
  TicketReopenInput,
  TicketReplyInput,
  TicketResolveInput,
  TicketSignInput,
  TicketVersionInput,
  TicketVisitInput,
  TicketWaitInput,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { documentLinks } from '../../platform/links/index.ts';
import { listSlaPolicies, updateSlaPolicy } from './sla-policies.ts';
import {
  assignTicket,
  changeTicketPriority,
  confirmTicket,
  reopenTicket,
  replyToTicket,
  resolveTicket,
  resumeTicket,
  waitTicket,
} from './tickets.actions.ts';
import { listTickets } from './tickets.list.ts';
import { deliveredLinesOf, ticketEngineers } from './tickets.options.ts';
import { ticketReportPdf } from './tickets.pdf.ts';
import { getTicket } from './tickets.queries.ts';
import { createTicket } from './tickets.service.ts';
import { addCharge, recordInstallCheck, recordVisit, signReport, usePart } from './tickets.work.ts';

const tags = ['service'];
const DeliveredLinesQuery = z.object({ customerId: QueryBigId });
const Id = BigIdParams;

/** Service tickets and SLA policies (SPEC 4.1). Changes are gated on ticket.view so an invisible ticket answers 404 first; the service then requires ticket.handle in scope. */
export function serviceRoutes(app: ZodApp, db: Db) {
  const view = (surface: Surface) => ({ permission: 'ticket.view' as const, resource: 'service_ticket', surface });
  const change = view('mutation');
  app.get('/service-tickets', { config: view('list'), schema: { tags, querystring: TicketListQuery } }, async (req) =>
    listTickets(ctxOf(req, db), req.query),
  );
  // Registered before /:id: the pickers of the new-ticket form and the assignment.
  app.get(
    '/service-tickets/delivered-lines',
    { config: { permission: 'ticket.create' as const }, schema: { tags, querystring: DeliveredLinesQuery } },
    async (req) => deliveredLinesOf(ctxOf(req, db), req.query.customerId),
  );
  app.get(
    '/service-tickets/engineers',
    { config: { permission: 'ticket.view' as const }, schema: { tags } },
    async (req) => ticketEngineers(ctxOf(req, db)),
  );
  app.get('/service-tickets/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getTicket(ctxOf(req, db), req.params.id),
  );
  // The delivery note it is about (issue 12: document links).
  app.get('/service-tickets/:id/links', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    documentLinks(ctxOf(req, db), 'service_ticket', req.params.id),
  );
  app.post(
    '/service-tickets',
    {
      config: { permission: 'ticket.create', resource: 'service_ticket', surface: 'mutation' },
      schema: { tags, body: TicketInput },
    },
    async (req, reply) => reply.code(201).send(await createTicket(ctxOf(req, db), req.body)),
  );
  app.post(
    `/service-tickets/:id/assign`,
    { config: change, schema: { tags, params: Id, body: TicketAssignInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      return assignTicket(ctx, req.params.id, req.body);
    },
  );
  app.post(
    `/service-tickets/:id/replies`,
    { config: change, schema: { tags, params: Id, body: TicketReplyInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      return replyToTicket(ctx, req.params.id, req.body);
    },
  );
  app.post(
    `/service-tickets/:id/wait`,
    { config: change, schema: { tags, params: Id, body: TicketWaitInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      return waitTicket(ctx, req.params.id, req.body);
    },
  );
  app.post(
    `/service-tickets/:id/resume`,
    { config: change, schema: { tags, params: Id, body: TicketVersionInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      return resumeTicket(ctx, req.params.id, req.body.version);
    },
  );
  app.post(
    `/service-tickets/:id/priority`,
    { config: change, schema: { tags, params: Id, body: TicketPriorityInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      return changeTicketPriority(ctx, req.params.id, req.body);
    },
  );
  app.post(
    `/service-tickets/:id/resolve`,
    { config: change, schema: { tags, params: Id, body: TicketResolveInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      return resolveTicket(ctx, req.params.id, req.body);
    },
  );
  app.post(
    `/service-tickets/:id/confirm`,
    { config: change, schema: { tags, params: Id, body: TicketVersionInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      return confirmTicket(ctx, req.params.id, req.body.version);
    },
  );
  app.post(
    `/service-tickets/:id/reopen`,
    { config: change, schema: { tags, params: Id, body: TicketReopenInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      return reopenTicket(ctx, req.params.id, req.body);
    },
  );
  app.post(
    '/service-tickets/:id/visits',
    { config: change, schema: { tags, params: Id, body: TicketVisitInput } },
    async (req) => recordVisit(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/service-tickets/:id/parts',
    { config: change, schema: { tags, params: Id, body: TicketPartInput } },
    async (req) => usePart(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/service-tickets/:id/charges',
    { config: change, schema: { tags, params: Id, body: TicketChargeInput } },
    async (req) => addCharge(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/service-tickets/:id/checks',
    { config: change, schema: { tags, params: Id, body: TicketCheckInput } },
    async (req) => recordInstallCheck(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/service-tickets/:id/report/sign',
    { config: change, schema: { tags, params: Id, body: TicketSignInput } },
    async (req) => signReport(ctxOf(req, db), req.params.id, req.body),
  );
  app.get(
    '/service-tickets/:id/report.pdf',
    { config: view('byId'), schema: { tags, params: Id } },
    async (req, reply) => {
      const { no, pdf } = await ticketReportPdf(ctxOf(req, db), req.params.id);
      const name = encodeURIComponent(`售后服务报告单-${no}.pdf`);
      reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${no}.pdf"; filename*=UTF-8''${name}`);
      return reply.send(pdf);
    },
  );

  const manage = { permission: 'sla.manage' as const };
  app.get('/sla-policies', { config: manage, schema: { tags } }, async (req) => listSlaPolicies(ctxOf(req, db)));
  app.put(
    '/sla-policies/:id',
    { config: manage, schema: { tags, params: IntIdParams, body: SlaPolicyInput } },
    async (req) => updateSlaPolicy(ctxOf(req, db), req.params.id, req.body),
  );
}
