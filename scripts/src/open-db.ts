/**
 * Opens the database the way the app does: DATABASE_URL if set, else the embedded PostgreSQL in
 * a data directory; then migrations, and bootstrap + demo data when the database is empty.
 */
import net from 'node:net';
import { loadConfig } from '../../apps/server/src/config.ts';
import { connect, type Database, runMigrations } from '../../apps/server/src/db/client.ts';
import { type EmbeddedDb, startEmbeddedPostgres } from '../../apps/server/src/db/embedded.ts';
import { runBackfills } from '../../apps/server/src/platform/backfills/index.ts';
import { bootstrapOrganisation } from '../../apps/server/src/platform/org/bootstrap.ts';
import { DEMO_PASSWORD, loadDemoData } from './demo-data.ts';

export interface OpenedDb {
  database: Database;
  url: string;
  embedded: EmbeddedDb | undefined;
  close(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function openDatabase(
  opts: { dataDir?: string; port?: number; poolSize?: number; log?: (m: string) => void } = {},
): Promise<OpenedDb> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const config = loadConfig();
  let url = config.databaseUrl;
  let embedded: EmbeddedDb | undefined;
  if (!url) {
    const dataDir = opts.dataDir ?? config.dataDir;
    const port = opts.port ?? config.embeddedPgPort;
    log(`Starting embedded PostgreSQL in ${dataDir} (port ${port}) …`);
    embedded = await startEmbeddedPostgres(dataDir, port);
    url = embedded.url;
  }
  const database = connect(url, opts.poolSize ?? 10);
  const close = async () => {
    await database.close().catch(() => {});
    await embedded?.stop().catch((e: Error) => console.error('embedded PostgreSQL stop failed:', e.message));
  };
  try {
    await runMigrations(database);
    // As `npm start` does: values computed in code for what the migrations added (e.g. the
    // receivables' department-subtree rows), so seeds and benches read what the product reads.
    const ran = await runBackfills(database.db);
    if (ran.length) log(`Backfills run: ${ran.join(', ')}`);
    if (await bootstrapOrganisation(database.db, DEMO_PASSWORD)) {
      const t0 = performance.now();
      log('Empty database: loading demo data …');
      await loadDemoData(database.db);
      log(`Demo data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { database, url, embedded, close };
}
