import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { AUTH_CHANNEL } from '../../db/client.ts';
import type { Principal } from '../permissions/principal.ts';

/*
 * AUTH_CHANNEL is what the database triggers of migration `auth_cache_invalidation` NOTIFY on, in
 * the transaction that changes what a principal is made of. Payload: `*` (drop everything: a user,
 * role, grant or department changed) or space-separated keys `s:<session id>` / `t:<token id>`.
 */
export { AUTH_CHANNEL };

export interface PrincipalCacheOptions {
  /** How long an entry may be used without a notification saying it changed (the safety net). */
  ttlMs?: number;
  /** Most entries kept (least recently used go first). */
  max?: number;
  /** How often the listener connection is checked; a connection that does not answer is replaced. */
  heartbeatMs?: number;
  reconnectMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

/** What a credential resolved to, and until when the credential itself is valid. */
export interface LoadedPrincipal {
  principal: Principal;
  /** The session's or token's expiry (ms since epoch); Infinity for a token without one. */
  expiresAt: number;
}

/**
 * In-process cache of resolved principals (session or API token → user, department, roles,
 * grants), so an authenticated request needs no database round trip (ADR 0005).
 *
 * Correct across instances because every change to the rows a principal is built from NOTIFYs
 * from a trigger in the changing transaction:
 * - this instance's own pool connections LISTEN too, and PostgreSQL hands a session its own
 *   notifications before the COMMIT's reply — so a change made through this instance is dropped
 *   from its cache before the use case returns (read-your-writes, deterministic);
 * - a dedicated listener connection receives other instances' changes as they commit;
 * - while that listener is not connected (start, reconnect) nothing is cached or served from the
 *   cache, and everything is dropped when it (re)connects, so a lost notification cannot leave an
 *   entry behind; the TTL bounds an entry's life should a connection die silently between
 *   heartbeats.
 */
export class PrincipalCache {
  private readonly entries: LRUCache<string, LoadedPrincipal>;
  /** Bumped by every invalidation: a load that started before one is not stored. */
  private generation = 0;
  private listener: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly poolClients = new Set<pg.PoolClient>();
  private readonly onNotification = (n: pg.Notification) => {
    if (n.channel === AUTH_CHANNEL) this.invalidate(n.payload ?? '*');
  };
  private readonly onAcquire = (client: pg.PoolClient) => {
    if (this.poolClients.has(client)) return;
    this.poolClients.add(client);
    // The pool's connections LISTEN from their start (connect() in db/client.ts).
    client.on('notification', this.onNotification);
    client.once('end', () => this.poolClients.delete(client));
  };
  private readonly log: (msg: string, err?: unknown) => void;

  constructor(
    private readonly pool: pg.Pool,
    private readonly opts: PrincipalCacheOptions = {},
  ) {
    this.entries = new LRUCache<string, LoadedPrincipal>({ max: opts.max ?? 10_000, ttl: opts.ttlMs ?? 15_000 });
    this.log = opts.log ?? ((msg, err) => console.error(msg, (err as Error)?.message ?? ''));
    pool.on('acquire', this.onAcquire);
    void this.connect();
  }

  /** Whether entries are currently served (the listener is up). */
  get active(): boolean {
    return this.listening && !this.stopped;
  }

  /** Entries currently held (tests, diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The principal of a credential key (`s:<session id>` or `t:<token hash>`): from the cache while
   * valid, else from `load` — stored only when no invalidation arrived while it ran.
   */
  async get(key: string, load: () => Promise<LoadedPrincipal | null>, now = Date.now()): Promise<Principal | null> {
    if (this.active) {
      const hit = this.entries.get(key);
      if (hit && hit.expiresAt > now) return hit.principal;
    }
    const gen = this.generation;
    const loaded = await load();
    if (!loaded) return null;
    if (this.active && gen === this.generation) this.entries.set(key, loaded);
    return loaded.principal;
  }

  /** Drops what a notification names: `*` everything, else `s:<session id>` / `t:<token id>` keys. */
  invalidate(payload: string) {
    this.generation += 1;
    if (payload === '*' || payload === '') {
      this.entries.clear();
      return;
    }
    for (const key of payload.split(' ')) {
      if (key.startsWith('s:')) this.entries.delete(key);
      else if (key.startsWith('t:')) {
        const id = Number(key.slice(2));
        for (const [k, e] of this.entries.entries()) if (e.principal.apiTokenId === id) this.entries.delete(k);
      } else this.entries.clear();
    }
  }

  private down() {
    this.listening = false;
    this.generation += 1;
    this.entries.clear();
    clearInterval(this.heartbeat);
  }

  private async connect() {
    if (this.stopped) return;
    const c = new pg.Client({ ...this.pool.options, application_name: 'sales-service-auth-cache', keepAlive: true });
    const retry = () => {
      if (this.stopped || this.listener !== c) return;
      this.listener = null;
      this.down();
      c.end().catch(() => {});
      this.timer = setTimeout(() => void this.connect(), this.opts.reconnectMs ?? 2_000);
      this.timer.unref();
    };
    c.on('notification', this.onNotification);
    c.on('error', retry);
    c.on('end', retry);
    this.listener = c;
    try {
      await c.connect();
      await c.query(`listen ${AUTH_CHANNEL}`);
      if (this.stopped || this.listener !== c) return;
      // Whatever changed while nobody listened is unknown: start empty.
      this.generation += 1;
      this.entries.clear();
      this.listening = true;
      this.heartbeat = setInterval(() => {
        const timeout = setTimeout(retry, 5_000);
        c.query('select 1').then(
          () => clearTimeout(timeout),
          () => clearTimeout(timeout),
        );
      }, this.opts.heartbeatMs ?? 10_000);
      this.heartbeat.unref();
    } catch (err) {
      if (!this.stopped) this.log('auth cache cannot listen:', err);
      retry();
    }
  }

  async stop() {
    this.stopped = true;
    this.down();
    clearTimeout(this.timer);
    this.pool.off('acquire', this.onAcquire);
    for (const client of this.poolClients) client.off('notification', this.onNotification);
    this.poolClients.clear();
    const c = this.listener;
    this.listener = null;
    await c?.end().catch(() => {});
  }
}
