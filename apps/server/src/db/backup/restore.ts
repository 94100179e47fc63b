import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MIGRATION_LOCK, migrationsFolder } from '../client.ts';
import {
  copyOut,
  EXCLUDED_SCHEMAS,
  fixOutputSettings,
  ident,
  listTables,
  qualified,
  TableDigest,
  type TableInfo,
  tableKey,
} from './catalog.ts';
import { type AppliedMigration, BackupReader, FORMAT, type Manifest, type ManifestEntry } from './format.ts';

export class RestoreTargetNotEmptyError extends Error {
  constructor(
    readonly target: string,
    readonly relations: string[],
  ) {
    super(
      `${target} is not empty (${relations.length} relation(s): ${relations.slice(0, 5).join(', ')}` +
        `${relations.length > 5 ? ', …' : ''}). A restore only fills an empty database, so nothing was changed.`,
    );
  }
}

export class BackupVerificationError extends Error {}

export interface RestoreResult {
  tables: number;
  rows: number;
  snapshotAt: string;
  migrations: number;
}

/** Tables, views, sequences… of the application in a database (extension members aside). */
export async function userRelations(client: pg.ClientBase): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and n.nspname not in ('pg_catalog', 'information_schema')
       and n.nspname not like 'pg\\_%'
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     order by 1`,
  );
  return r.rows.map((x) => x.name);
}

/**
 * Rebuilds an empty database from a backup file (ADR 0002), in ONE transaction: the migrations
 * the backup was taken at, then every table's rows (foreign keys dropped and user triggers off
 * while loading, then re-added, which re-checks every reference), sequences, and a verification
 * of every table's row count and SHA-256 against the manifest. Any difference rolls it all back.
 */
export async function restoreBackup(
  connectionString: string,
  file: string,
  opts: { target?: string; log?: (message: string) => void } = {},
): Promise<RestoreResult> {
  const target = opts.target ?? 'The target database';
  const log = opts.log ?? (() => {});
  const reader = BackupReader.open(file);
  const client = new pg.Client({ connectionString, application_name: 'sales-service-restore' });
  await client.connect();
  try {
    const header = await reader.record();
    if (header?.type !== 'header' || header.format !== FORMAT) throw new Error(`${file} is not a ${FORMAT} file.`);
    const migrations = migrationsUpTo(header.migrations);

    await client.query('begin');
    // An app starting on this database waits until the restore is committed (runMigrations).
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const existing = await userRelations(client);
    if (existing.length) throw new RestoreTargetNotEmptyError(target, existing);
    log(`  applying ${migrations.length} migrations …`);
    await applyMigrations(client, migrations);
    await fixOutputSettings(client);
    await client.query(`select set_config('maintenance_work_mem', '256MB', true)`);

    const tables = new Map((await listTables(client)).map((t) => [tableKey(t), t]));
    const foreignKeys = await dropForeignKeys(client);
    const indexes = await dropSecondaryIndexes(client);
    for (const t of tables.values()) await client.query(`alter table ${qualified(t)} disable trigger user`);
    // Rows that migrations seeded are in the backup too.
    if (tables.size) await client.query(`truncate ${[...tables.values()].map(qualified).join(', ')}`);

    log('  loading tables …');
    const loaded = new Map<string, { rows: number; sha256: string }>();
    let manifest: Manifest | undefined;
    for (let rec = await reader.record(); rec; rec = await reader.record()) {
      if (rec.type === 'manifest') {
        manifest = rec;
        break;
      }
      if (rec.type !== 'table') throw new Error(`Unexpected record "${rec.type}" in ${file}.`);
      const t = tables.get(tableKey(rec));
      if (!t)
        throw new BackupVerificationError(
          `The backup holds table ${tableKey(rec)}, which its migrations do not create.`,
        );
      const digest = new TableDigest();
      const sql = `copy ${qualified(t)} (${rec.columns.map(ident).join(', ')}) from stdin`;
      await pipeline(Readable.from(reader.tableData(digest)), client.query(copyFrom(sql)));
      loaded.set(tableKey(rec), { rows: digest.rows, sha256: digest.digest() });
    }
    if (!manifest) throw new BackupVerificationError(`${file} has no manifest: it is truncated.`);
    checkCompleteness(manifest.tables, tables, loaded);

    for (const s of manifest.sequences) {
      if (s.lastValue === null || EXCLUDED_SCHEMAS.includes(s.schema)) continue;
      await client.query('select setval($1::regclass, $2::bigint, true)', [
        `${ident(s.schema)}.${ident(s.name)}`,
        s.lastValue,
      ]);
    }
    for (const t of tables.values()) await client.query(`alter table ${qualified(t)} enable trigger user`);
    log(`  building ${indexes.length} indexes and checking ${foreignKeys.length} foreign keys …`);
    for (const ix of indexes) await client.query(ix.definition);
    for (const fk of foreignKeys) {
      await client.query(`alter table ${fk.table} add constraint ${ident(fk.name)} ${fk.definition}`);
    }
    log('  verifying every table against the manifest …');
    // What is now in the database, read back, must be byte for byte what was backed up.
    for (const entry of manifest.tables) {
      const now = await copyOut(client, tables.get(tableKey(entry)) as TableInfo);
      if (now.rows !== entry.rows || now.sha256 !== entry.sha256) {
        throw new BackupVerificationError(
          `Table ${tableKey(entry)} differs after loading: ${now.rows} rows (backup: ${entry.rows}), checksum mismatch.`,
        );
      }
    }
    await client.query('commit');
    return {
      tables: manifest.tables.length,
      rows: manifest.totalRows,
      snapshotAt: header.snapshotAt,
      migrations: migrations.length,
    };
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    reader.close();
    await client.end().catch(() => {});
  }
}

/** The committed migrations up to the one the backup was taken at; refuses other histories. */
function migrationsUpTo(applied: AppliedMigration[]) {
  const committed = readMigrationFiles({ migrationsFolder });
  if (applied.length > committed.length) {
    throw new Error(
      `The backup was taken by a newer version (${applied.length} migrations applied, this version has ` +
        `${committed.length}): restore it with that version or a later one.`,
    );
  }
  applied.forEach((m, i) => {
    const c = committed[i];
    if (c.folderMillis !== m.createdAt || c.hash !== m.hash) {
      throw new Error(
        `Migration ${i} of the backup (${m.createdAt}) is not this version's (${c.folderMillis}): ` +
          'the backup comes from a different line of versions.',
      );
    }
  });
  return committed.slice(0, applied.length);
}

