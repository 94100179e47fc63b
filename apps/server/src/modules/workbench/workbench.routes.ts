import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { getWorkbench } from './workbench.service.ts';

const tags = ['workbench'];

/**
 * The workbench (工作台): personal, so no permission of its own; each source applies the
 * permission and data scope of the documents it reads.
 */
export function workbenchRoutes(app: ZodApp, db: Db) {
  app.get(
    '/workbench',
    {
      config: { resource: 'workbench', surface: 'list' },
      schema: { tags, querystring: z.object({ items: z.coerce.number().int().min(1).max(50).default(5) }) },
    },
    async (req) => getWorkbench(ctxOf(req, db), req.query),
  );
}
