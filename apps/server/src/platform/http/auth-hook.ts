import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { csrfMatches, loadPrincipal } from '../auth/auth.service.ts';
import type { Ctx } from '../context.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors.ts';
import { pickLocale } from '../i18n/locale.ts';
import { can } from '../permissions/principal.ts';

export const SESSION_COOKIE = 'sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session on every /api request, then enforces: signed in (401), CSRF token on
 * mutations (403), and the route's permission (403). Data scope is the services' job.
 */
export function registerAuthHook(app: FastifyInstance, db: Db) {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
  });
  app.addHook('preValidation', async (req) => {
    const config = req.routeOptions.config;
    // The OpenAPI document and its UI are public, like the login endpoint.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs') || config.public) return;
    const token = req.cookies[SESSION_COOKIE];
    const principal = token ? await loadPrincipal(db, token) : null;
    if (!principal) throw new UnauthenticatedError();
    req.principal = principal;
    if (!req.headers['accept-language']) req.locale = principal.locale;
    if (!SAFE_METHODS.has(req.method) && !csrfMatches(principal.csrfToken, req.headers['x-csrf-token'] as string))
      throw new ForbiddenError('auth.csrf');
    if (config.permission && !can(principal, config.permission)) throw new ForbiddenError();
  });
}

/** The use-case context of an authenticated request. */
export function ctxOf(req: FastifyRequest, db: Db): Ctx {
  if (!req.principal) throw new UnauthenticatedError();
  return { db, principal: req.principal, requestId: String(req.id), locale: req.locale, now: () => new Date() };
}
