import pg from 'pg';
import { copyOut, fixOutputSettings, listSequences, listTables, qualified } from './catalog.ts';
import { type AppliedMigration, BackupWriter, FORMAT, FORMAT_VERSION, type Manifest } from './format.ts';

export interface BackupOptions {
  /**
   * Called with the id of the backup's snapshot (pg_export_snapshot) while its transaction is
   * open: another session can `SET TRANSACTION SNAPSHOT` to see exactly what the backup sees.
   */
  onSnapshot?: (snapshotId: string) => Promise<void> | void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  snapshotAt: string;
  manifest: Manifest;
}

/**
 * Writes a consistent snapshot of a running database to `file` (ADR 0002): one REPEATABLE READ
 * READ ONLY transaction, so every table shows the same instant while the app keeps writing;
 * the applied migrations, each table's rows (COPY, in key order) and a manifest of row counts
 * and SHA-256 checksums.
 */
export async function writeBackup(
  connectionString: string,
  file: string,
  opts: BackupOptions = {},
): Promise<BackupResult> {
  const client = new pg.Client({ connectionString, application_name: 'sales-service-backup' });
  await client.connect();
  let writer: BackupWriter | undefined;
  try {
    await client.query('begin isolation level repeatable read read only');
    // The first statement fixes the snapshot; exporting it lets a verifier share it.
    const snap = await client.query<{ id: string; at: Date; server: string; db: string }>(
      `select pg_export_snapshot() as id, now() as at, current_setting('server_version') as server, current_database() as db`,
    );
    const { id, at, server, db } = snap.rows[0];
    await fixOutputSettings(client);
    const migrations = await appliedMigrations(client);
    const tables = await listTables(client);
    // Like pg_dump: no table can be dropped or altered under the backup (writes go on).
    if (tables.length) await client.query(`lock table ${tables.map(qualified).join(', ')} in access share mode`);
    await opts.onSnapshot?.(id);

    writer = await BackupWriter.create(file);
    const w = writer;
    await w.record({
      type: 'header',
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      snapshotAt: at.toISOString(),
      server,
      database: db,
      migrations,
    });
    const manifest: Manifest = { type: 'manifest', tables: [], sequences: [], totalRows: 0 };
    for (const t of tables) {
      await w.record({ type: 'table', schema: t.schema, name: t.name, columns: t.columns });
      const { rows, sha256 } = await copyOut(client, t, (chunk) => w.write(chunk));
      await w.endTable();
      manifest.tables.push({ schema: t.schema, name: t.name, rows, sha256 });
      manifest.totalRows += rows;
    }
    // Sequences are not transactional: a value read now may be past the snapshot, never behind it.
    manifest.sequences = await listSequences(client);
    await w.record(manifest);
    const bytes = await w.finish();
    await client.query('commit');
    return { file, bytes, snapshotAt: at.toISOString(), manifest };
  } catch (err) {
    await writer?.abort();
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}

async function appliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const exists = await client.query(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists.rows[0].ok) {
    throw new Error(
      'This database has no applied migrations (drizzle.__drizzle_migrations): it is not a sales-service database.',
    );
  }
  const r = await client.query<{ hash: string; created_at: string }>(
    'select hash, created_at from drizzle.__drizzle_migrations order by created_at',
  );
  return r.rows.map((m) => ({ hash: m.hash, createdAt: Number(m.created_at) }));
}
