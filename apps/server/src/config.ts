import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  /** EMBEDDED_PG_MEMORY / EMBEDDED_PG_SETTINGS: overrides of the embedded server's sizing (docs/operations.md). */
  embeddedPg: { memory?: string; settings?: string };
  /** AUTH_CACHE_TTL_MS: the principal cache's safety-net TTL (ADR 0005); 0 turns the cache off. */
  authCacheTtlMs: number;
  timezone: string;
  smtp: { host?: string; port: number; user?: string; password?: string; from: string };
  webDist: string;
  loadDemoData: boolean;
  trustProxy: TrustProxy;
}

/** Fastify's trustProxy: off, every hop, a hop count, or the proxies' addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

/**
 * TRUST_PROXY: unset/`0`/`false` — the client address is the socket's (a client-sent
 * X-Forwarded-For is ignored, so it cannot dodge the login rate limit); `true`; a hop count;
 * or a comma-separated list of proxy addresses/CIDRs, e.g. `10.0.0.0/8,127.0.0.1`.
 */
export function parseTrustProxy(v: string | undefined): TrustProxy {
  const t = (v ?? '').trim();
  if (t === '' || t === '0' || t === 'false') return false;
  if (t === 'true') return true;
  if (/^\d+$/.test(t)) return Number(t);
  return t
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    embeddedPgPort: Number(env.EMBEDDED_PG_PORT ?? 54329),
    authCacheTtlMs: Number(env.AUTH_CACHE_TTL_MS ?? 15_000),
    embeddedPg: { memory: env.EMBEDDED_PG_MEMORY || undefined, settings: env.EMBEDDED_PG_SETTINGS || undefined },
    timezone: env.APP_TIMEZONE ?? 'Asia/Shanghai',
    smtp: {
      host: env.SMTP_HOST || undefined,
      port: Number(env.SMTP_PORT ?? 587),
      user: env.SMTP_USER || undefined,
      password: env.SMTP_PASSWORD || undefined,
      from: env.SMTP_FROM ?? 'noreply@example.com',
    },
    webDist: path.join(repoRoot, 'apps/web/dist'),
    loadDemoData: env.DEMO_DATA !== '0',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

export { repoRoot };
