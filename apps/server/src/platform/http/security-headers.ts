import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for `options`, computed once. Helmet's output does not depend on the
 * request (no CSP nonces here), but @fastify/helmet rebuilds the middleware — parsing every CSP
 * directive — on each request, which cost ~4 % of a trivial request's CPU (issue 10 item 4,
 * docs/benchmarks.md B1). Running helmet itself once keeps it the source of the header values.
 */
export function helmetHeaders(options: HelmetOptions): { set: Record<string, string>; removed: string[] } {
  const set: Record<string, string> = {};
  const removed: string[] = [];
  const res = {
    setHeader: (name: string, value: string) => {
      set[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      removed.push(name.toLowerCase());
    },
  };
  let failed: unknown;
  helmet(options)({} as never, res as never, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed;
  return { set, removed };
}

/** Sets the precomputed helmet headers on every response (routes may still override one, as Swagger UI does its CSP). */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions) {
  const { set, removed } = helmetHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(set);
    for (const name of removed) reply.raw.removeHeader(name);
    done();
  });
}
