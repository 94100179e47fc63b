import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { createdFields, diffFields, recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../errors/errors.ts';
import { departments, users } from './org.schema.ts';
import { runDeptMove } from './org-hooks.ts';

export interface DepartmentInput {
  parentId: number | null;
  name: string;
  headUserId: number | null;
  sort: number;
}
const FIELDS = ['parentId', 'name', 'headUserId', 'sort'] as const;

/** The whole department tree as a flat list (parents before children by path). */
export async function listDepartments(ctx: Ctx) {
  const head = alias(users, 'head');
  return ctx.db
    .select({
      id: departments.id,
      parentId: departments.parentId,
      name: departments.name,
      path: departments.path,
      headUserId: departments.headUserId,
      headUserName: head.name,
      sort: departments.sort,
      version: departments.version,
    })
    .from(departments)
    .leftJoin(head, eq(head.id, departments.headUserId))
    .orderBy(asc(departments.path));
}

async function checkRefs(ctx: Ctx, input: DepartmentInput) {
  if (input.headUserId !== null) {
    const u = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, input.headUserId));
    if (!u.length) throw ValidationError.field('headUserId', 'validation.invalid_value');
  }
}

/** Creates a department under a parent (or a new root). */
export async function createDepartment(ctx: Ctx, input: DepartmentInput) {
  await checkRefs(ctx, input);
  return ctx.db.transaction(async (tx) => {
    let parentPath = '/';
    if (input.parentId !== null) {
      const [p] = await tx
        .select({ path: departments.path })
        .from(departments)
        .where(eq(departments.id, input.parentId));
      if (!p) throw ValidationError.field('parentId', 'validation.invalid_value');
      parentPath = p.path;
    }
    const [row] = await tx.insert(departments).values(input).returning();
    const path = `${parentPath}${row.id}/`;
    await tx.update(departments).set({ path }).where(eq(departments.id, row.id));
    await recordAudit(tx, ctx, {
      entityType: 'department',
      entityId: row.id,
      action: 'create',
      changes: createdFields(input, FIELDS),
    });
    return { ...row, path };
  });
}

/** Renames, re-parents or changes the head of a department; a move carries its whole subtree. */
export async function updateDepartment(ctx: Ctx, id: number, input: DepartmentInput & { version: number }) {
  await checkRefs(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(departments).where(eq(departments.id, id)).for('update');
    if (!cur) throw new NotFoundError();
    if (cur.version !== input.version) throw new StaleVersionError();
    const changes = diffFields(cur, input, FIELDS);
    if (changes.length === 0) return cur;
    let path = cur.path;
    if (input.parentId !== cur.parentId) {
      let parentPath = '/';
      if (input.parentId !== null) {
        const [p] = await tx
          .select({ path: departments.path })
          .from(departments)
          .where(eq(departments.id, input.parentId));
        if (!p) throw ValidationError.field('parentId', 'validation.invalid_value');
        if (p.path.startsWith(cur.path)) throw ValidationError.field('parentId', 'dept.cycle');
        parentPath = p.path;
      }
      path = `${parentPath}${id}/`;
      await tx.execute(sql`update departments set path = ${path} || substr(path, ${cur.path.length + 1})
        where path like ${`${cur.path}%`}`);
      await runDeptMove(tx, id, cur.path, path);
    }
    const [row] = await tx
      .update(departments)
      .set({
        parentId: input.parentId,
        name: input.name,
        headUserId: input.headUserId,
        sort: input.sort,
        version: cur.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(departments.id, id))
      .returning();
    await recordAudit(tx, ctx, { entityType: 'department', entityId: id, action: 'update', changes });
    return row;
  });
}
