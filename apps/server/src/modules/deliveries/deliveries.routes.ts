import {
  BigIdParams,
  ChecklistTickInput,
  DeliveryCancelInput,
  DeliveryFilter,
  DeliveryInput,
  DeliveryListQuery,
  DeliveryUpdateInput,
  EmergencyReleaseInput,
  InspectLineInput,
  ShipInput,
  SignInput,
  TraceCustomerQuery,
  TraceSearchQuery,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { documentLinks } from '../../platform/links/index.ts';
import type { DeliveryPermission } from './deliveries.access.ts';
import { deliveryReleaseApprovals, requestEmergencyRelease } from './deliveries.emergency.ts';
import { inspectLine, tickChecklist } from './deliveries.inspect.ts';
import { countDeliveries, listDeliveries } from './deliveries.list.ts';
import { deliveryPdf } from './deliveries.pdf.ts';
import { getDelivery } from './deliveries.queries.ts';
import { cancelDelivery, createDelivery, updateDelivery } from './deliveries.service.ts';
import { shipDelivery, signDelivery } from './deliveries.ship.ts';
import { deliveryTimeline } from './deliveries.timeline.ts';
import { qualityCard } from './quality-card.ts';
import { searchTraceCustomers, traceCustomer } from './trace.customer.ts';
import { searchBatches, traceBatch, traceDelivery } from './trace.service.ts';

const Id = BigIdParams;
const tags = ['deliveries'];

/** Delivery notes (SPEC 3.5) and traceability; each route is schema + permission + one use case. */
export function deliveryRoutes(app: ZodApp, db: Db) {
  const cfg = (permission: DeliveryPermission, surface: Surface) => ({ permission, resource: 'delivery', surface });
  const view = (surface: Surface) => cfg('delivery.view', surface);
  // A change to a note is gated on delivery.view here; the use case then requires its own
  // permission (create / inspect / ship / sign), so an invisible note is 404 before any 403.
  const change = cfg('delivery.view', 'mutation');

  app.get('/deliveries', { config: view('list'), schema: { tags, querystring: DeliveryListQuery } }, async (req) =>
    listDeliveries(ctxOf(req, db), req.query),
  );
  app.get('/deliveries/count', { config: view('count'), schema: { tags, querystring: DeliveryFilter } }, async (req) =>
    countDeliveries(ctxOf(req, db), req.query),
  );
  app.get('/deliveries/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getDelivery(ctxOf(req, db), req.params.id),
  );
  app.get('/deliveries/:id/approvals', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await deliveryReleaseApprovals(ctxOf(req, db), req.params.id),
  }));
  // The documents it was made from and those made from it (issue 11 item 3).
  app.get('/deliveries/:id/links', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    documentLinks(ctxOf(req, db), 'delivery', req.params.id),
  );
  app.get('/deliveries/:id/timeline', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await deliveryTimeline(ctxOf(req, db), req.params.id),
  }));
  app.get('/deliveries/:id/pdf', { config: view('byId'), schema: { tags, params: Id } }, async (req, reply) => {
    const { no, pdf } = await deliveryPdf(ctxOf(req, db), req.params.id);
    const name = encodeURIComponent(`送货单-${no}.pdf`);
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${no}.pdf"; filename*=UTF-8''${name}`);
    return reply.send(pdf);
  });
  app.post(
    '/deliveries',
    {
      config: { permission: 'delivery.create' as const, resource: 'delivery', surface: 'mutation' as const },
      schema: { tags, body: DeliveryInput },
    },
    async (req, reply) => reply.code(201).send(await createDelivery(ctxOf(req, db), req.body)),
  );
  app.put('/deliveries/:id', { config: change, schema: { tags, params: Id, body: DeliveryUpdateInput } }, async (req) =>
    updateDelivery(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/deliveries/:id/cancel',
    { config: change, schema: { tags, params: Id, body: DeliveryCancelInput } },
    async (req) => cancelDelivery(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/deliveries/:id/inspect',
    { config: change, schema: { tags, params: Id, body: InspectLineInput } },
    async (req) => inspectLine(ctxOf(req, db), req.params.id, req.body),
  );
  app.put(
    '/deliveries/:id/checklist',
    { config: change, schema: { tags, params: Id, body: ChecklistTickInput } },
    async (req) => tickChecklist(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/deliveries/:id/emergency-release',
    { config: change, schema: { tags, params: Id, body: EmergencyReleaseInput } },
    async (req) => requestEmergencyRelease(ctxOf(req, db), req.params.id, req.body),
  );
  app.post('/deliveries/:id/ship', { config: change, schema: { tags, params: Id, body: ShipInput } }, async (req) =>
    shipDelivery(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/deliveries/:id/sign',
    { bodyLimit: 16 * 1024 * 1024, config: change, schema: { tags, params: Id, body: SignInput } },
    async (req) => signDelivery(ctxOf(req, db), req.params.id, req.body),
  );

  // Traceability (SPEC 3.5): batch → deliveries and customers and customer → batches (company-wide),
  // delivery → batches (its scope).
  const trace = ['traceability'];
  app.get(
    '/trace/search',
    { config: { permission: 'trace.view' as const }, schema: { tags: trace, querystring: TraceSearchQuery } },
    async (req) => searchBatches(ctxOf(req, db), req.query.batchNo),
  );
  app.get(
    '/trace/batches/:id',
    { config: { permission: 'trace.view' as const }, schema: { tags: trace, params: Id } },
    async (req) => traceBatch(ctxOf(req, db), req.params.id),
  );
  app.get(
    '/trace/customers',
    { config: { permission: 'trace.view' as const }, schema: { tags: trace, querystring: TraceCustomerQuery } },
    async (req) => searchTraceCustomers(ctxOf(req, db), req.query.keyword),
  );
  app.get(
    '/trace/customers/:id',
    { config: { permission: 'trace.view' as const }, schema: { tags: trace, params: Id } },
    async (req) => traceCustomer(ctxOf(req, db), req.params.id),
  );
  // 产品质量跟踪卡: everything about a delivered batch/serial (deliveries, tickets, visits, complaints, returns).
  app.get(
    '/trace/batches/:id/card',
    { config: { permission: 'trace.view' as const }, schema: { tags: trace, params: Id } },
    async (req) => qualityCard(ctxOf(req, db), req.params.id),
  );
  app.get('/trace/deliveries/:id', { config: view('byId'), schema: { tags: trace, params: Id } }, async (req) =>
    traceDelivery(ctxOf(req, db), req.params.id),
  );
}
