import './calendar.messages.ts';
import { INT_ID_MAX } from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import {
  calendarRange,
  getCalendarSettings,
  removeCompanyDay,
  setCompanyDay,
  updateCalendarSettings,
} from './calendar.service.ts';

const IsoDate = z.iso.date();
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'validation.time');

export function calendarRoutes(app: ZodApp, db: Db) {
  const manage = { permission: 'calendar.manage' as const };
  const tags = ['calendar'];
  // Which days are worked is company information every signed-in user may read (no permission).
  app.get(
    '/calendar/days',
    {
      schema: {
        tags,
        querystring: z
          .object({ from: IsoDate, to: IsoDate })
          .refine((q) => q.from <= q.to, { path: ['to'], message: 'validation.dateRange' })
          .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, {
            path: ['to'],
            message: 'calendar.rangeTooLong',
          }),
      },
    },
    async (req) => calendarRange(ctxOf(req, db), req.query.from, req.query.to),
  );
  app.get('/calendar/settings', { schema: { tags } }, async (req) => getCalendarSettings(ctxOf(req, db)));
  app.put(
    '/calendar/settings',
    {
      config: manage,
      schema: {
        tags,
        body: z.object({
          weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
          dayStart: Time,
          dayEnd: Time,
          breakStart: Time.nullable(),
          breakEnd: Time.nullable(),
          version: z.number().int().min(0).max(INT_ID_MAX),
        }),
      },
    },
    async (req) => updateCalendarSettings(ctxOf(req, db), req.body),
  );
  app.put(
    '/calendar/days/:date',
    {
      config: manage,
      schema: {
        tags,
        params: z.object({ date: IsoDate }),
        body: z.object({
          kind: z.enum(['holiday', 'workday']),
          name: z
            .string()
            .trim()
            .max(50)
            .nullish()
            .transform((v) => v || null),
        }),
      },
    },
    async (req) => setCompanyDay(ctxOf(req, db), req.params.date, req.body),
  );
  app.delete(
    '/calendar/days/:date',
    { config: manage, schema: { tags, params: z.object({ date: IsoDate }) } },
    async (req, reply) => {
      await removeCompanyDay(ctxOf(req, db), req.params.date);
      return reply.status(204).send();
    },
  );
}
