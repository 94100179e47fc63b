/**
 * `npm run backup [-- FILE]` and `npm run restore -- FILE` (README, ADR 0002).
 *
 * The database is the app's: DATABASE_URL when set, else the embedded cluster in DATA_DIR —
 * reached on the port of the instance running on it (postmaster.pid) with the generated
 * password in DATA_DIR/pg-password, or started for the command when nothing runs there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { embeddedPaths, startEmbeddedPostgres } from '../embedded.ts';
import { clusterProcesses } from '../embedded-recovery.ts';
import { writeBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';

interface Target {
  url: string;
  description: string;
  close(): Promise<void>;
}

const noop = async () => {};

/** The port of a cluster running on `pgDir` (line 4 of postmaster.pid), if one runs. */
function runningPort(pgDir: string): number | undefined {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile) || clusterProcesses(pgDir).length === 0) return undefined;
  const port = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[3]);
  return port > 0 ? port : undefined;
}

async function backupSource(): Promise<Target> {
  const config = loadConfig();
  if (config.databaseUrl) return { url: config.databaseUrl, description: 'DATABASE_URL', close: noop };
  const { pgDir, passwordFile } = embeddedPaths(config.dataDir);
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    throw new Error(`There is no database in ${config.dataDir} (DATA_DIR) to back up, and DATABASE_URL is not set.`);
  }
  const password = encodeURIComponent(fs.readFileSync(passwordFile, 'utf8').trim());
  const port = runningPort(pgDir);
  if (port) {
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${port}/sales`,
      description: `the running embedded database in ${config.dataDir}`,
      close: noop,
    };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, { log: () => {} });
  return { url: embedded.url, description: `the embedded database in ${config.dataDir}`, close: embedded.stop };
}

async function restoreTarget(): Promise<Target> {
  const config = loadConfig();
  if (config.databaseUrl) return { url: config.databaseUrl, description: 'The database in DATABASE_URL', close: noop };
  // Creates the cluster in an empty DATA_DIR; refuses one that a running instance holds.
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  return {
    url: embedded.url,
    description: `The embedded database in ${config.dataDir} (DATA_DIR)`,
    close: embedded.stop,
  };
}

// npm runs scripts in the package's folder; a relative path means the caller's folder.
const fromCaller = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function defaultBackupFile(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return fromCaller(path.join('backups', `sales-${stamp}.backup.gz`));
}

async function backup(fileArg: string | undefined) {
  const file = fileArg ? fromCaller(fileArg) : defaultBackupFile();
  if (fs.existsSync(file)) throw new Error(`${file} already exists: choose another file name.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = performance.now();
  const source = await backupSource();
  try {
    console.log(`Backing up ${source.description} …`);
    const r = await writeBackup(source.url, file);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Backup written: ${file}\n  ${r.manifest.tables.length} tables, ${r.manifest.totalRows} rows, ${mb(r.bytes)}, ` +
        `in ${secs} s; consistent as of ${r.snapshotAt} (database clock).\n  Restore with: npm run restore -- ${file}`,
    );
  } finally {
    await source.close();
  }
}

async function restore(fileArg: string | undefined) {
  if (!fileArg) throw new Error('Usage: npm run restore -- FILE (a file written by npm run backup)');
  const file = fromCaller(fileArg);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  const started = performance.now();
  const target = await restoreTarget();
  try {
    console.log(`Restoring ${file} …`);
    const r = await restoreBackup(target.url, file, { target: target.description, log: console.log });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Restored into ${target.description.replace(/^The/, 'the')}: ${r.tables} tables, ${r.rows} rows as of ${r.snapshotAt}, ` +
        `in ${secs} s.\n  Verified: row count and SHA-256 of every table match the backup's manifest.\n` +
        '  Start the app (npm start): it applies any newer migrations and re-creates the scheduler queue.',
    );
  } finally {
    await target.close();
  }
}

const [command, arg] = process.argv.slice(2);
const run = command === 'backup' ? backup : command === 'restore' ? restore : undefined;
if (!run) {
  console.error('Usage: backup-cli.ts backup [FILE] | restore FILE');
  process.exit(2);
}
run(arg).then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
