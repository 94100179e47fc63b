import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type pg from 'pg';
import type { TrustProxy } from './config.ts';
import type { Db } from './db/client.ts';
import { creditRoutes, customerRoutes } from './modules/customers/index.ts';
import { frontDeskRoutes } from './modules/front-desk/index.ts';
import { opportunityRoutes, pipelineRoutes } from './modules/opportunities/index.ts';
import { poolRoutes } from './modules/pool/index.ts';
import { qualityRoutes } from './modules/quality/index.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { PrincipalCache, type PrincipalCacheOptions } from './platform/auth/principal-cache.ts';
import { RouteNotFoundError } from './platform/errors/errors.ts';
import { registerAuthHook } from './platform/http/auth-hook.ts';
import { BODY_LIMIT_BYTES, errorHandler } from './platform/http/error-handler.ts';
import { registerInputGuard } from './platform/http/input-guard.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import './platform/http/types.ts';
import { approvalRoutes } from './platform/approvals/approvals.routes.ts';
import { accessLogRoutes } from './platform/audit/access-log.routes.ts';
import { calendarRoutes } from './platform/calendar/calendar.routes.ts';
import { notificationRoutes } from './platform/notifications/notifications.routes.ts';
import { orgRoutes } from './platform/org/org.routes.ts';
import { policyRoutes } from './platform/policies/policies.routes.ts';
import './platform/mail/index.ts';
import { analyticsRoutes } from './modules/analytics/index.ts';
import { appraisalRoutes, appraisalSchemeRoutes } from './modules/appraisal/index.ts';
import { complaintRoutes } from './modules/complaints/index.ts';
import { contractRoutes } from './modules/contracts/index.ts';
import { dealerRoutes } from './modules/dealers/index.ts';
import { deliveryRoutes } from './modules/deliveries/index.ts';
import { disciplineRoutes } from './modules/discipline/index.ts';
import { eventRoutes } from './modules/events/index.ts';
import { expenseRoutes } from './modules/expenses/index.ts';
import { financeRoutes } from './modules/finance/index.ts';
import { importRoutes } from './modules/imports/index.ts';
import { inquiryRoutes } from './modules/inquiries/index.ts';
import { milestoneRoutes } from './modules/milestones/index.ts';
import { monitoringRoutes } from './modules/monitoring/index.ts';
import { orderRoutes } from './modules/orders/index.ts';
import { planRoutes } from './modules/plans/index.ts';
import { productRoutes } from './modules/products/index.ts';
import { quoteRoutes } from './modules/quotes/index.ts';
import { reportRoutes } from './modules/reports/index.ts';
import { promotionRoutes, researchRoutes } from './modules/research/index.ts';
import { returnVisitRoutes } from './modules/return-visits/index.ts';
import { returnRoutes } from './modules/returns/index.ts';
import { serviceRoutes } from './modules/service/index.ts';
import { stockRoutes } from './modules/stock/index.ts';
import { trainingRoutes } from './modules/training/index.ts';
import { workbenchRoutes } from './modules/workbench/index.ts';
import { worklogRoutes } from './modules/worklogs/index.ts';
import { apiTokenRoutes } from './platform/api-tokens/index.ts';
import { fileRoutes } from './platform/files/index.ts';
import { preferenceRoutes } from './platform/preferences/index.ts';
import { taskRoutes } from './platform/tasks/index.ts';
import { webhookRoutes } from './platform/webhooks/index.ts';

export type App = FastifyInstance & { routeTable: RouteInfo[]; principalCache?: PrincipalCache };
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
export interface RouteInfo {
  method: string;
  url: string;
  config: Record<string, unknown>;
  /** The route's querystring schema (zod), for tests generated from the route table. */
  querystring?: unknown;
}

export interface AppOptions {
  db: Db;
  webDist?: string;
  logger?: boolean;
  /** Login attempts per IP per minute: generous, since a whole office may share one NAT address; the per-name lockout is the brute-force guard. */
  loginRateLimit?: number;
  /** Which proxies' X-Forwarded-For to believe (TRUST_PROXY); default none. */
  trustProxy?: TrustProxy;
  /** The in-process principal cache (ADR 0005); `false` resolves every request from the database. */
  principalCache?: PrincipalCacheOptions | false;
}

