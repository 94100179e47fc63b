import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { hashPassword } from '../auth/password.ts';
import { DEFAULT_ROLES } from './default-roles.ts';
import { defaultGrantsApplied, departments, roleGrants, roles, userRoles, users } from './org.schema.ts';

/** Grants each default (role, permission) not offered before to the role, if the role exists. */
async function applyNewDefaultGrants(tx: Tx) {
  const done = new Set((await tx.select().from(defaultGrantsApplied)).map((r) => `${r.roleCode}|${r.permission}`));
  const roleIds = new Map((await tx.select({ id: roles.id, code: roles.code }).from(roles)).map((r) => [r.code, r.id]));
  for (const r of DEFAULT_ROLES) {
    for (const [permission, scope] of r.grants) {
      if (done.has(`${r.code}|${permission}`)) continue;
      const roleId = roleIds.get(r.code);
      if (roleId) await tx.insert(roleGrants).values({ roleId, permission, scope }).onConflictDoNothing();
      await tx.insert(defaultGrantsApplied).values({ roleCode: r.code, permission }).onConflictDoNothing();
    }
  }
}

/**
 * First start of an empty database: the default roles, a root department and an `admin` user.
 * Idempotent; on later starts it only offers default grants added by newer releases. Returns
 * whether it created the organisation.
 */
export async function bootstrapOrganisation(db: Db, adminPassword: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(roles);
    if (n > 0) {
      await applyNewDefaultGrants(tx);
      return false;
    }
    for (const r of DEFAULT_ROLES) await tx.insert(roles).values({ code: r.code, name: r.name });
    await applyNewDefaultGrants(tx);
    const [root] = await tx.insert(departments).values({ name: '总公司' }).returning({ id: departments.id });
    await tx
      .update(departments)
      .set({ path: `/${root.id}/` })
      .where(eq(departments.id, root.id));
    const [admin] = await tx
      .insert(users)
      .values({
        username: 'admin',
        name: '系统管理员',
        passwordHash: await hashPassword(adminPassword),
        deptId: root.id,
      })
      .returning({ id: users.id });
    const [adminRole] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.code, 'admin'));
    await tx.insert(userRoles).values({ userId: admin.id, roleId: adminRole.id });
    return true;
  });
}
