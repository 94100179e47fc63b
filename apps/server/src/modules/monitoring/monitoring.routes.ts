import { ProcessHealthQuery } from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { processHealth } from './monitoring.queries.ts';

/** Process health (流程监控, SPEC 5.1): gated by monitor.view; each row by its document's own scope. */
export function monitoringRoutes(app: ZodApp, db: Db) {
  app.get(
    '/process-health',
    {
      config: { permission: 'monitor.view', resource: 'process_health', surface: 'list' },
      schema: { tags: ['process-health'], querystring: ProcessHealthQuery },
    },
    async (req) => processHealth(ctxOf(req, db), req.query),
  );
}
