import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { hashPassword } from '../auth/password.ts';
import { DEFAULT_ROLES } from './default-roles.ts';
import { departments, roleGrants, roles, userRoles, users } from './org.schema.ts';

/**
 * First start of an empty database: the default roles, a root department and an `admin` user.
 * Idempotent: does nothing once roles exist. Returns the admin password when it created one.
 */
export async function bootstrapOrganisation(db: Db, adminPassword: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(roles);
    if (n > 0) return false;
    for (const r of DEFAULT_ROLES) {
      const [row] = await tx.insert(roles).values({ code: r.code, name: r.name }).returning({ id: roles.id });
      if (r.grants.length)
        await tx.insert(roleGrants).values(r.grants.map(([permission, scope]) => ({ roleId: row.id, permission, scope })));
    }
    const [root] = await tx.insert(departments).values({ name: '总公司' }).returning({ id: departments.id });
    await tx.update(departments).set({ path: `/${root.id}/` }).where(eq(departments.id, root.id));
    const [admin] = await tx
      .insert(users)
      .values({ username: 'admin', name: '系统管理员', passwordHash: await hashPassword(adminPassword), deptId: root.id })
      .returning({ id: users.id });
    const [adminRole] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.code, 'admin'));
    await tx.insert(userRoles).values({ userId: admin.id, roleId: adminRole.id });
    return true;
  });
}
