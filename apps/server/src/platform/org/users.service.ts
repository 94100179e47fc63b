import { normalizePhone } from '@sales/core';
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../audit/audit.service.ts';
import { sessions } from '../auth/auth.schema.ts';
import { clearLockout, lockedUserIds } from '../auth/auth.service.ts';
import { hashPassword, isStrongPassword } from '../auth/password.ts';
import type { Ctx } from '../context.ts';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../errors/errors.ts';
import { departments, roles, userRoles, users } from './org.schema.ts';
import { runUserCreated, runUserDeptChange } from './org-hooks.ts';

export interface UserInput {
  username: string;
  name: string;
  mobile: string | null;
  deptId: number;
  managerId: number | null;
  roles: string[];
  active: boolean;
}
const FIELDS = ['username', 'name', 'mobile', 'deptId', 'managerId', 'roles', 'active'] as const;

/** Users page: filtered by keyword and department, with roles, paginated. */
export async function listUsers(ctx: Ctx, q: { page: number; pageSize: number; keyword?: string; deptId?: number }) {
  const mgr = alias(users, 'mgr');
  const where = and(
    q.keyword
      ? or(
          ilike(users.name, `%${q.keyword}%`),
          ilike(users.username, `%${q.keyword}%`),
          ilike(users.mobile, `%${q.keyword}%`),
        )
      : undefined,
    q.deptId ? eq(users.deptId, q.deptId) : undefined,
  );
  const rows = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      mobile: users.mobile,
      deptId: users.deptId,
      deptName: departments.name,
      managerId: users.managerId,
      managerName: mgr.name,
      active: users.active,
      version: users.version,
      roles: sql<
        string[]
      >`coalesce((select array_agg(r.code order by r.code) from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = ${users.id}), '{}')`,
    })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.deptId))
    .leftJoin(mgr, eq(mgr.id, users.managerId))
    .where(where)
    .orderBy(asc(users.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(users).where(where);
  const locked = await lockedUserIds(
    ctx.db,
    rows.map((r) => r.id),
    ctx.now(),
  );
  return {
    items: rows.map((r) => ({ ...r, locked: locked.has(r.id) })),
    total,
    totalCapped: false,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Active users for owner and transfer pickers. */
export async function userOptions(ctx: Ctx) {
  return ctx.db
    .select({ id: users.id, name: users.name, deptId: users.deptId, deptName: departments.name })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.deptId))
    .where(eq(users.active, true))
    .orderBy(asc(departments.path), asc(users.id));
}

async function resolveRoleIds(tx: Tx, codes: string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await tx.select({ id: roles.id, code: roles.code }).from(roles).where(inArray(roles.code, codes));
  if (rows.length !== new Set(codes).size) throw ValidationError.field('roles', 'validation.invalid_value');
  return rows.map((r) => r.id);
}

async function checkInput(tx: Tx, input: UserInput, selfId: number | null) {
  if (input.mobile !== null) {
    input.mobile = normalizePhone(input.mobile);
    if (!/^1[3-9]\d{9}$/.test(input.mobile)) throw ValidationError.field('mobile', 'validation.mobile.format');
  }
  const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.deptId));
  if (!d) throw ValidationError.field('deptId', 'validation.invalid_value');
  if (input.managerId !== null) {
    // Walk up from the proposed manager; meeting ourselves would close a loop.
    const chain = await tx.execute<{ id: number }>(sql`
      with recursive up as (select id, manager_id from users where id = ${input.managerId}
        union select u.id, u.manager_id from users u join up on u.id = up.manager_id) select id from up`);
    if (chain.rows.length === 0) throw ValidationError.field('managerId', 'validation.invalid_value');
    if (selfId !== null && chain.rows.some((r) => Number(r.id) === selfId))
      throw ValidationError.field('managerId', 'user.manager_cycle');
  }
  const clash = await tx
    .select({ username: users.username, mobile: users.mobile })
    .from(users)
    .where(
      and(
        or(
          sql`lower(${users.username}) = lower(${input.username})`,
          input.mobile ? eq(users.mobile, input.mobile) : sql`false`,
        ),
        selfId !== null ? sql`${users.id} <> ${selfId}` : undefined,
      ),
    );
  if (clash.some((c) => c.username.toLowerCase() === input.username.toLowerCase()))
    throw new ConflictError('user.username_taken');
  if (clash.length) throw new ConflictError('user.mobile_taken');
}

/** Creates a user with an initial password and roles. */
export async function createUser(ctx: Ctx, input: UserInput & { password: string }) {
  if (!isStrongPassword(input.password)) throw ValidationError.field('password', 'auth.weak_password');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    await checkInput(tx, input, null);
    const roleIds = await resolveRoleIds(tx, input.roles);
    const { roles: _r, password: _p, ...cols } = input;
    const [row] = await tx
      .insert(users)
      .values({ ...cols, passwordHash })
      .returning({ id: users.id });
    if (roleIds.length) await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: row.id, roleId })));
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: row.id,
      action: 'create',
      changes: createdFields(input, FIELDS),
    });
    await runUserCreated(tx, ctx, row.id);
    return { id: row.id };
  });
}

/** Updates a user's profile, department, manager, roles or active flag (versioned). */
export async function updateUser(ctx: Ctx, id: number, input: UserInput & { version: number }) {
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!cur) throw new NotFoundError();
    if (cur.version !== input.version) throw new StaleVersionError();
    await checkInput(tx, input, id);
    const roleIds = await resolveRoleIds(tx, input.roles);
    const curRoles = await tx
      .select({ code: roles.code })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(eq(userRoles.userId, id));
    await tx
      .update(users)
      .set({
        username: input.username,
        name: input.name,
        mobile: input.mobile,
        deptId: input.deptId,
        managerId: input.managerId,
        active: input.active,
        version: cur.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, id));
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    if (roleIds.length) await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: id, roleId })));
    if (cur.deptId !== input.deptId) await runUserDeptChange(tx, id, input.deptId);
    if (!input.active) await tx.delete(sessions).where(eq(sessions.userId, id));
    const before = { ...cur, roles: curRoles.map((r) => r.code).sort() };
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'update',
      changes: diffFields(before, { ...input, roles: [...input.roles].sort() }, FIELDS),
    });
    return { id, version: cur.version + 1 };
  });
}

/** Sets a new password for a user (admin reset), ends their sessions and lifts a login lockout. */
export async function resetPassword(ctx: Ctx, id: number, password: string) {
  if (!isStrongPassword(password)) throw ValidationError.field('password', 'auth.weak_password');
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const res = await tx
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1` })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!res.length) throw new NotFoundError();
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await clearLockout(tx, id);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'reset_password',
      changes: [{ field: 'password', old: '***', new: '***' }],
    });
  });
}

/** Lifts a user's login lockout (failed-login counter and lock), e.g. after the user called the admin. */
export async function unlockUser(ctx: Ctx, id: number) {
  await ctx.db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
    if (!u) throw new NotFoundError();
    const wasLocked = await clearLockout(tx, id);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'unlock',
      changes: wasLocked ? [{ field: 'locked', old: true, new: false }] : [],
    });
  });
}
