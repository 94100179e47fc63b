import { BigIdParams } from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { completeTask, countMyTasks, myTasks } from './tasks.service.ts';

const Id = BigIdParams;
const tags = ['tasks'];

/** The signed-in user's to-dos (待办, SPEC 1.6). Tasks are personal: no permission, scope = mine. */
export function taskRoutes(app: ZodApp, db: Db) {
  app.get(
    '/tasks',
    {
      config: { resource: 'task', surface: 'list' },
      schema: {
        tags,
        querystring: z.object({
          bucket: z.enum(['today', 'overdue', 'upcoming', 'done']).default('today'),
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => myTasks(ctxOf(req, db), req.query),
  );
  app.get('/tasks/count', { config: { resource: 'task', surface: 'count' }, schema: { tags } }, async (req) =>
    countMyTasks(ctxOf(req, db)),
  );
  app.post(
    '/tasks/:id/complete',
    { config: { resource: 'task', surface: 'mutation' }, schema: { tags, params: Id } },
    async (req) => completeTask(ctxOf(req, db), req.params.id),
  );
}
