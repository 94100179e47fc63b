import { AppraisalSchemeCreate, AppraisalSchemeDeactivate, AppraisalSchemeUpdate, IntIdParams } from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import {
  activeSchemes,
  createScheme,
  deactivateScheme,
  getScheme,
  listSchemes,
  updateScheme,
} from './appraisal.schemes.ts';

const tags = ['appraisal'];

/**
 * Appraisal schemes (考核方案, SPEC 5.2): company-wide configuration behind appraisal.scheme; the
 * run dialog reads the active ones with appraisal.manage.
 */
export function appraisalSchemeRoutes(app: ZodApp, db: Db) {
  const cfg = { permission: 'appraisal.scheme' as const };
  app.get(
    '/appraisal-runs/schemes',
    { config: { permission: 'appraisal.manage' as const }, schema: { tags } },
    async (req) => activeSchemes(ctxOf(req, db)),
  );
  app.get('/appraisal-schemes', { config: cfg, schema: { tags } }, async (req) => listSchemes(ctxOf(req, db)));
  app.get('/appraisal-schemes/:id', { config: cfg, schema: { tags, params: IntIdParams } }, async (req) =>
    getScheme(ctxOf(req, db), req.params.id),
  );
  app.post('/appraisal-schemes', { config: cfg, schema: { tags, body: AppraisalSchemeCreate } }, async (req, reply) => {
    const ctx = ctxOf(req, db);
    const id = await createScheme(ctx, req.body);
    return reply.code(201).send(await getScheme(ctx, id));
  });
  app.put(
    '/appraisal-schemes/:id',
    { config: cfg, schema: { tags, params: IntIdParams, body: AppraisalSchemeUpdate } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateScheme(ctx, req.params.id, req.body);
      return getScheme(ctx, req.params.id);
    },
  );
  app.post(
    '/appraisal-schemes/:id/deactivate',
    { config: cfg, schema: { tags, params: IntIdParams, body: AppraisalSchemeDeactivate } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await deactivateScheme(ctx, req.params.id, req.body);
      return getScheme(ctx, req.params.id);
    },
  );
}
