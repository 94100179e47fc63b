import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { PRINCIPAL_COLUMNS, type PrincipalUserRow, principalOf, sha256 } from '../auth/auth.service.ts';
import type { LoadedPrincipal } from '../auth/principal-cache.ts';
import type { Ctx } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/errors.ts';
import { cappedCount, likePattern, type PageQuery, pageOffset, pageResult } from '../lists/index.ts';
import { users } from '../org/org.schema.ts';
import type { Principal } from '../permissions/principal.ts';
import { companyDate } from '../time.ts';
import { apiTokens } from './api-tokens.schema.ts';
import './api-tokens.messages.ts';

/** Every token starts with this, so a leaked one is recognisable (e.g. by secret scanners). */
export const TOKEN_PREFIX = 'sst_';
/** How much of the secret the lists show: enough to tell tokens apart, useless to sign in with. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 8;
// A user holds at most this many usable tokens: one per integration, not one per script run.
export const MAX_ACTIVE_TOKENS = 20;
// last_used_at is written at most this often per token, so a busy integration costs no write per request.
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenStatus = 'active' | 'expired' | 'revoked';
type TokenRow = typeof apiTokens.$inferSelect;

function statusOf(t: Pick<TokenRow, 'revokedAt' | 'expiresAt'>, now: Date): TokenStatus {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && t.expiresAt <= now) return 'expired';
  return 'active';
}

/** A token as the lists show it: never the secret nor its hash. */
function present(t: TokenRow, now: Date) {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    // The last day it works, as the user chose it (it stops at the next midnight, company time).
    expiresOn: t.expiresAt ? companyDate(new Date(t.expiresAt.getTime() - 1)) : null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    status: statusOf(t, now),
  };
}

/** The instant a token "valid through" a company date stops working: the next midnight in Asia/Shanghai. */
function endOfCompanyDay(date: string): Date {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000);
}

const usable = (now: Date) =>
  and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), sql`${apiTokens.expiresAt} > ${now}`));

/**
 * Creates a personal API token for the signed-in user and returns its secret, which is shown this
 * once. The secret is 32 random bytes, so a plain SHA-256 is enough to store it: a slow password
 * hash (argon2) guards low-entropy passwords against guessing, and nobody can guess 256 random bits.
 */
export async function createApiToken(ctx: Ctx, input: { name: string; expiresOn: string | null }) {
  // A token cannot mint tokens: revoking a leaked one must end the access it gave.
  if (ctx.principal.apiTokenId !== undefined) throw new ForbiddenError('apitoken.session_required');
  const now = ctx.now();
  if (input.expiresOn !== null && input.expiresOn < companyDate(now))
    throw ValidationError.field('expiresOn', 'apitoken.expiry_past');
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return ctx.db.transaction(async (tx) => {
    // Serialises concurrent creations of one user, so the limit holds.
    await tx.execute(sql`select 1 from users where id = ${ctx.principal.userId} for update`);
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, ctx.principal.userId), usable(now)));
    if (n >= MAX_ACTIVE_TOKENS) throw new ConflictError('apitoken.too_many', { max: MAX_ACTIVE_TOKENS });
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: ctx.principal.userId,
        name: input.name,
        prefix: secret.slice(0, SHOWN_CHARS),
        tokenHash: sha256(secret),
        expiresAt: input.expiresOn === null ? null : endOfCompanyDay(input.expiresOn),
      })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'api_token',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'userId', old: null, new: row.userId },
        { field: 'name', old: null, new: row.name },
        { field: 'prefix', old: null, new: row.prefix },
        { field: 'expiresAt', old: null, new: row.expiresAt?.toISOString() ?? null },
      ],
    });
    return { ...present(row, now), secret };
  });
}

/** The signed-in user's tokens, newest first (revoked and expired ones too, for the record). */
export async function listMyApiTokens(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, ctx.principal.userId))
    .orderBy(desc(apiTokens.id))
    .limit(200);
  return { items: rows.map((r) => present(r, ctx.now())) };
}

