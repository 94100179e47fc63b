import Decimal from 'decimal.js';
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../errors/errors.ts';
import { users } from '../org/org.schema.ts';
import { can } from '../permissions/principal.ts';
import { policies, policyVersions } from './policies.schema.ts';
import { POLICIES, type PolicyDef, type PolicyKey, type PolicyValue, policyDef } from './registry.ts';

// jsonb holds { v: value }: a bare JSON string such as "60.50" would come back as a number.
const wrap = (v: unknown) => ({ v });
const unwrap = (j: unknown) => (j as { v: unknown } | null)?.v ?? null;

/** Reads one policy's current value (the company's override, else the default). */
export async function getPolicy<K extends PolicyKey>(db: DbOrTx, key: K): Promise<PolicyValue<K>> {
  const rows = await db.select({ value: policies.value }).from(policies).where(eq(policies.key, key));
  const def = policyDef(key) as PolicyDef;
  return (rows.length ? unwrap(rows[0].value) : def.default) as PolicyValue<K>;
}

/** All policies with their defaults, current values and who changed them last. */
export async function listPolicies(ctx: Ctx) {
  if (!can(ctx.principal, 'policy.manage')) throw new ForbiddenError();
  const rows = await ctx.db
    .select({
      key: policies.key,
      value: policies.value,
      version: policies.version,
      updatedAt: policies.updatedAt,
      updatedByName: users.name,
    })
    .from(policies)
    .leftJoin(users, eq(users.id, policies.updatedBy));
  const set = new Map(rows.map((r) => [r.key, r]));
  return POLICIES.map((d: PolicyDef) => {
    const r = set.get(d.key);
    return {
      key: d.key,
      type: d.type,
      options: d.type === 'enum' ? d.options : undefined,
      min: 'min' in d ? d.min : undefined,
      max: 'max' in d ? d.max : undefined,
      defaultValue: d.default,
      value: r ? unwrap(r.value) : d.default,
      version: r?.version ?? 0,
      updatedAt: r?.updatedAt?.toISOString() ?? null,
      updatedByName: r?.updatedByName ?? null,
    };
  });
}

function checkValue(def: PolicyDef, value: unknown): unknown {
  const bad = () => ValidationError.field('value', 'policy.invalid');
  switch (def.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < def.min || value > def.max) throw bad();
      return value;
    case 'decimal': {
      if (typeof value !== 'string' || !/^\d{1,13}(\.\d{1,2})?$/.test(value)) throw bad();
      const d = new Decimal(value);
      if (d.lt(def.min) || d.gt(def.max)) throw bad();
      return d.toFixed(2);
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw bad();
      return value;
    case 'enum':
      if (typeof value !== 'string' || !def.options.includes(value)) throw bad();
      return value;
  }
}

/** Changes a policy value; the old and new values are kept as a version (SPEC 1.5). */
export async function updatePolicy(ctx: Ctx, key: string, value: unknown, version: number) {
  if (!can(ctx.principal, 'policy.manage')) throw new ForbiddenError();
  const def = policyDef(key);
  if (!def) throw new NotFoundError();
  const clean = checkValue(def, value);
  return ctx.db.transaction(async (tx) => {
    const cur = await tx.select().from(policies).where(eq(policies.key, key)).for('update');
    const curVersion = cur[0]?.version ?? 0;
    if (curVersion !== version) throw new StaleVersionError();
    const old = cur.length ? unwrap(cur[0].value) : def.default;
    if (cur.length) {
      await tx
        .update(policies)
        .set({ value: wrap(clean), version: curVersion + 1, updatedBy: ctx.principal.userId, updatedAt: sql`now()` })
        .where(eq(policies.key, key));
    } else {
      // A concurrent first override of the same key hits the primary key and fails: no lost update.
      await tx.insert(policies).values({ key, value: wrap(clean), version: 1, updatedBy: ctx.principal.userId });
    }
    const [v] = await tx
      .insert(policyVersions)
      .values({ key, oldValue: wrap(old), newValue: wrap(clean), changedBy: ctx.principal.userId })
      .returning({ id: policyVersions.id });
    await recordAudit(tx, ctx, {
      entityType: 'policy',
      entityId: v.id,
      action: 'update',
      changes: [{ field: key, old, new: clean }],
    });
    return { key, value: clean, version: curVersion + 1 };
  });
}

/** Every change of a policy, newest first. */
export async function policyHistory(ctx: Ctx, key: string) {
  if (!can(ctx.principal, 'policy.manage')) throw new ForbiddenError();
  if (!policyDef(key)) throw new NotFoundError();
  const rows = await ctx.db
    .select({
      at: policyVersions.changedAt,
      actorName: users.name,
      old: policyVersions.oldValue,
      new: policyVersions.newValue,
    })
    .from(policyVersions)
    .leftJoin(users, eq(users.id, policyVersions.changedBy))
    .where(eq(policyVersions.key, key))
    .orderBy(desc(policyVersions.id));
  return rows.map((r) => ({ ...r, old: unwrap(r.old), new: unwrap(r.new), at: r.at.toISOString() }));
}
