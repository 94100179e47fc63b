import { asc, eq, sql } from 'drizzle-orm';
import { createdFields, diffFields, recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../errors/errors.ts';
import type { Scope } from '../permissions/registry.ts';
import { isPermission } from '../permissions/registry.ts';
import { roleGrants, roles } from './org.schema.ts';

export interface GrantInput {
  permission: string;
  scope: Scope;
  customDeptIds: number[];
}

/** Roles with their grants. */
export async function listRoles(ctx: Ctx) {
  const rs = await ctx.db.select().from(roles).orderBy(asc(roles.id));
  const gs = await ctx.db.select().from(roleGrants);
  return rs.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    version: r.version,
    grants: gs
      .filter((g) => g.roleId === r.id)
      .map((g) => ({ permission: g.permission, scope: g.scope as Scope, customDeptIds: g.customDeptIds }))
      .sort((a, b) => a.permission.localeCompare(b.permission)),
  }));
}

function checkGrants(grants: GrantInput[]) {
  grants.forEach((g, i) => {
    if (!isPermission(g.permission))
      throw ValidationError.field(`grants.${i}.permission`, 'role.unknown_permission', { permission: g.permission });
  });
}

const grantsText = (gs: GrantInput[]) =>
  gs.map((g) => `${g.permission}:${g.scope}${g.scope === 'CUSTOM' ? `[${g.customDeptIds.join(',')}]` : ''}`).sort();

/** Creates a role with its grants. */
export async function createRole(ctx: Ctx, input: { code: string; name: string; grants: GrantInput[] }) {
  checkGrants(input.grants);
  return ctx.db.transaction(async (tx) => {
    const exists = await tx.select({ id: roles.id }).from(roles).where(eq(roles.code, input.code));
    if (exists.length) throw new ConflictError('role.code_taken');
    const [row] = await tx.insert(roles).values({ code: input.code, name: input.name }).returning({ id: roles.id });
    if (input.grants.length) await tx.insert(roleGrants).values(input.grants.map((g) => ({ ...g, roleId: row.id })));
    await recordAudit(tx, ctx, {
      entityType: 'role',
      entityId: row.id,
      action: 'create',
      changes: createdFields({ ...input, grants: grantsText(input.grants) }, ['code', 'name', 'grants']),
    });
    return { id: row.id };
  });
}

/** Renames a role and replaces its grants (versioned). */
export async function updateRole(ctx: Ctx, id: number, input: { name: string; grants: GrantInput[]; version: number }) {
  checkGrants(input.grants);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(roles).where(eq(roles.id, id)).for('update');
    if (!cur) throw new NotFoundError();
    if (cur.version !== input.version) throw new StaleVersionError();
    const before = await tx.select().from(roleGrants).where(eq(roleGrants.roleId, id));
    await tx
      .update(roles)
      .set({ name: input.name, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(roles.id, id));
    await tx.delete(roleGrants).where(eq(roleGrants.roleId, id));
    if (input.grants.length) await tx.insert(roleGrants).values(input.grants.map((g) => ({ ...g, roleId: id })));
    await recordAudit(tx, ctx, {
      entityType: 'role',
      entityId: id,
      action: 'update',
      changes: diffFields(
        { name: cur.name, grants: grantsText(before.map((g) => ({ ...g, scope: g.scope as Scope }))) },
        { name: input.name, grants: grantsText(input.grants) },
        ['name', 'grants'],
      ),
    });
    return { id, version: cur.version + 1 };
  });
}
