import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; every use case receives one and does all its writes through it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

// numeric and bigint come back as strings: keep money exact (SPEC: never floats).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** NOTIFY channel of principal changes (migration auth_cache_invalidation, ADR 0005). */
export const AUTH_CHANNEL = 'auth_changed';

export function connect(url: string, max = 10): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: 'sales-service',
    // Every connection listens, so PostgreSQL hands a connection its own transaction's principal
    // changes before the COMMIT returns: this process's principal cache drops them synchronously.
    onConnect: async (client) => {
      await client.query(`listen ${AUTH_CHANNEL}`);
      serializeQueries(client);
    },
  });
  pool.on('error', () => {
    // An idle client lost its connection (e.g. server restart); the pool replaces it.
  });
  const db = drizzle(pool, { schema });
  let relaxed: pg.Pool | undefined;
  let relaxedDb: Db | undefined;
  relaxedDbs.set(pool, () => {
    if (!relaxedDb) {
      relaxed = new pg.Pool({
        connectionString: url,
        max: 2,
        application_name: 'sales-service-access-log',
        // Committed at once, flushed to disk by the WAL writer within ~3 × wal_writer_delay (600 ms).
        options: '-c synchronous_commit=off',
      });
      relaxed.on('error', () => {});
      relaxedDb = drizzle(relaxed, { schema });
    }
    return relaxedDb;
  });
  return {
    db,
    pool,
    close: async () => {
      await relaxed?.end();
      await pool.end();
    },
  };
}

/**
 * Queries issued together on one client run one after another. A use case's reads in parallel
 * (`Promise.all` of a detail's parts) get a connection each from the pool, but inside a
 * transaction they share its one client: pg@8 queues them there itself yet deprecates it, and
 * pg@9 will refuse. Callback and streaming queries (cursors, COPY) keep pg's own handling.
 */
function serializeQueries(client: pg.ClientBase) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    const streaming = typeof (config as { submit?: unknown } | null)?.submit === 'function';
    if (streaming || typeof values === 'function' || typeof callback === 'function') {
      return query(config, values, callback);
    }
    const run = tail.then(() => query(config, values));
    tail = run.catch(() => undefined);
    return run;
  }) as typeof client.query;
}

const relaxedDbs = new WeakMap<pg.Pool, () => Db>();

/**
 * The companion of an app pool whose commits do not wait for the WAL flush, for append-only log
 * rows written on reads (the PIPL access log): the row is committed — visible, atomic, ordered —
 * before the answer goes out, but the answer does not wait ~2–4 ms for an fsync (issue 10 item 4).
 * Only a machine crash within the WAL writer's delay could lose such rows; business writes stay
 * synchronous. Undefined for a handle that is not one of connect()'s pools (e.g. a transaction).
 */
export function relaxedDbOf(db: DbOrTx): Db | undefined {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? relaxedDbs.get(client)?.() : undefined;
}

export const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');
/** Held while migrating; a restore holds it too, so an app starting meanwhile waits for it. */
export const MIGRATION_LOCK = 727001;

/** Applies committed migrations; an advisory lock keeps two starting instances from racing. */
export async function runMigrations(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
