import {
  AttributeOrderInput,
  BigIdParams,
  CheckInInput,
  CheckInSearchQuery,
  EventInput,
  EventListQuery,
  EventUpdateInput,
  InvitationListQuery,
  InvitationResultInput,
  InviteInput,
  TokenParams,
  VersionBody,
  WalkInInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { recordAttachmentRoutes } from '../../platform/files/index.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { checkInByToken, checkInInvitation, registerWalkIn } from './checkin.service.ts';
import { attributeOrder, detachOrder } from './deals.service.ts';
import { findEventForPlanning, findEventInScope } from './events.access.ts';
import { EVENT_DOC } from './events.doc.ts';
import { doorEvents, getEvent, guestByToken, listInvitations, searchGuests } from './events.queries.ts';
import { eventReport, listEvents } from './events.report.ts';
import { createEvent, submitEvent, updateEvent } from './events.service.ts';
import { confirmInvitation, inviteCustomers, recordInvitationResult } from './invitations.service.ts';

const tags = ['events'];

/** Conference marketing (会销, SPEC 2.7): event plans, invitations, check-in, deals and reports. */
export function eventRoutes(app: ZodApp, db: Db) {
  // Issue 14 item 6: files on the record, with the record's visibility.
  recordAttachmentRoutes(app, db, {
    entityType: 'event',
    path: '/events',
    resource: 'event',
    view: 'event.view',
    change: 'event.plan',
    visible: (ctx, id, tx) => findEventInScope(ctx, id, tx),
    changeable: (ctx, id, tx) => findEventForPlanning(ctx, id, tx),
  });
  const view = (surface: Surface) => ({ permission: 'event.view' as const, resource: 'event', surface });
  const invite = (surface: Surface) => ({
    permission: 'event.invite' as const,
    resource: 'event_invitation',
    surface,
  });
  // The door: company-wide for the front desk (event.checkin is not scoped), so no scope fixture.
  const door = (surface: Surface) => ({ permission: 'event.checkin' as const, resource: 'event_door', surface });

  // The events list carries each event's figures: the report across events.
  app.get('/events', { config: view('list'), schema: { tags, querystring: EventListQuery } }, async (req) =>
    listEvents(ctxOf(req, db), req.query),
  );
  app.get('/events/:id', { config: view('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getEvent(ctxOf(req, db), req.params.id),
  );
  app.get('/events/:id/approvals', { config: view('byId'), schema: { tags, params: BigIdParams } }, async (req) => ({
    items: await documentApprovals(ctxOf(req, db), EVENT_DOC, req.params.id),
  }));
  app.get('/events/:id/report', { config: view('byId'), schema: { tags, params: BigIdParams } }, async (req) => {
    const ctx = ctxOf(req, db);
    await findEventInScope(ctx, req.params.id);
    return eventReport(ctx, req.params.id);
  });
  app.get(
    '/events/:id/invitations',
    { config: view('byId'), schema: { tags, params: BigIdParams, querystring: InvitationListQuery } },
    async (req) => listInvitations(ctxOf(req, db), req.params.id, req.query),
  );
  app.post(
    '/events',
    { config: { permission: 'event.plan' }, schema: { tags, body: EventInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createEvent(ctx, req.body);
      return reply.code(201).send(await getEvent(ctx, id));
    },
  );
  // Planning needs event.plan (checked after the scope lookup, so out of scope is 404).
  app.put(
    '/events/:id',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: EventUpdateInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateEvent(ctx, req.params.id, req.body);
      return getEvent(ctx, req.params.id);
    },
  );
  app.post(
    '/events/:id/submit',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: VersionBody } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await submitEvent(ctx, req.params.id, req.body.version);
      return getEvent(ctx, req.params.id);
    },
  );
  app.post(
    '/events/:id/invitations',
    {
      config: { ...view('mutation'), permission: 'event.invite' as const },
      schema: { tags, params: BigIdParams, body: InviteInput },
    },
    async (req, reply) => reply.code(201).send(await inviteCustomers(ctxOf(req, db), req.params.id, req.body)),
  );
  app.post(
    '/events/:id/orders',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: AttributeOrderInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await attributeOrder(ctx, req.params.id, req.body.orderId);
      return eventReport(ctx, req.params.id);
    },
  );
  app.post(
    '/events/:id/orders/detach',
    { config: view('mutation'), schema: { tags, params: BigIdParams, body: AttributeOrderInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await detachOrder(ctx, req.params.id, req.body.orderId);
      return eventReport(ctx, req.params.id);
    },
  );
  app.put(
    '/event-invitations/:id/result',
    { config: invite('mutation'), schema: { tags, params: BigIdParams, body: InvitationResultInput } },
    async (req) => {
      await recordInvitationResult(ctxOf(req, db), req.params.id, req.body);
      return { ok: true };
    },
  );
  app.post(
    '/event-invitations/:id/confirm',
    { config: invite('mutation'), schema: { tags, params: BigIdParams, body: VersionBody } },
    async (req) => {
      await confirmInvitation(ctxOf(req, db), req.params.id, req.body.version);
      return { ok: true };
    },
  );

  // The front desk's start page: today's and coming approved events (a short list, no paging).
  app.get('/event-door', { config: { permission: 'event.checkin' as const }, schema: { tags } }, async (req) =>
    doorEvents(ctxOf(req, db)),
  );
  app.get(
    '/events/:id/guests',
    { config: door('byId'), schema: { tags, params: BigIdParams, querystring: CheckInSearchQuery } },
    async (req) => searchGuests(ctxOf(req, db), req.params.id, req.query.keyword),
  );
  app.post(
    '/events/:id/walk-ins',
    { config: door('mutation'), schema: { tags, params: BigIdParams, body: WalkInInput } },
    async (req, reply) => reply.code(201).send(await registerWalkIn(ctxOf(req, db), req.params.id, req.body)),
  );
  app.post(
    '/event-invitations/:id/check-in',
    { config: door('mutation'), schema: { tags, params: BigIdParams, body: CheckInInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      const { eventId } = await checkInInvitation(ctx, req.params.id, req.body);
      return { ok: true, eventId };
    },
  );
  app.get(
    '/event-guests/:token',
    { config: { permission: 'event.checkin' as const }, schema: { tags, params: TokenParams } },
    async (req) => guestByToken(ctxOf(req, db), req.params.token),
  );
  app.post(
    '/event-guests/:token/check-in',
    { config: { permission: 'event.checkin' as const }, schema: { tags, params: TokenParams, body: CheckInInput } },
    async (req) => checkInByToken(ctxOf(req, db), req.params.token, req.body),
  );
}
