import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { MeasureRow } from './analytics.engine.ts';
import type { Dimension } from './analytics.measures.ts';

const TABLES: Partial<Record<Dimension, { table: string; id: string }>> = {
  rep: { table: 'users', id: 'int' },
  department: { table: 'departments', id: 'int' },
  product: { table: 'products', id: 'bigint' },
  category: { table: 'product_categories', id: 'int' },
  stage: { table: 'pipeline_stages', id: 'int' },
};

/**
 * Names of the ids a grouped answer carries (rep, department, product, category, stage), so nothing
 * raw reaches the screen: dimension → id → name. Codes (region, channel) are labelled by the web.
 */
export async function labelsOf(db: DbOrTx, rows: MeasureRow[]): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  const dims = new Set(rows.flatMap((r) => Object.keys(r.keys))) as Set<Dimension>;
  // One statement per dimension, side by side (B8: no round trip waits on another).
  await Promise.all(
    [...dims].map(async (dim) => {
      const t = TABLES[dim];
      if (!t) return;
      const ids = [...new Set(rows.map((r) => r.keys[dim]).filter((v) => v !== null && v !== undefined))].map(Number);
      out[dim] = {};
      if (!ids.length) return;
      const res = await db.execute<{ id: number; name: string }>(
        sql`select id, name from ${sql.raw(t.table)} where id = any(${sql.param(ids)}::${sql.raw(t.id)}[])`,
      );
      for (const r of res.rows) out[dim][String(r.id)] = r.name;
    }),
  );
  return out;
}
