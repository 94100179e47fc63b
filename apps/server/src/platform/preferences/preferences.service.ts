import { PREFERENCE_KINDS, PREFERENCE_MAX_BYTES } from '@sales/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { ValidationError } from '../errors/errors.ts';
import { userPreferences } from './preferences.schema.ts';

/** Most keys one user may store: a user has a handful of tables, not thousands. */
const MAX_KEYS_PER_USER = 100;

/** Every preference of the signed-in user, key → value (loaded once by the web app). */
export async function listMyPreferences(ctx: Ctx) {
  const rows = await ctx.db
    .select({ key: userPreferences.key, value: userPreferences.value })
    .from(userPreferences)
    .where(eq(userPreferences.userId, ctx.principal.userId))
    .orderBy(asc(userPreferences.key))
    .limit(MAX_KEYS_PER_USER);
  return { items: Object.fromEntries(rows.map((r) => [r.key, r.value])) as Record<string, unknown> };
}

/** One preference of the signed-in user; `value` is null when never set. Another user's is never reachable. */
export async function getMyPreference(ctx: Ctx, key: string) {
  const [row] = await ctx.db
    .select({ value: userPreferences.value, updatedAt: userPreferences.updatedAt })
    .from(userPreferences)
    .where(and(eq(userPreferences.userId, ctx.principal.userId), eq(userPreferences.key, key)));
  return { key, value: row?.value ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
}

/**
 * Stores one preference of the signed-in user (insert or replace), audited. The value must fit
 * its key's kind (`table.*`: column order and hidden columns) and PREFERENCE_MAX_BYTES.
 */
export async function putMyPreference(ctx: Ctx, key: string, value: unknown) {
  const kind = key.slice(0, key.indexOf('.')) as keyof typeof PREFERENCE_KINDS;
  const schema = PREFERENCE_KINDS[kind];
  if (!schema) throw ValidationError.field('key', 'preference.key.unknown');
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ValidationError.field('value', 'preference.value.invalid');
  if (Buffer.byteLength(JSON.stringify(parsed.data)) > PREFERENCE_MAX_BYTES)
    throw ValidationError.field('value', 'preference.value.too_large', { max: PREFERENCE_MAX_BYTES });
  const userId = ctx.principal.userId;
  return ctx.db.transaction(async (tx) => {
    const [{ n }] = (
      await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from ${userPreferences} where ${userPreferences.userId} = ${userId} and ${userPreferences.key} <> ${key}`,
      )
    ).rows;
    if (Number(n) >= MAX_KEYS_PER_USER) throw ValidationError.field('key', 'preference.key.too_many');
    const [prev] = await tx
      .select({ value: userPreferences.value })
      .from(userPreferences)
      .where(and(eq(userPreferences.userId, userId), eq(userPreferences.key, key)));
    const [row] = await tx
      .insert(userPreferences)
      .values({ userId, key, value: parsed.data })
      .onConflictDoUpdate({
        target: [userPreferences.userId, userPreferences.key],
        set: { value: parsed.data, updatedAt: sql`now()` },
      })
      .returning({ id: userPreferences.id, updatedAt: userPreferences.updatedAt });
    await recordAudit(tx, ctx, {
      entityType: 'user_preference',
      entityId: row.id,
      action: prev ? 'update' : 'create',
      changes: [{ field: key, old: prev?.value ?? null, new: parsed.data }],
    });
    return { key, value: parsed.data, updatedAt: row.updatedAt.toISOString() };
  });
}

/** Forgets one preference of the signed-in user (列设置 → 重置: back to the defaults), audited when there was one. */
export async function deleteMyPreference(ctx: Ctx, key: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(userPreferences)
      .where(and(eq(userPreferences.userId, ctx.principal.userId), eq(userPreferences.key, key)))
      .returning({ id: userPreferences.id, value: userPreferences.value });
    if (row)
      await recordAudit(tx, ctx, {
        entityType: 'user_preference',
        entityId: row.id,
        action: 'delete',
        changes: [{ field: key, old: row.value, new: null }],
      });
    return { key, value: null, updatedAt: null };
  });
}
