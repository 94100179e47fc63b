import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { normalizePhone } from '@sales/core';
import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { TooManyRequestsError, UnauthenticatedError, ValidationError } from '../errors/errors.ts';
import { LOCALES, type Locale } from '../i18n/locale.ts';
import { users } from '../org/org.schema.ts';
import type { Grant, Principal } from '../permissions/principal.ts';
import { getPolicy } from '../policies/policies.service.ts';
import { loginAttempts, sessions } from './auth.schema.ts';
import { dummyPasswordHash, hashPassword, isStrongPassword, verifyPassword } from './password.ts';
import type { LoadedPrincipal } from './principal-cache.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function normalizeLogin(login: string): string {
  const t = login.trim().toLowerCase();
  const phone = normalizePhone(t);
  return /^1\d{10}$/.test(phone) ? phone : t;
}

/**
 * The lockout counter of a login: per account when the name or mobile belongs to a user (so
 * switching between username and mobile counts against the same account), else per name.
 */
export const lockKey = (login: string, userId: number | undefined) =>
  userId === undefined ? `name:${login}` : `user:${userId}`;

/**
 * Signs a user in by username or mobile. Unknown names and wrong passwords answer the same, and
 * lockout counts per account (per name when none exists), so nothing reveals which users exist.
 */
export async function login(
  db: Db,
  input: { login: string; password: string; ip?: string; userAgent?: string; requestId: string },
  now = new Date(),
): Promise<{ token: string; principal: Principal }> {
  const name = normalizeLogin(input.login);
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(sql`(lower(${users.username}) = ${name} or ${users.mobile} = ${name})`)
    .limit(1);
  const key = lockKey(name, user?.id);
  const [attempt] = await db.select().from(loginAttempts).where(eq(loginAttempts.identifier, key));
  if (attempt?.lockedUntil && attempt.lockedUntil > now) {
    const minutes = Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 60000);
    throw new TooManyRequestsError('auth.locked', { minutes });
  }
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || !user.active) {
    const max = await getPolicy(db, 'auth.maxFailedLogins');
    const lockMinutes = await getPolicy(db, 'auth.lockMinutes');
    await db.execute(sql`
      insert into login_attempts (identifier, failures, last_failure_at) values (${key}, 1, ${now})
      on conflict (identifier) do update set
        failures = case when login_attempts.locked_until is not null then 1 else login_attempts.failures + 1 end,
        locked_until = null,
        last_failure_at = excluded.last_failure_at`);
    await db.execute(sql`
      update login_attempts set locked_until = ${new Date(now.getTime() + lockMinutes * 60000)}
      where identifier = ${key} and failures >= ${max}`);
    throw new UnauthenticatedError('auth.invalid_credentials');
  }
  await db.delete(loginAttempts).where(eq(loginAttempts.identifier, key));
  const token = randomBytes(32).toString('base64url');
  const hours = await getPolicy(db, 'auth.sessionHours');
  await db.insert(sessions).values({
    id: sha256(token),
    userId: user.id,
    csrfToken: randomBytes(24).toString('base64url'),
    expiresAt: new Date(now.getTime() + hours * 3600000),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300),
  });
  const principal = await loadPrincipal(db, token, now);
  if (!principal) throw new UnauthenticatedError('auth.invalid_credentials');
  await recordAudit(
    db,
    { principal, requestId: input.requestId },
    { entityType: 'user', entityId: user.id, action: 'login' },
  );
  return { token, principal };
}

/** Whether a user's account is locked by failed logins at `now` (for the users list). */
export async function lockedUserIds(db: DbOrTx, ids: number[], now = new Date()): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ identifier: loginAttempts.identifier })
    .from(loginAttempts)
    .where(
      and(
        inArray(
          loginAttempts.identifier,
          ids.map((id) => lockKey('', id)),
        ),
        gt(loginAttempts.lockedUntil, now),
      ),
    );
  return new Set(rows.map((r) => Number(r.identifier.slice('user:'.length))));
}

/** Clears a user's failed-login counter and lock (admin unlock, password reset). */
export async function clearLockout(tx: DbOrTx, userId: number) {
  const res = await tx
    .delete(loginAttempts)
    .where(eq(loginAttempts.identifier, lockKey('', userId)))
    .returning();
  return res.length > 0;
}

/** The user part of a principal row: identity, department, roles and grants. */
export type PrincipalUserRow = {
  user_id: number;
  username: string;
  name: string;
  locale: string;
  dept_id: number;
  dept_name: string;
  dept_path: string;
  roles: string[] | null;
  grants: { permission: string; scope: Grant['scope']; customDeptIds: number[] }[] | null;
};