/**
 * Applies migrations inside the restore's transaction, as drizzle's migrator does (same log table
 * and rows), so a failed restore leaves the database empty; the app applies any newer ones at start.
 */
async function applyMigrations(client: pg.ClientBase, migrations: ReturnType<typeof readMigrationFiles>) {
  await client.query('create schema if not exists drizzle');
  await client.query(
    'create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
  );
  for (const m of migrations) {
    for (const statement of m.sql) if (statement.trim()) await client.query(statement);
    await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
      m.hash,
      m.folderMillis,
    ]);
  }
}

async function dropForeignKeys(client: pg.ClientBase) {
  const r = await client.query<{ table: string; name: string; definition: string }>(
    `select format('%I.%I', n.nspname, c.relname) as table, con.conname as name, pg_get_constraintdef(con.oid) as definition
     from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
     where con.contype = 'f' and n.nspname <> all($1::text[]) and n.nspname not like 'pg\\_%'
     order by 1, 2`,
    [EXCLUDED_SCHEMAS],
  );
  for (const fk of r.rows) await client.query(`alter table ${fk.table} drop constraint ${ident(fk.name)}`);
  return r.rows;
}

/** Indexes that back no constraint: built once after loading instead of row by row. */
async function dropSecondaryIndexes(client: pg.ClientBase) {
  const r = await client.query<{ name: string; definition: string }>(
    `select format('%I.%I', n.nspname, ic.relname) as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
     where n.nspname <> all($1::text[]) and n.nspname not like 'pg\\_%'
       and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid)
     order by 1`,
    [EXCLUDED_SCHEMAS],
  );
  for (const ix of r.rows) await client.query(`drop index ${ix.name}`);
  return r.rows;
}

/** Every table of the schema is in the backup, every table of the backup was loaded intact. */
function checkCompleteness(
  entries: ManifestEntry[],
  tables: Map<string, TableInfo>,
  loaded: Map<string, { rows: number; sha256: string }>,
) {
  const inManifest = new Set(entries.map(tableKey));
  const missing = [...tables.keys()].filter((k) => !inManifest.has(k));
  if (missing.length) throw new BackupVerificationError(`The backup lacks table(s): ${missing.join(', ')}.`);
  for (const e of entries) {
    const got = loaded.get(tableKey(e));
    if (!got)
      throw new BackupVerificationError(`The manifest lists ${tableKey(e)}, but the file has no rows section for it.`);
    if (got.rows !== e.rows || got.sha256 !== e.sha256) {
      throw new BackupVerificationError(
        `Table ${tableKey(e)} in the file does not match its manifest (${got.rows} rows, backup says ${e.rows}): the file is damaged.`,
      );
    }
  }
  if (loaded.size !== entries.length)
    throw new BackupVerificationError('The file holds tables its manifest does not list.');
}
