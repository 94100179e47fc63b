import { PreferenceKey } from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { deleteMyPreference, getMyPreference, listMyPreferences, putMyPreference } from './preferences.service.ts';

const tags = ['preferences'];
const Key = z.object({ key: PreferenceKey });

/**
 * The signed-in user's own preferences (列设置…) under /me: the service always filters by the
 * principal, so there is no user id to ask for and no way to reach another user's.
 */
export function preferenceRoutes(app: ZodApp, db: Db) {
  app.get('/me/preferences', { schema: { tags } }, async (req) => listMyPreferences(ctxOf(req, db)));
  app.get('/me/preferences/:key', { schema: { tags, params: Key } }, async (req) =>
    getMyPreference(ctxOf(req, db), req.params.key),
  );
  app.put(
    '/me/preferences/:key',
    // The value's shape depends on the key's kind: checked by the service against PREFERENCE_KINDS.
    { schema: { tags, params: Key, body: z.object({ value: z.unknown() }) } },
    async (req) => putMyPreference(ctxOf(req, db), req.params.key, req.body.value),
  );
  app.delete('/me/preferences/:key', { schema: { tags, params: Key } }, async (req) =>
    deleteMyPreference(ctxOf(req, db), req.params.key),
  );
}