/** Builds the HTTP application: platform plugins first, then every module's routes. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    // Fastify accepts a hop count (documented) though its typings leave the number out.
    trustProxy: (opts.trustProxy ?? false) as boolean | string[],
    bodyLimit: BODY_LIMIT_BYTES,
    // Errors Fastify answers before routing (a URL that is not valid percent-encoded UTF-8) get the
    // same localised body as every other error.
    frameworkErrors: (err, req, reply) => errorHandler(err, req, reply),
  }) as unknown as App;
  app.routeTable = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m !== 'HEAD')
        app.routeTable.push({
          method: m,
          url: r.url,
          config: (r.config ?? {}) as Record<string, unknown>,
          querystring: r.schema?.querystring,
        });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design's CSS-in-JS inserts <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Offices often run it on plain HTTP inside the LAN: HSTS only matters (and only applies) over HTTPS.
    strictTransportSecurity: { maxAge: 15552000, includeSubDomains: false },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  // Issue 11 (first load): JSON and other text responses go out brotli/gzip-compressed when the
  // client accepts it; the web app's files are compressed once at build time (preCompressed below).
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: '销售服务管理系统 API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sid' },
          // Personal API tokens (SPEC 1.11): `Authorization: Bearer sst_…`, no CSRF header needed.
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Swagger UI sends its own CSP (hashes of its inline script) for its pages.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
    staticCSP: true,
    transformStaticCSP: (h) => h.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
  });
  if (opts.principalCache !== false) {
    // drizzle(pool) keeps its pool as $client (connect() in db/client.ts); the cache listens on it.
    const pool = (opts.db as Db & { $client: pg.Pool }).$client;
    const cache = new PrincipalCache(pool, opts.principalCache);
    app.principalCache = cache;
    app.addHook('onClose', () => cache.stop());
  }
  registerAuthHook(app, opts.db, app.principalCache);
  registerInputGuard(app);

  const api = app.withTypeProvider<ZodTypeProvider>();
  await api.register(
    async (scoped) => {
      authRoutes(scoped, opts.db, opts.loginRateLimit ?? 100);
      orgRoutes(scoped, opts.db);
      policyRoutes(scoped, opts.db);
      calendarRoutes(scoped, opts.db);
      accessLogRoutes(scoped, opts.db);
      approvalRoutes(scoped, opts.db);
      notificationRoutes(scoped, opts.db);
      taskRoutes(scoped, opts.db);
      customerRoutes(scoped, opts.db);
      creditRoutes(scoped, opts.db);
      poolRoutes(scoped, opts.db);
      frontDeskRoutes(scoped, opts.db);
      opportunityRoutes(scoped, opts.db);
      pipelineRoutes(scoped, opts.db);
      fileRoutes(scoped, opts.db);
      productRoutes(scoped, opts.db);
      quoteRoutes(scoped, opts.db);
      contractRoutes(scoped, opts.db);
      orderRoutes(scoped, opts.db);
      stockRoutes(scoped, opts.db);
      deliveryRoutes(scoped, opts.db);
      serviceRoutes(scoped, opts.db);
      complaintRoutes(scoped, opts.db);
      returnVisitRoutes(scoped, opts.db);
      financeRoutes(scoped, opts.db);
      returnRoutes(scoped, opts.db);
      milestoneRoutes(scoped, opts.db);
      analyticsRoutes(scoped, opts.db);
      workbenchRoutes(scoped, opts.db);
      worklogRoutes(scoped, opts.db);
      importRoutes(scoped, opts.db);
      monitoringRoutes(scoped, opts.db);
      reportRoutes(scoped, opts.db);
      planRoutes(scoped, opts.db);
      eventRoutes(scoped, opts.db);
      expenseRoutes(scoped, opts.db);
      researchRoutes(scoped, opts.db);
      promotionRoutes(scoped, opts.db);
      apiTokenRoutes(scoped, opts.db);
      preferenceRoutes(scoped, opts.db);
      webhookRoutes(scoped, opts.db);
      inquiryRoutes(scoped, opts.db);
      trainingRoutes(scoped, opts.db);
      dealerRoutes(scoped, opts.db);
      disciplineRoutes(scoped, opts.db);
      qualityRoutes(scoped, opts.db);
      appraisalRoutes(scoped, opts.db);
      appraisalSchemeRoutes(scoped, opts.db);
      scoped.get('/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }));
    },
    { prefix: '/api' },
  );

  const hasWeb = !!opts.webDist && fs.existsSync(opts.webDist);
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: opts.webDist as string,
      wildcard: true,
      // index.js.br / .gz written by the web build (apps/web/vite.config.ts) are sent as they are.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => reply.header('cache-control', webCacheControl(filePath)),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes: any non-API GET that is not a file gets the single-page app.
    // A missing hashed asset (an old release's chunk) is a 404, not the page.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    // No such route: its own code, distinct from a record that does not exist ('not_found').
    return errorHandler(new RouteNotFoundError(), req, reply);
  });
  return app;
}

/**
 * Hashed build output (assets/name-<hash>.js) never changes under its name: cached for a year.
 * Everything else (index.html above all) is revalidated on every load, so a new release is picked
 * up at once.
 */
export function webCacheControl(filePath: string): string {
  return /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
