import { BigId, QueryBigId } from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { listMyNotifications, markNotificationsRead } from './notifications.service.ts';

export function notificationRoutes(app: ZodApp, db: Db) {
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        querystring: z.object({
          before: QueryBigId.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          unreadOnly: z.coerce.boolean().default(false),
        }),
      },
    },
    async (req) => listMyNotifications(ctxOf(req, db), req.query),
  );
  app.post(
    '/notifications/read',
    {
      schema: {
        tags,
        body: z.object({ ids: z.union([z.array(BigId).max(500), z.literal('all')]) }),
      },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      await markNotificationsRead(ctx, req.body.ids);
      await recordAudit(ctx.db, ctx, {
        entityType: 'user',
        entityId: ctx.principal.userId,
        action: 'notifications_read',
        comment: req.body.ids === 'all' ? 'all' : req.body.ids.join(','),
      });
      return { ok: true };
    },
  );
}
