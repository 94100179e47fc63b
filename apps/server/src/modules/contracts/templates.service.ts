import type { ContractTemplateInput, ContractTemplateUpdateInput } from '@sales/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { contractTemplates } from './contracts.schema.ts';

const FIELDS = ['name', 'body', 'qualityStandard', 'afterSalesTerms', 'active'] as const;

const present = (t: typeof contractTemplates.$inferSelect) => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/** Contract templates (active ones only unless `all`), by name. */
export async function listContractTemplates(ctx: Ctx, all: boolean) {
  const rows = await ctx.db
    .select()
    .from(contractTemplates)
    .where(all ? undefined : eq(contractTemplates.active, true))
    .orderBy(asc(contractTemplates.name), asc(contractTemplates.id));
  return rows.map(present);
}

export async function getContractTemplate(ctx: Ctx, id: number) {
  const [t] = await ctx.db.select().from(contractTemplates).where(eq(contractTemplates.id, id));
  if (!t) throw new NotFoundError();
  return present(t);
}

/** Adds a contract template (合同范本) with merge fields. */
export async function createContractTemplate(ctx: Ctx, input: ContractTemplateInput) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(contractTemplates).values(input).returning({ id: contractTemplates.id });
    await recordAudit(tx, ctx, {
      entityType: 'contract_template',
      entityId: row.id,
      action: 'create',
      changes: createdFields(input, FIELDS),
    });
    return { id: row.id };
  });
}

/** Changes a template (versioned). Contracts already drafted keep the body rendered from it. */
export async function updateContractTemplate(ctx: Ctx, id: number, input: ContractTemplateUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(contractTemplates).where(eq(contractTemplates.id, id)).for('update');
    if (!cur) throw new NotFoundError();
    if (cur.version !== input.version) throw new StaleVersionError();
    const { version, ...values } = input;
    const upd = await tx
      .update(contractTemplates)
      .set({ ...values, version: version + 1, updatedAt: sql`now()` })
      .where(and(eq(contractTemplates.id, id), eq(contractTemplates.version, version)))
      .returning({ version: contractTemplates.version });
    if (!upd.length) throw new StaleVersionError();
    await recordAudit(tx, ctx, {
      entityType: 'contract_template',
      entityId: id,
      action: 'update',
      changes: diffFields(cur, values, FIELDS),
    });
    return { id, version: upd[0].version };
  });
}
