/** A use-case context for a demo user inside the loader's transaction, to call the real services. */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../apps/server/src/db/client.ts';
import type { Ctx } from '../../../apps/server/src/platform/context.ts';
import type { Grant, Principal } from '../../../apps/server/src/platform/permissions/principal.ts';
import type { Scope } from '../../../apps/server/src/platform/permissions/registry.ts';

type Row = {
  id: number;
  username: string;
  name: string;
  dept_id: number;
  dept_name: string;
  dept_path: string;
  roles: string[] | null;
  grants: { permission: string; scope: Scope; customDeptIds: number[] | null }[] | null;
};

/**
 * The user as loadPrincipal (platform/auth) sees them, without a session. Services run on the
 * transaction: their own `db.transaction` becomes a savepoint, so everything commits together.
 */
export async function demoCtx(tx: Tx, userId: number, requestId: string, now = new Date()): Promise<Ctx> {
  const res = await tx.execute<Row>(sql`
    select u.id, u.username, u.name, d.id as dept_id, d.name as dept_name, d.path as dept_path,
      (select array_agg(r.code) from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = u.id) as roles,
      (select json_agg(json_build_object('permission', g.permission, 'scope', g.scope, 'customDeptIds', g.custom_dept_ids))
         from user_roles ur join role_grants g on g.role_id = ur.role_id where ur.user_id = u.id) as grants
    from users u join departments d on d.id = u.dept_id where u.id = ${userId}`);
  const r = res.rows[0];
  if (!r) throw new Error(`demo user ${userId} missing`);
  const grants = new Map<string, Grant[]>();
  for (const g of r.grants ?? []) {
    const list = grants.get(g.permission) ?? [];
    list.push({ scope: g.scope, customDeptIds: g.customDeptIds ?? [] });
    grants.set(g.permission, list);
  }
  const principal: Principal = {
    userId: Number(r.id),
    username: r.username,
    name: r.name,
    deptId: Number(r.dept_id),
    deptName: r.dept_name,
    deptPath: r.dept_path,
    locale: 'zh-CN',
    roles: r.roles ?? [],
    grants,
    sessionId: '',
    csrfToken: '',
  };
  return { db: tx as unknown as Db, principal, requestId, locale: 'zh-CN', now: () => now };
}