async function revoke(ctx: Ctx, id: number, owner: number | null) {
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), owner === null ? undefined : eq(apiTokens.userId, owner)))
      .for('update');
    // Another user's token is no business of a non-admin: it does not exist for them.
    if (!t) throw new NotFoundError();
    if (t.revokedAt) return present(t, ctx.now());
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now(), revokedBy: ctx.principal.userId })
      .where(eq(apiTokens.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'api_token',
      entityId: id,
      action: 'revoke',
      changes: [{ field: 'revokedAt', old: null, new: row.revokedAt?.toISOString() }],
      comment: owner === null && t.userId !== ctx.principal.userId ? `${t.name} (${t.prefix}…)` : null,
    });
    return present(row, ctx.now());
  });
}

/** Revokes one of the signed-in user's tokens (another user's token answers 404). */
export function revokeMyApiToken(ctx: Ctx, id: number) {
  return revoke(ctx, id, ctx.principal.userId);
}

/** Revokes any user's token (apitoken.admin). */
export function revokeAnyApiToken(ctx: Ctx, id: number) {
  return revoke(ctx, id, null);
}

/** Every user's tokens for the admin (apitoken.admin): filter by user text and status, newest first. */
export async function listAllApiTokens(
  ctx: Ctx,
  q: PageQuery & { keyword?: string; userId?: number; status?: TokenStatus },
) {
  const now = ctx.now();
  const byStatus: Record<TokenStatus, SQL | undefined> = {
    active: usable(now),
    expired: and(isNull(apiTokens.revokedAt), isNotNull(apiTokens.expiresAt), lte(apiTokens.expiresAt, now)),
    revoked: isNotNull(apiTokens.revokedAt),
  };
  const where = and(
    q.userId ? eq(apiTokens.userId, q.userId) : undefined,
    q.status ? byStatus[q.status] : undefined,
    q.keyword
      ? sql`(${apiTokens.name} ilike ${likePattern(q.keyword)} or ${apiTokens.prefix} ilike ${likePattern(q.keyword)}
          or exists (select 1 from users u where u.id = ${apiTokens.userId}
            and (u.name ilike ${likePattern(q.keyword)} or u.username ilike ${likePattern(q.keyword)})))`
      : undefined,
  );
  const rows = await ctx.db
    .select({ t: apiTokens, userName: users.name, username: users.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(where)
    .orderBy(desc(apiTokens.id))
    .limit(q.pageSize)
    .offset(pageOffset(q));
  const count = await cappedCount(ctx.db, apiTokens, where);
  return pageResult(
    rows.map((r) => ({ ...present(r.t, now), userName: r.userName, username: r.username })),
    count,
    q,
  );
}

type TokenPrincipalRow = PrincipalUserRow & { token_id: number; last_used_at: Date | null; expires_at: Date | null };

/**
 * The principal of a request carrying `Authorization: Bearer <token>`: the token's user with
 * exactly their roles, grants and data scope (the same columns as a session). Null when the token
 * is unknown, revoked or expired, or the user is disabled.
 */
export async function loadTokenPrincipal(db: Db, secret: string, now = new Date()): Promise<Principal | null> {
  return (await loadToken(db, secret, now))?.principal ?? null;
}

/** The token's principal and the token's expiry (what the principal cache keeps). */
export async function loadToken(db: Db, secret: string, now = new Date()): Promise<LoadedPrincipal | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const res = await db.execute<TokenPrincipalRow>(sql`
    select t.id as token_id, t.last_used_at, t.expires_at, ${PRINCIPAL_COLUMNS}
    from api_tokens t join users u on u.id = t.user_id join departments d on d.id = u.dept_id
    where t.token_hash = ${sha256(secret)} and t.revoked_at is null
      and (t.expires_at is null or t.expires_at > ${now}) and u.active`);
  const r = res.rows[0];
  if (!r) return null;
  const last = r.last_used_at ? new Date(r.last_used_at).getTime() : 0;
  if (now.getTime() - last >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, r.token_id));
  }
  return {
    principal: principalOf(r, { sessionId: '', csrfToken: '', apiTokenId: Number(r.token_id) }),
    expiresAt: r.expires_at ? new Date(r.expires_at).getTime() : Number.POSITIVE_INFINITY,
  };
}
