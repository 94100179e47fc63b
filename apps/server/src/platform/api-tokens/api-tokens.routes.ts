import { API_TOKEN_STATUSES, ApiTokenInput } from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import {
  createApiToken,
  listAllApiTokens,
  listMyApiTokens,
  revokeAnyApiToken,
  revokeMyApiToken,
} from './api-tokens.service.ts';

// api_tokens.id is an integer column: a larger id cannot exist (404, not a database error).
const Id = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const tags = ['api-tokens'];

/** Personal API tokens (SPEC 1.11): one's own under /me, every user's for the admin. */
export function apiTokenRoutes(app: ZodApp, db: Db) {
  // Own tokens: the service filters by the signed-in user, so another user's token is a 404.
  const own = { permission: 'apitoken.manage' as const, resource: 'api_token' };
  app.get('/me/api-tokens', { config: { ...own, surface: 'list' as const }, schema: { tags } }, async (req) =>
    listMyApiTokens(ctxOf(req, db)),
  );
  app.post(
    '/me/api-tokens',
    { config: { ...own, surface: 'mutation' as const }, schema: { tags, body: ApiTokenInput } },
    async (req, reply) => reply.code(201).send(await createApiToken(ctxOf(req, db), req.body)),
  );
  app.delete(
    '/me/api-tokens/:id',
    { config: { ...own, surface: 'mutation' as const }, schema: { tags, params: Id } },
    async (req) => revokeMyApiToken(ctxOf(req, db), req.params.id),
  );

  // Tokens are credentials of users: the admin view sits with user management.
  const admin = { permission: 'apitoken.admin' as const, resource: 'user' };
  app.get(
    '/api-tokens',
    {
      config: admin,
      schema: {
        tags,
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
          keyword: z.string().trim().max(50).optional(),
          userId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
          status: z.enum(API_TOKEN_STATUSES).optional(),
        }),
      },
    },
    async (req) => listAllApiTokens(ctxOf(req, db), req.query),
  );
  app.delete('/api-tokens/:id', { config: admin, schema: { tags, params: Id } }, async (req) =>
    revokeAnyApiToken(ctxOf(req, db), req.params.id),
  );
}