/**
 * The select list of a principal for a query joining `users u` and `departments d`: sessions and
 * API tokens load the same user, roles and grants (a token acts exactly as its user).
 */
export const PRINCIPAL_COLUMNS = sql`u.id as user_id, u.username, u.name, u.locale,
      d.id as dept_id, d.name as dept_name, d.path as dept_path,
      (select array_agg(r.code) from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = u.id) as roles,
      (select json_agg(json_build_object('permission', g.permission, 'scope', g.scope, 'customDeptIds', g.custom_dept_ids))
         from user_roles ur join role_grants g on g.role_id = ur.role_id where ur.user_id = u.id) as grants`;

/** A principal from a row selected with PRINCIPAL_COLUMNS. */
export function principalOf(
  r: PrincipalUserRow,
  via: Pick<Principal, 'sessionId' | 'csrfToken' | 'apiTokenId'>,
): Principal {
  const grants = new Map<string, Grant[]>();
  for (const g of r.grants ?? []) {
    const list = grants.get(g.permission) ?? [];
    list.push({ scope: g.scope, customDeptIds: g.customDeptIds ?? [] });
    grants.set(g.permission, list);
  }
  return {
    userId: Number(r.user_id),
    username: r.username,
    name: r.name,
    deptId: Number(r.dept_id),
    deptName: r.dept_name,
    deptPath: r.dept_path,
    locale: (LOCALES as readonly string[]).includes(r.locale) ? (r.locale as Locale) : 'zh-CN',
    roles: r.roles ?? [],
    grants,
    ...via,
  };
}

type SessionRow = PrincipalUserRow & { session_id: string; csrf_token: string; last_seen_at: Date; expires_at: Date };

/** Loads the signed-in user with roles and grants from a session token, in one query. */
export async function loadPrincipal(db: Db, token: string, now = new Date()): Promise<Principal | null> {
  return (await loadSession(db, token, now))?.principal ?? null;
}

/** The session's principal and the session's expiry (what the principal cache keeps). */
export async function loadSession(db: Db, token: string, now = new Date()): Promise<LoadedPrincipal | null> {
  const res = await db.execute<SessionRow>(sql`
    select s.id as session_id, s.csrf_token, s.last_seen_at, s.expires_at, ${PRINCIPAL_COLUMNS}
    from sessions s join users u on u.id = s.user_id join departments d on d.id = u.dept_id
    where s.id = ${sha256(token)} and s.expires_at > ${now} and u.active`);
  const r = res.rows[0];
  if (!r) return null;
  let expiresAt = new Date(r.expires_at).getTime();
  // Sliding expiry, written at most every five minutes to keep reads cheap.
  if (now.getTime() - new Date(r.last_seen_at).getTime() > 5 * 60000) {
    const hours = await getPolicy(db, 'auth.sessionHours');
    expiresAt = now.getTime() + hours * 3600000;
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(expiresAt) })
      .where(eq(sessions.id, r.session_id));
  }
  return { principal: principalOf(r, { sessionId: r.session_id, csrfToken: r.csrf_token }), expiresAt };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends the current session. */
export async function logout(ctx: Ctx) {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, ctx.principal.sessionId));
    await recordAudit(tx, ctx, { entityType: 'user', entityId: ctx.principal.userId, action: 'logout' });
  });
}

/** Changes the signed-in user's password and ends their other sessions. */
export async function changePassword(ctx: Ctx, oldPassword: string, newPassword: string) {
  const [u] = await ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, ctx.principal.userId));
  if (!(await verifyPassword(u.hash, oldPassword))) throw ValidationError.field('oldPassword', 'auth.wrong_password');
  if (!isStrongPassword(newPassword)) throw ValidationError.field('newPassword', 'auth.weak_password');
  const hash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hash, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, ctx.principal.userId));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, ctx.principal.userId), ne(sessions.id, ctx.principal.sessionId)));
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: ctx.principal.userId,
      action: 'change_password',
      changes: [{ field: 'password', old: '***', new: '***' }],
    });
  });
}

/** Sets the signed-in user's interface language. */
export async function setLocale(ctx: Ctx, locale: Locale) {
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ locale }).where(eq(users.id, ctx.principal.userId));
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: ctx.principal.userId,
      action: 'update',
      changes: [{ field: 'locale', old: ctx.principal.locale, new: locale }],
    });
  });
}
