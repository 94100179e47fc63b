import {
  BigIdParams,
  OrderConfirmInput,
  OrderFilter,
  OrderInput,
  OrderLabelCheckInput,
  OrderListQuery,
  OrderReasonInput,
  OrderReviewInput,
  OrderUpdateInput,
  OrderVersionInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { recordAttachmentRoutes } from '../../platform/files/index.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { documentLinks } from '../../platform/links/index.ts';
import { findOrderForChange, findOrderInScope } from './orders.access.ts';
import { updateOrder } from './orders.create.ts';
import { CREDIT_OVERRIDE_DOC, reviewOrderWithOverride } from './orders.credit.ts';
import { exportOrdersXlsx } from './orders.export.ts';
import { checkOrderLabel } from './orders.labels.ts';
import { countOrders, countOrderViews, listOrders } from './orders.list.ts';
import { getOrder, listOrderReviews, orderTimeline } from './orders.queries.ts';
import { placeOrder } from './orders.request.ts';
import {
  cancelOrder,
  completeOrder,
  confirmOrder,
  confirmSpecialRequirements,
  prepareOrder,
  returnOrder,
  submitOrder,
} from './orders.service.ts';
import { planningRoutes } from './planning.routes.ts';

const Id = BigIdParams;
const tags = ['orders'];
type OrderPermission = 'order.view' | 'order.create' | 'order.edit' | 'order.review' | 'order.cancel' | 'order.export';

/** Order routes (SPEC 3.4): schema + permission + one service call each. */
export function orderRoutes(app: ZodApp, db: Db) {
  // Issue 14 item 6: files on the record, with the record's visibility.
  recordAttachmentRoutes(app, db, {
    entityType: 'order',
    path: '/orders',
    resource: 'order',
    view: 'order.view',
    change: 'order.edit',
    visible: (ctx, id, tx) => findOrderInScope(ctx, id, 'order.view', tx),
    changeable: (ctx, id, tx) => findOrderForChange(ctx, id, 'order.edit', tx),
  });
  const cfg = (permission: OrderPermission, surface: Surface) => ({ permission, resource: 'order', surface });
  const view = (surface: Surface) => cfg('order.view', surface);
  const edit = cfg('order.edit', 'mutation');

  app.get('/orders', { config: view('list'), schema: { tags, querystring: OrderListQuery } }, async (req) =>
    listOrders(ctxOf(req, db), req.query),
  );
  app.get('/orders/count', { config: view('count'), schema: { tags, querystring: OrderFilter } }, async (req) =>
    countOrders(ctxOf(req, db), req.query),
  );
  app.get(
    '/orders/views',
    { config: view('count'), schema: { tags, querystring: OrderFilter.omit({ view: true }) } },
    async (req) => countOrderViews(ctxOf(req, db), req.query),
  );
  app.get(
    '/orders/export',
    { config: cfg('order.export', 'export'), schema: { tags, querystring: OrderFilter } },
    async (req, reply) => {
      const stream = exportOrdersXlsx(ctxOf(req, db), req.query);
      const name = encodeURIComponent(`订单-${new Date().toISOString().slice(0, 10)}.xlsx`);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="orders.xlsx"; filename*=UTF-8''${name}`);
      return reply.send(stream);
    },
  );
  app.get('/orders/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getOrder(ctxOf(req, db), req.params.id),
  );
  // Its credit-override approvals for everyone who sees the order (the instance itself opens only
  // to its applicant and approvers: the review tab showed the 404 page to the others).
  app.get('/orders/:id/approvals', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await documentApprovals(ctxOf(req, db), CREDIT_OVERRIDE_DOC, req.params.id),
  }));
  // The documents it was made from and those made from it (issue 11 item 3).
  app.get('/orders/:id/links', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    documentLinks(ctxOf(req, db), 'order', req.params.id),
  );
  app.get('/orders/:id/timeline', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await orderTimeline(ctxOf(req, db), req.params.id),
  }));
  app.get('/orders/:id/reviews', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await listOrderReviews(ctxOf(req, db), req.params.id),
  }));
  app.post(
    '/orders',
    { config: cfg('order.create', 'mutation'), schema: { tags, body: OrderInput } },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const out = await placeOrder(ctxOf(req, db), typeof key === 'string' ? key : undefined, req.body);
      return reply.code(out.status).send(out.body);
    },
  );
  app.put('/orders/:id', { config: edit, schema: { tags, params: Id, body: OrderUpdateInput } }, async (req) => {
    const ctx = ctxOf(req, db);
    await updateOrder(ctx, req.params.id, req.body);
    return getOrder(ctx, req.params.id);
  });
  app.post(
    '/orders/:id/confirm',
    { config: edit, schema: { tags, params: Id, body: OrderConfirmInput } },
    async (req) => confirmOrder(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/orders/:id/confirm-special',
    { config: edit, schema: { tags, params: Id, body: OrderVersionInput } },
    async (req) => confirmSpecialRequirements(ctxOf(req, db), req.params.id, req.body.version),
  );
  app.post('/orders/:id/submit', { config: edit, schema: { tags, params: Id, body: OrderVersionInput } }, async (req) =>
    submitOrder(ctxOf(req, db), req.params.id, req.body.version),
  );
  app.post('/orders/:id/return', { config: edit, schema: { tags, params: Id, body: OrderReasonInput } }, async (req) =>
    returnOrder(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/orders/:id/review',
    { config: cfg('order.review', 'mutation'), schema: { tags, params: Id, body: OrderReviewInput } },
    async (req) => reviewOrderWithOverride(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/orders/:id/cancel',
    { config: cfg('order.cancel', 'mutation'), schema: { tags, params: Id, body: OrderReasonInput } },
    async (req) => cancelOrder(ctxOf(req, db), req.params.id, req.body),
  );
  // Preparation is started by the owner or a planner: the service checks order.edit or order.plan.
  app.post(
    '/orders/:id/prepare',
    { config: view('mutation'), schema: { tags, params: Id, body: OrderVersionInput } },
    async (req) => prepareOrder(ctxOf(req, db), req.params.id, req.body.version),
  );
  // 中文标识核对 by the reviewer or a planner: the service checks order.review or order.plan.
  app.post(
    '/orders/:id/label-check',
    { config: view('mutation'), schema: { tags, params: Id, body: OrderLabelCheckInput } },
    async (req) => checkOrderLabel(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/orders/:id/complete',
    { config: edit, schema: { tags, params: Id, body: OrderVersionInput } },
    async (req) => completeOrder(ctxOf(req, db), req.params.id, req.body.version),
  );
  planningRoutes(app, db);
}
