import type { Locale } from '../i18n/locale.ts';
import type { Principal } from '../permissions/principal.ts';
import type { Permission } from '../permissions/registry.ts';

/**
 * How a route exposes a scoped resource; the data-scope sweep test reads this from the route table.
 * 'bulk': a write over a list of records in its body (批量转移…), all or nothing.
 */
// report: figures aggregated over a scope (dashboards, indicator drill-downs): swept for scope like
// lists, but not index-ordered pages (list-order-index.test.ts checks 'list' only).
export type Surface = 'byId' | 'list' | 'count' | 'search' | 'export' | 'mutation' | 'bulk' | 'report';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs). */
    public?: boolean;
    /** Required permission; checked before the handler (data scope is applied by the service). */
    permission?: Permission;
    /** Resource a scoped route reads or writes, e.g. 'customer' (for the scope sweep). */
    resource?: string;
    surface?: Surface;
  }
}
