import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { departments, users } from '../org/org.schema.ts';
import type { FieldChange } from './audit.schema.ts';

/**
 * Audited fields that hold a user id or a department id (or a list of them). A history shows
 * these as names, never as ids (issue 11: "分配给 → 8"); a new field of that kind is added here.
 */
export const USER_REFERENCE_FIELDS = new Set([
  'ownerId',
  'routedTo',
  'repUserId',
  'surveyRepId',
  'replacementUserId',
  'conflictRepId',
  'handlerId',
  'userId',
]);
export const DEPT_REFERENCE_FIELDS = new Set(['ownerDeptId', 'deptId', 'memberDeptIds']);

/** Resolves the user and department ids in `changes` once; returns a function showing a value with names. */
export async function referenceNamer(db: DbOrTx, changes: FieldChange[]) {
  const userIds = new Set<number>();
  const deptIds = new Set<number>();
  for (const c of changes) {
    const set = USER_REFERENCE_FIELDS.has(c.field) ? userIds : DEPT_REFERENCE_FIELDS.has(c.field) ? deptIds : null;
    if (!set) continue;
    for (const v of [c.old, c.new].flat()) if (typeof v === 'number') set.add(v);
  }
  const [us, ds] = await Promise.all([
    userIds.size
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, [...userIds]))
      : [],
    deptIds.size
      ? db
          .select({ id: departments.id, name: departments.name })
          .from(departments)
          .where(inArray(departments.id, [...deptIds]))
      : [],
  ]);
  const user = new Map(us.map((u) => [u.id, u.name]));
  const dept = new Map(ds.map((d) => [d.id, d.name]));
  const one = (field: string, v: unknown): unknown => {
    if (typeof v !== 'number') return v;
    if (USER_REFERENCE_FIELDS.has(field)) return user.get(v) ?? v;
    if (DEPT_REFERENCE_FIELDS.has(field)) return dept.get(v) ?? v;
    return v;
  };
  return (field: string, v: unknown): unknown => (Array.isArray(v) ? v.map((x) => one(field, x)) : one(field, v));
}
