import {
  BigIdParams,
  BULK_MAX,
  BulkItems,
  ContactInput,
  CustomerInput,
  CustomerListQuery,
  EditComment,
  FollowUpInput,
  IntId,
  QueryVersionNo,
  queryIdListOf,
  VersionNo,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { recordAttachmentRoutes } from '../../platform/files/index.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { createContact, deleteContact, listContacts, updateContact } from './contacts.service.ts';
import { findCustomerInScope } from './customers.access.ts';
import { exportCustomersXlsx } from './customers.export.ts';
import { countCustomers, countCustomerViews, listCustomers, searchCustomers } from './customers.list.ts';
import { savedCustomerFilterRoutes } from './customers.saved-filters.routes.ts';
import { createCustomer, deleteCustomer, getCustomer, updateCustomer } from './customers.service.ts';
import { bulkTransferCustomers, transferCustomer } from './customers.transfer.ts';
import { followUpBoard } from './follow-ups.board.ts';
import { createFollowUp, listFollowUps, myFollowUps } from './follow-ups.service.ts';
import { customerRelated } from './related.service.ts';
import { customerTimeline } from './timeline.service.ts';

const Id = BigIdParams;
const Version = z.object({ version: QueryVersionNo });
const tags = ['customers'];
const Filter = CustomerListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
// 导出所选: the selected ids alone (the other filters are then ignored), at most BULK_MAX.
const ExportQuery = Filter.extend({ ids: queryIdListOf('bigint', BULK_MAX).optional() });
const TransferBody = z.object({ toUserId: IntId, reason: z.string().trim().min(1).max(500) });

export function customerRoutes(app: ZodApp, db: Db) {
  // Issue 14 item 6: files on the record, with the record's visibility.
  recordAttachmentRoutes(app, db, {
    entityType: 'customer',
    path: '/customers',
    resource: 'customer',
    view: 'customer.view',
    change: 'customer.edit',
    visible: (ctx, id, tx) => findCustomerInScope(ctx, id, 'customer.view', tx),
    changeable: (ctx, id, tx) => findCustomerInScope(ctx, id, 'customer.edit', tx),
  });
  const view = (surface: 'byId' | 'list' | 'count' | 'search' | 'export') => ({
    permission: 'customer.view' as const,
    resource: 'customer',
    surface,
  });
  const mutation = (
    permission: 'customer.create' | 'customer.edit' | 'customer.delete' | 'customer.transfer' | 'followup.create',
  ) => ({
    permission,
    resource: 'customer',
    surface: 'mutation' as const,
  });

  app.get('/customers', { config: view('list'), schema: { tags, querystring: CustomerListQuery } }, async (req) =>
    listCustomers(ctxOf(req, db), req.query),
  );
  app.get('/customers/count', { config: view('count'), schema: { tags, querystring: Filter } }, async (req) =>
    countCustomers(ctxOf(req, db), req.query),
  );
  app.get(
    '/customers/views',
    { config: view('count'), schema: { tags, querystring: Filter.omit({ view: true }) } },
    async (req) => countCustomerViews(ctxOf(req, db), req.query),
  );
  app.get(
    '/customers/search',
    { config: view('search'), schema: { tags, querystring: z.object({ q: z.string().trim().min(1).max(50) }) } },
    async (req) => ({ items: await searchCustomers(ctxOf(req, db), req.query.q) }),
  );
  app.get(
    '/customers/export',
    { config: { ...view('export'), permission: 'customer.export' }, schema: { tags, querystring: ExportQuery } },
    async (req, reply) => {
      const stream = await exportCustomersXlsx(ctxOf(req, db), req.query);
      const label = { 'zh-CN': '客户', 'zh-TW': '客戶', 'en-US': 'customers' }[req.locale];
      const name = encodeURIComponent(`${label}-${new Date().toISOString().slice(0, 10)}.xlsx`);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="customers.xlsx"; filename*=UTF-8''${name}`);
      return reply.send(stream);
    },
  );
  app.get('/customers/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getCustomer(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/customers',
    { config: mutation('customer.create'), schema: { tags, body: CustomerInput } },
    async (req, reply) => reply.code(201).send(await createCustomer(ctxOf(req, db), req.body)),
  );
  app.put(
    '/customers/:id',
    {
      config: mutation('customer.edit'),
      schema: { tags, params: Id, body: CustomerInput.and(Version).and(EditComment) },
    },
    async (req) => updateCustomer(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/customers/:id/transfer',
    {
      config: mutation('customer.transfer'),
      schema: {
        tags,
        params: Id,
        body: TransferBody.extend({ version: VersionNo }),
      },
    },
    async (req) => transferCustomer(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/customers/bulk-transfer',
    {
      config: { ...mutation('customer.transfer'), surface: 'bulk' as const },
      schema: { tags, body: TransferBody.extend({ items: BulkItems }) },
    },
    async (req) => bulkTransferCustomers(ctxOf(req, db), req.body),
  );
  app.delete(
    '/customers/:id',
    { config: mutation('customer.delete'), schema: { tags, params: Id, querystring: Version } },
    async (req) => deleteCustomer(ctxOf(req, db), req.params.id, req.query.version),
  );

  app.get(
    '/customers/:id/contacts',
    {
      config: view('byId'),
      schema: { tags, params: Id, querystring: z.object({ archived: z.stringbool().optional() }) },
    },
    async (req) => ({ items: await listContacts(ctxOf(req, db), req.params.id, req.query.archived ?? false) }),
  );
  app.post(
    '/customers/:id/contacts',
    { config: mutation('customer.edit'), schema: { tags, params: Id, body: ContactInput } },
    async (req, reply) => reply.code(201).send(await createContact(ctxOf(req, db), req.params.id, req.body)),
  );
  const contact = { ...mutation('customer.edit'), resource: 'customer_contact' };
  app.put(
    '/contacts/:id',
    { config: contact, schema: { tags, params: Id, body: ContactInput.and(Version) } },
    async (req) => updateContact(ctxOf(req, db), req.params.id, req.body),
  );
  app.delete('/contacts/:id', { config: contact, schema: { tags, params: Id, querystring: Version } }, async (req) =>
    deleteContact(ctxOf(req, db), req.params.id, req.query.version),
  );

  app.get('/customers/:id/follow-ups', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await listFollowUps(ctxOf(req, db), req.params.id),
  }));
  app.post(
    '/customers/:id/follow-ups',
    { config: mutation('followup.create'), schema: { tags, params: Id, body: FollowUpInput } },
    async (req, reply) => reply.code(201).send(await createFollowUp(ctxOf(req, db), req.params.id, req.body)),
  );
  app.get(
    '/follow-ups/mine',
    {
      config: { ...view('list'), resource: 'follow_up' },
      schema: {
        tags,
        querystring: z.object({
          status: z.enum(['due', 'overdue', 'upcoming']).default('due'),
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => myFollowUps(ctxOf(req, db), req.query),
  );
  app.get('/follow-ups/board', { config: view('list'), schema: { tags } }, async (req) =>
    followUpBoard(ctxOf(req, db)),
  );
  app.get('/customers/:id/timeline', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await customerTimeline(ctxOf(req, db), req.params.id),
  }));
  // The customer 360: per kind of related record the viewer may read, its count and newest records.
  app.get('/customers/:id/related', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    customerRelated(ctxOf(req, db), req.params.id),
  );
  savedCustomerFilterRoutes(app, db);
}
