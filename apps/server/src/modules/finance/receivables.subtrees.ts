import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';

/**
 * Maintenance of receivable_customer_subtrees (ADR 0003, B9): every customer figure is also
 * counted under each ancestor-or-self of its owner's department, so a department-tree scope is one
 * department's rows. Rows move with the documents (syncReceivable), with a user who changes
 * department, and with a department that moves in the tree.
 */

const FIGURES = ['invoiced', 'received', 'written_off', 'unapplied', 'outstanding', 'documents'] as const;
const COLUMNS = sql.raw(FIGURES.join(', '));

/** The department ids on a department's path, itself included ('/1/4/9/' → 1, 4, 9). */
export const pathIds = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((x) => Number(x));

/** The ids of a department and its ancestors, from its stored path. */
export async function ancestorsOf(db: DbOrTx, deptId: number): Promise<number[]> {
  const r = await db.execute<{ path: string }>(sql`select path from departments where id = ${deptId}`);
  return r.rows[0] ? pathIds(r.rows[0].path) : [deptId];
}

/**
 * Adds `source` (rows: customer_id and the six figures) times `sign` to the rows of each of
 * `depts`, then drops rows left without documents. One statement per call: (dept, customer) pairs
 * are distinct because `source` has one row per customer and `depts` no repeats.
 */
export async function shiftSubtrees(tx: Tx, source: SQL, depts: number[], sign: 1 | -1) {
  if (depts.length === 0) return;
  const signed = sql.raw(FIGURES.map((f) => `s.${f} * ${sign}`).join(', '));
  const add = sql.raw(FIGURES.map((f) => `${f} = t.${f} + excluded.${f}`).join(', '));
  await tx.execute(sql`
    insert into receivable_customer_subtrees as t (dept_id, customer_id, ${COLUMNS})
    select d.id, s.customer_id, ${signed}
    from (${source}) s cross join unnest(${sql.param(depts)}::int[]) d(id)
    on conflict (dept_id, customer_id) do update set ${add}`);
  await tx.execute(sql`
    delete from receivable_customer_subtrees
    where dept_id = any(${sql.param(depts)}::int[]) and documents = 0
      and customer_id in (select customer_id from (${source}) s)`);
}

/** Before a user's records move to `newDeptId`: their customer rows leave the old ancestors and join the new ones. */
export async function moveOwnerSubtrees(tx: Tx, userId: number, newDeptId: number) {
  const [old] = (
    await tx.execute<{ owner_dept_id: number }>(
      sql`select owner_dept_id from receivable_customer_owners where owner_id = ${userId} limit 1`,
    )
  ).rows;
  if (!old || Number(old.owner_dept_id) === newDeptId) return;
  const from = await ancestorsOf(tx, Number(old.owner_dept_id));
  const to = await ancestorsOf(tx, newDeptId);
  const source = sql`select customer_id, ${COLUMNS} from receivable_customer_owners where owner_id = ${userId}`;
  await shiftSubtrees(
    tx,
    source,
    from.filter((d) => !to.includes(d)),
    -1,
  );
  await shiftSubtrees(
    tx,
    source,
    to.filter((d) => !from.includes(d)),
    1,
  );
}

/**
 * A department moved from `oldPath` to `newPath` with its subtree: the subtree's own rows (its root's
 * rows are exactly its per-customer totals) leave the ancestors it left and join the ones it gained.
 */
export async function moveDeptSubtrees(tx: Tx, deptId: number, oldPath: string, newPath: string) {
  const from = pathIds(oldPath).filter((d) => d !== deptId);
  const to = pathIds(newPath).filter((d) => d !== deptId);
  // The moved root's own rows are the source; they are never among the departments shifted.
  const source = sql`select customer_id, ${COLUMNS} from receivable_customer_subtrees where dept_id = ${deptId}`;
  await shiftSubtrees(
    tx,
    source,
    from.filter((d) => !to.includes(d)),
    -1,
  );
  await shiftSubtrees(
    tx,
    source,
    to.filter((d) => !from.includes(d)),
    1,
  );
}

/** Every subtree row from the customer-owner rows, set-based (rebuild and backfill). */
export const subtreeRowsSql = (owners: SQL) => sql`
  select a.id as dept_id, o.customer_id,
    ${sql.raw(FIGURES.map((f) => `sum(o.${f})${f === 'documents' ? '::int' : '::numeric(18,2)'} as ${f}`).join(', '))}
  from (${owners}) o
  join departments dp on dp.id = o.owner_dept_id
  cross join lateral unnest(string_to_array(trim(both '/' from dp.path), '/')::int[]) a(id)
  group by a.id, o.customer_id`;

/** Rebuilds receivable_customer_subtrees from receivable_customer_owners; returns the rows written. */
export async function rebuildSubtrees(db: DbOrTx): Promise<number> {
  await db.execute(sql`truncate receivable_customer_subtrees`);
  const r = await db.execute(sql`
    insert into receivable_customer_subtrees (dept_id, customer_id, ${COLUMNS})
    ${subtreeRowsSql(sql`select * from receivable_customer_owners`)}`);
  return r.rowCount ?? 0;
}
