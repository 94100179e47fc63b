import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';

/** Counts stop here: "10000+" is all a list needs to say (ARCHITECTURE convention 11 "lists scale: counts capped, indexed pagination"). */
export const COUNT_CAP = 10000;

/** A list total counted no further than COUNT_CAP, and whether more rows exist (ARCHITECTURE convention 11). */
export interface CappedCount {
  total: number;
  capped: boolean;
}

/** The paging part of a list query (1-based page). */
export interface PageQuery {
  page: number;
  pageSize: number;
}

/** Counts the rows of `table` matching `where` (all rows when undefined), stopping at COUNT_CAP + 1 so big tables stay cheap (ARCHITECTURE convention 11). */
export async function cappedCount(db: DbOrTx, table: PgTable, where: SQL | undefined): Promise<CappedCount> {
  const res = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${table} where ${where ?? sql`true`} limit ${COUNT_CAP + 1}) t`,
  );
  const n = Number(res.rows[0].n);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/**
 * ORDER BY for a sorted page, sort column then id as tie-break (ARCHITECTURE convention 11). The
 * list indexes are declared `(…, col DESC NULLS LAST, id DESC NULLS LAST)`; PostgreSQL uses them only
 * for exactly that order or its mirror `ASC NULLS FIRST` (a backward scan) — plain `id DESC` means
 * NULLS FIRST and makes it sort (EXPLAIN: Incremental Sort instead of Index Scan).
 */
export function pageOrder(col: AnyPgColumn, dir: 'asc' | 'desc', idCol: AnyPgColumn): [SQL, SQL] {
  return dir === 'asc'
    ? [sql`${col} asc nulls first`, sql`${idCol} asc nulls first`]
    : [sql`${col} desc nulls last`, sql`${idCol} desc nulls last`];
}

/** The OFFSET of page `q.page` of `q.pageSize` rows (ARCHITECTURE convention 11: indexed offset pagination). */
export function pageOffset(q: PageQuery): number {
  return (q.page - 1) * q.pageSize;
}

/** The list response: one page of presented items with the capped total (ARCHITECTURE convention 11). */
export function pageResult<T>(items: T[], count: CappedCount, q: PageQuery) {
  return { items, total: count.total, totalCapped: count.capped, page: q.page, pageSize: q.pageSize };
}

/** Yields batches of up to `batch` rows from `fetchAfter(afterId, batch)` (rows with id > afterId, by id ascending) until one comes back empty: keyset pagination for exports (ARCHITECTURE convention 11). */
export async function* keysetBatches<R extends { id: number }>(
  fetchAfter: (afterId: number, batch: number) => PromiseLike<R[]>,
  batch: number,
): AsyncGenerator<R[], void, undefined> {
  let after = 0;
  for (;;) {
    const rows = await fetchAfter(after, batch);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
  }
}

/** A substring LIKE pattern for a keyword, lower-cased, with %, _ and \ escaped (for the trigram search indexes). */
export const likePattern = (kw: string) => `%${kw.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
