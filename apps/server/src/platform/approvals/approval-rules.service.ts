import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../errors/errors.ts';
import { roles, users } from '../org/org.schema.ts';
import { approvalDocType, approvalDocTypes } from './approvals.registry.ts';
import type { Condition, StepDef } from './approvals.rules.ts';
import { approvalRules } from './approvals.schema.ts';

export interface RuleInput {
  docType: string;
  name: string;
  priority: number;
  conditions: Condition[];
  steps: StepDef[];
  active: boolean;
}
const FIELDS = ['docType', 'name', 'priority', 'conditions', 'steps', 'active'] as const;

/** Document types that can be approved, with the facts their rules may test. */
export function listDocTypes() {
  return approvalDocTypes().map((t) => ({ type: t.type, fields: t.fields }));
}

export async function listRules(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(approvalRules)
    .orderBy(asc(approvalRules.docType), asc(approvalRules.priority), asc(approvalRules.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
}

async function check(ctx: Ctx, input: RuleInput) {
  const dt = approvalDocType(input.docType);
  if (!dt) throw ValidationError.field('docType', 'validation.invalid_value');
  const fields = new Set(dt.fields.map((f) => f.key));
  input.conditions.forEach((c, i) => {
    if (!fields.has(c.field)) throw ValidationError.field(`conditions.${i}.field`, 'validation.invalid_value');
  });
  if (input.steps.length === 0) throw ValidationError.field('steps', 'approval.steps_required');
  const roleCodes = input.steps.filter((s) => s.kind === 'role').map((s) => s.role ?? '');
  if (roleCodes.length) {
    const found = await ctx.db.select({ code: roles.code }).from(roles).where(inArray(roles.code, roleCodes));
    const known = new Set(found.map((r) => r.code));
    input.steps.forEach((s, i) => {
      if (s.kind === 'role' && !known.has(s.role ?? ''))
        throw ValidationError.field(`steps.${i}.role`, 'validation.invalid_value');
    });
  }
  for (const [i, s] of input.steps.entries()) {
    if (s.kind === 'users') {
      const ids = s.userIds ?? [];
      const found = ids.length ? await ctx.db.select({ id: users.id }).from(users).where(inArray(users.id, ids)) : [];
      if (!ids.length || found.length !== new Set(ids).size)
        throw ValidationError.field(`steps.${i}.userIds`, 'validation.invalid_value');
    }
  }
}

/** Installs each registered type's default rules where a company has none yet (idempotent). */
export async function seedApprovalRules(db: Db) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727003)`);
    for (const t of approvalDocTypes()) {
      const [{ n }] = await tx.select({ n: count() }).from(approvalRules).where(eq(approvalRules.docType, t.type));
      if (n > 0 || !t.defaultRules?.length) continue;
      await tx.insert(approvalRules).values(t.defaultRules.map((r) => ({ ...r, docType: t.type })));
    }
  });
}

/** Adds an approval rule. */
export async function createRule(ctx: Ctx, input: RuleInput) {
  await check(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(approvalRules).values(input).returning({ id: approvalRules.id });
    await recordAudit(tx, ctx, {
      entityType: 'approval_rule',
      entityId: row.id,
      action: 'create',
      changes: createdFields(input, FIELDS),
    });
    return { id: row.id };
  });
}

/** Changes an approval rule (versioned). Running instances keep the chain they started with. */
export async function updateRule(ctx: Ctx, id: number, input: RuleInput & { version: number }) {
  await check(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(approvalRules).where(eq(approvalRules.id, id)).for('update');
    if (!cur) throw new NotFoundError();
    if (cur.version !== input.version) throw new StaleVersionError();
    const { version: _v, ...values } = input;
    await tx
      .update(approvalRules)
      .set({ ...values, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(approvalRules.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'approval_rule',
      entityId: id,
      action: 'update',
      changes: diffFields(cur, values, FIELDS),
    });
    return { id, version: cur.version + 1 };
  });
}
