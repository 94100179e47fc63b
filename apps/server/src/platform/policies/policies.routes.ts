import { INT_ID_MAX } from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { listPolicies, policyHistory, updatePolicy } from './policies.service.ts';

export function policyRoutes(app: ZodApp, db: Db) {
  const config = { permission: 'policy.manage' as const };
  app.get('/policies', { config, schema: { tags: ['policies'] } }, async (req) => ({
    items: await listPolicies(ctxOf(req, db)),
  }));
  app.put(
    '/policies/:key',
    {
      config,
      schema: {
        tags: ['policies'],
        params: z.object({ key: z.string().max(100) }),
        body: z.object({
          value: z.union([z.number(), z.string(), z.boolean()]),
          version: z.number().int().min(0).max(INT_ID_MAX),
        }),
      },
    },
    async (req) => updatePolicy(ctxOf(req, db), req.params.key, req.body.value, req.body.version),
  );
  app.get(
    '/policies/:key/history',
    { config, schema: { tags: ['policies'], params: z.object({ key: z.string().max(100) }) } },
    async (req) => ({ items: await policyHistory(ctxOf(req, db), req.params.key) }),
  );
}
