/**
 * What a backup contains and how a table is read in a stable form — shared by backup, restore
 * and the restore's verification so that both sides hash exactly the same bytes.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { SCHEDULER_SCHEMA } from '../../platform/scheduler/scheduler.ts';

/**
 * Schemas left out: PostgreSQL's own; drizzle's migration log (the header records the applied
 * migrations and restore re-applies them); pg-boss's queue (transient sweep jobs: its schedules
 * are re-created and every sweep queued once at start, and sweeps are idempotent — ADR 0002).
 */
export const EXCLUDED_SCHEMAS = ['pg_catalog', 'information_schema', 'drizzle', SCHEDULER_SCHEMA];

export interface TableInfo {
  schema: string;
  name: string;
  /** Stored columns in table order (generated columns are recomputed, so not copied). */
  columns: string[];
  /** Primary key columns, or empty when the table has none. */
  key: { column: string; collatable: boolean }[];
}

export interface SequenceState {
  schema: string;
  name: string;
  /** null while the sequence was never used. */
  lastValue: string | null;
}

export const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
export const qualified = (t: { schema: string; name: string }) => `${ident(t.schema)}.${ident(t.name)}`;
export const tableKey = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;

const userRelation = `
  n.nspname <> all($1::text[]) and n.nspname not like 'pg\\_%'
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;

/** Every ordinary (or partitioned, not partition) table of the application, by schema and name. */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const r = await client.query<TableInfo>(
    `select n.nspname as schema, c.relname as name,
       array(select a.attname::text from pg_attribute a
             where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
             order by a.attnum) as columns,
       coalesce((select json_agg(json_build_object('column', a.attname, 'collatable', a.attcollation <> 0) order by k.ord)
                 from pg_index i cross join unnest(i.indkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                 where i.indrelid = c.oid and i.indisprimary), '[]'::json) as key
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and not c.relispartition and ${userRelation}
     order by n.nspname, c.relname`,
    [EXCLUDED_SCHEMAS],
  );
  return r.rows;
}

export async function listSequences(client: pg.ClientBase): Promise<SequenceState[]> {
  const r = await client.query<SequenceState>(
    `select n.nspname as schema, c.relname as name, s.last_value::text as "lastValue"
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     join pg_sequences s on s.schemaname = n.nspname and s.sequencename = c.relname
     where c.relkind = 'S' and ${userRelation}
     order by n.nspname, c.relname`,
    [EXCLUDED_SCHEMAS],
  );
  return r.rows;
}

/**
 * Text output settings fixed for the transaction, so a value prints the same on the source and
 * on the restored server whatever their configuration (dates, intervals, floats, bytea).
 */
export async function fixOutputSettings(client: pg.ClientBase): Promise<void> {
  await client.query(`select set_config('DateStyle', 'ISO, YMD', true), set_config('IntervalStyle', 'postgres', true),
    set_config('TimeZone', 'UTC', true), set_config('extra_float_digits', '3', true),
    set_config('bytea_output', 'hex', true)`);
}

/** COPY of a table in primary-key order (byte order for text keys, so any collation agrees). */
export function copyOutSql(t: TableInfo): string {
  const order = t.key.length
    ? t.key.map((k) => `${ident(k.column)}${k.collatable ? ' collate "C"' : ''}`).join(', ')
    : 't::text collate "C"';
  return `copy (select ${t.columns.map(ident).join(', ')} from ${qualified(t)} as t order by ${order}) to stdout`;
}

/** Row count and SHA-256 of a table's COPY text, computed while the bytes pass. */
export class TableDigest {
  rows = 0;
  private hash = createHash('sha256');
  update(chunk: Buffer) {
    this.hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++;
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Streams a table out of the database, handing each chunk to `sink` (awaited for backpressure). */
export async function copyOut(
  client: pg.ClientBase,
  t: TableInfo,
  sink?: (chunk: Buffer) => Promise<void> | void,
): Promise<{ rows: number; sha256: string }> {
  const digest = new TableDigest();
  const stream = client.query(copyTo(copyOutSql(t)));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    digest.update(chunk);
    if (sink) await sink(chunk);
  }
  return { rows: digest.rows, sha256: digest.digest() };
}
