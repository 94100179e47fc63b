import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { dataBackfills } from './backfills.schema.ts';

export interface Backfill {
  /** Unique and never reused: a new version of a backfill gets a new name. */
  name: string;
  /** Recomputes the stored values in the given transaction; returns how many rows it changed. */
  run(tx: Tx): Promise<number>;
}

const registered: Backfill[] = [];

/** Registers a backfill; modules call it from their index.ts. */
export function registerBackfill(b: Backfill) {
  if (registered.some((r) => r.name === b.name)) throw new Error(`backfill ${b.name} registered twice`);
  registered.push(b);
}

/**
 * Runs, after the migrations, each registered backfill this database has not run yet, each in
 * its own transaction together with its record (an advisory lock lets several instances start
 * together). Returns the names it ran.
 */
export async function runBackfills(db: Db): Promise<string[]> {
  const ran: string[] = [];
  for (const b of registered) {
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727003)`);
      const [row] = await tx
        .select({ name: dataBackfills.name })
        .from(dataBackfills)
        .where(sql`${dataBackfills.name} = ${b.name}`);
      if (row) return false;
      const rows = await b.run(tx);
      await tx.insert(dataBackfills).values({ name: b.name, rows });
      return true;
    });
    if (done) ran.push(b.name);
  }
  return ran;
}
