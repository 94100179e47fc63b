import {
  BigIdParams,
  BulkItems,
  CustomerLockInput,
  IntIdParams,
  PoolAssignInput,
  PoolCustomerQuery,
  PoolInput,
  PoolMoveInput,
  PoolReleaseInput,
  VersionNo,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { countPoolCustomers, customerPoolStatus, getPoolCustomer, listPoolCustomers } from './pool.list.ts';
import {
  assignFromPool,
  bulkReleaseToPool,
  claimFromPool,
  lockCustomerAgainstReclaim,
  movePoolCustomer,
  releaseToPool,
  unlockCustomer,
} from './pool.service.ts';
import { createPool, getPool, listPools, updatePool } from './pools.service.ts';

const Id = BigIdParams;
const tags = ['pool'];
const Filter = PoolCustomerQuery.omit({ page: true, pageSize: true, sort: true, order: true });

export function poolRoutes(app: ZodApp, db: Db) {
  const cfg = (permission: Permission, resource: string, surface: Surface) => ({ permission, resource, surface });

  // Pools (公海) and their member departments.
  app.get('/pools', { config: cfg('pool.view', 'pool', 'list'), schema: { tags } }, async (req) => ({
    items: await listPools(ctxOf(req, db)),
  }));
  app.get(
    '/pools/:id',
    { config: cfg('pool.view', 'pool', 'byId'), schema: { tags, params: IntIdParams } },
    async (req) => getPool(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/pools',
    { config: cfg('pool.manage', 'pool', 'mutation'), schema: { tags, body: PoolInput } },
    async (req, reply) => reply.code(201).send(await createPool(ctxOf(req, db), req.body)),
  );
  app.put(
    '/pools/:id',
    {
      config: cfg('pool.manage', 'pool', 'mutation'),
      schema: { tags, params: IntIdParams, body: PoolInput.extend({ version: VersionNo }) },
    },
    async (req) => updatePool(ctxOf(req, db), req.params.id, req.body),
  );

  // Customers in the pools: masked list, count, detail; claim, move, assign.
  app.get(
    '/pool/customers',
    { config: cfg('pool.view', 'pool_customer', 'list'), schema: { tags, querystring: PoolCustomerQuery } },
    async (req) => listPoolCustomers(ctxOf(req, db), req.query),
  );
  app.get(
    '/pool/customers/count',
    { config: cfg('pool.view', 'pool_customer', 'count'), schema: { tags, querystring: Filter } },
    async (req) => countPoolCustomers(ctxOf(req, db), req.query),
  );
  app.get(
    '/pool/customers/:id',
    { config: cfg('pool.view', 'pool_customer', 'byId'), schema: { tags, params: Id } },
    async (req) => getPoolCustomer(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/pool/customers/:id/claim',
    { config: cfg('pool.claim', 'pool_customer', 'mutation'), schema: { tags, params: Id } },
    async (req) => claimFromPool(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/pool/customers/:id/move',
    { config: cfg('pool.manage', 'pool_customer', 'mutation'), schema: { tags, params: Id, body: PoolMoveInput } },
    async (req) => movePoolCustomer(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/pool/customers/:id/assign',
    { config: cfg('pool.manage', 'pool_customer', 'mutation'), schema: { tags, params: Id, body: PoolAssignInput } },
    async (req) => assignFromPool(ctxOf(req, db), req.params.id, req.body),
  );

  // Owned customers: pool status (lock, reclaim date); release to a pool, lock against / unlock for automatic reclaim.
  app.get(
    '/customers/:id/pool-status',
    { config: cfg('customer.view', 'customer', 'byId'), schema: { tags, params: Id } },
    async (req) => customerPoolStatus(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/customers/:id/release',
    { config: cfg('pool.claim', 'customer', 'mutation'), schema: { tags, params: Id, body: PoolReleaseInput } },
    async (req) => releaseToPool(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/customers/bulk-release',
    {
      config: cfg('pool.claim', 'customer', 'bulk'),
      schema: { tags, body: PoolReleaseInput.omit({ version: true }).extend({ items: BulkItems }) },
    },
    async (req) => bulkReleaseToPool(ctxOf(req, db), req.body),
  );
  app.post(
    '/customers/:id/lock',
    { config: cfg('pool.claim', 'customer', 'mutation'), schema: { tags, params: Id, body: CustomerLockInput } },
    async (req) => lockCustomerAgainstReclaim(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/customers/:id/unlock',
    { config: cfg('pool.claim', 'customer', 'mutation'), schema: { tags, params: Id, body: CustomerLockInput } },
    async (req) => unlockCustomer(ctxOf(req, db), req.params.id, req.body),
  );
}
