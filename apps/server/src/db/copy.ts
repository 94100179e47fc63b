import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './client.ts';

/*
 * COPY … FROM STDIN inside a drizzle transaction, for bulk writes (B7: an import's rows). The
 * rows are a table's own field objects; columns come from the drizzle table definition, so a
 * column added to the table later is written too without touching this code.
 */

/** The transaction's own connection (drizzle's node-postgres session holds it). */
function clientOf(tx: Tx): pg.PoolClient {
  return (tx as unknown as { session: { client: pg.PoolClient } }).session.client;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One value in COPY text format: \N for null, arrays as PostgreSQL array literals, escapes. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (Array.isArray(v))
    s = `{${v.map((e) => (e === null ? 'NULL' : `"${String(e).replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;
  else if (v instanceof Date) s = v.toISOString();
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The SQL column names of `keys` (drizzle field names) of `table`. */
export function columnNames(table: PgTable, keys: readonly string[]): string[] {
  const cols = getTableColumns(table) as Record<string, { name: string }>;
  return keys.map((k) => {
    const c = cols[k];
    if (!c) throw new Error(`no column ${k}`);
    return c.name;
  });
}

/**
 * COPYs `rows` (field name → value) into `target` (a table name, e.g. a temp staging table) with
 * the columns of `table` named by `keys`, on the transaction's connection.
 */
export async function copyRows(
  tx: Tx,
  target: string,
  table: PgTable,
  keys: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = columnNames(table, keys).map(ident).join(', ');
  function* lines() {
    let buf = '';
    for (const r of rows) {
      buf += `${keys.map((k) => field(r[k])).join('\t')}\n`;
      if (buf.length > 1 << 16) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(lines()), clientOf(tx).query(copyFrom(`copy ${target} (${cols}) from stdin`)));
}
