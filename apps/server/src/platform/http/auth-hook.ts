import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { loadToken } from '../api-tokens/index.ts';
import { csrfMatches, loadSession, sha256 } from '../auth/auth.service.ts';
import type { PrincipalCache } from '../auth/principal-cache.ts';
import type { Ctx } from '../context.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors.ts';
import { pickLocale } from '../i18n/locale.ts';
import { can, type Principal } from '../permissions/principal.ts';

export const SESSION_COOKIE = 'sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The secret of an `Authorization: Bearer <token>` header; undefined when the header is absent or another scheme. */
function bearerToken(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S*)\s*$/i);
  return m ? m[1] : undefined;
}

/**
 * Resolves the caller on every /api request — a personal API token (`Authorization: Bearer`) or
 * else the session cookie — then enforces: signed in (401), CSRF token on mutations of a session
 * (403), and the route's permission (403). Data scope is the services' job.
 */
export function registerAuthHook(app: FastifyInstance, db: Db, cache?: PrincipalCache) {
  // The principal cache (ADR 0005) answers repeat requests without a database round trip.
  const resolve = (key: string, load: () => ReturnType<typeof loadSession>) =>
    cache ? cache.get(key, load) : load().then((l) => l?.principal ?? null);
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
  });
  app.addHook('preValidation', async (req) => {
    const config = req.routeOptions.config;
    // The OpenAPI document and its UI are public, like the login endpoint.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs') || config.public) return;
    // A request naming a token is judged by that token alone: a bad one is a 401 even beside a cookie.
    const bearer = bearerToken(req.headers.authorization);
    let principal: Principal | null;
    if (bearer !== undefined) {
      principal = bearer ? await resolve(`t:${sha256(bearer)}`, () => loadToken(db, bearer)) : null;
      if (!principal) throw new UnauthenticatedError('auth.token_invalid');
    } else {
      const token = req.cookies[SESSION_COOKIE];
      principal = token ? await resolve(`s:${sha256(token)}`, () => loadSession(db, token)) : null;
      if (!principal) throw new UnauthenticatedError();
      // CSRF guards the cookie a browser attaches by itself; a bearer token is never sent implicitly.
      if (!SAFE_METHODS.has(req.method) && !csrfMatches(principal.csrfToken, req.headers['x-csrf-token'] as string))
        throw new ForbiddenError('auth.csrf');
    }
    req.principal = principal;
    if (!req.headers['accept-language']) req.locale = principal.locale;
    if (config.permission && !can(principal, config.permission)) throw new ForbiddenError();
  });
}

/** The use-case context of an authenticated request. */
export function ctxOf(req: FastifyRequest, db: Db): Ctx {
  if (!req.principal) throw new UnauthenticatedError();
  return { db, principal: req.principal, requestId: String(req.id), locale: req.locale, now: () => new Date() };
}
