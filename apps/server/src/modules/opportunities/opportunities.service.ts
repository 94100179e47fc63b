import { type OpportunityInput, type OpportunityUpdateInput, toMoneyString } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { DomainError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { resolveScope } from '../../platform/permissions/scope.ts';
import { retentionDelete } from '../../platform/retention/index.ts';
import { bookFact } from '../analytics/index.ts';
import { findCustomerInScope } from '../customers/index.ts';
import { findOpportunityForChange } from './opportunities.access.ts';
import { assertOpen, refuse } from './opportunities.guards.ts';
import { getOpportunity } from './opportunities.queries.ts';
import { opportunities } from './opportunities.schema.ts';
import { planStart } from './opportunities.state.ts';
import { findActivePipeline, loadStages } from './pipelines.service.ts';

/** Fields recorded field-by-field in the audit trail. */
export const AUDITED_FIELDS = [
  'name',
  'customerId',
  'pipelineId',
  'stageId',
  'amount',
  'expectedCloseDate',
  'probabilityOverride',
  'ownerId',
  'remark',
] as const;

const searchText = (o: { no: string; name: string }) => `${o.no} ${o.name}`.toLowerCase();

/** The customer must be one the user can see (customers module's scope). */
async function assertCustomerVisible(ctx: Ctx, tx: Tx, customerId: number) {
  try {
    await findCustomerInScope(ctx, customerId, 'customer.view', tx);
  } catch (err) {
    if (err instanceof DomainError) throw ValidationError.field('customerId', 'opportunity.customer.invalid');
    throw err;
  }
}

/**
 * The owner and their department. Someone else may be made owner only if they are an active user
 * whose records would fall in the actor's opportunity.edit scope (a manager for their team).
 */
async function ownerOf(ctx: Ctx, tx: Tx, ownerId: number) {
  const [u] = await tx
    .select({ deptId: users.deptId })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.active, true)));
  if (!u) throw ValidationError.field('ownerId', 'opportunity.owner.invalid');
  if (ownerId !== ctx.principal.userId) {
    const scope = await resolveScope(ctx, 'opportunity.edit').catch(() => null);
    if (!scope || (!scope.all && !scope.deptIds.includes(u.deptId)))
      throw ValidationError.field('ownerId', 'opportunity.owner.invalid');
  }
  return { ownerId, ownerDeptId: u.deptId };
}

/** Creates an opportunity numbered SJ-YYYY-NNNNNN in its pipeline's first stage (or a later one allowed by the checklists). */
export async function createOpportunity(ctx: Ctx, input: OpportunityInput) {
  const id = await ctx.db.transaction((tx) => insertOpportunity(tx, ctx, input));
  return getOpportunity(ctx, id);
}

/**
 * Creates an opportunity inside the caller's transaction (an inquiry converted in one step,
 * SPEC 2.9): pipeline, stage checklists, customer visibility, owner, number, fact and audit.
 */
export async function insertOpportunity(tx: Tx, ctx: Ctx, input: OpportunityInput): Promise<number> {
  const pipeline = await findActivePipeline(tx, input.pipelineId);
  if (!pipeline) throw ValidationError.field('pipelineId', 'opportunity.pipeline.invalid');
  const start = planStart(await loadStages(tx, pipeline.id), input.stageId);
  if (!start.ok) refuse(ctx, start);
  await assertCustomerVisible(ctx, tx, input.customerId);
  const owner = await ownerOf(ctx, tx, input.ownerId ?? ctx.principal.userId);
  // Numbered last, inside the transaction: a refused create consumes no number.
  const no = await nextDocNumber(tx, 'opportunity', ctx.now());
  const values = {
    no,
    name: input.name,
    customerId: input.customerId,
    pipelineId: pipeline.id,
    stageId: start.stage.id,
    amount: toMoneyString(input.amount),
    expectedCloseDate: input.expectedCloseDate,
    probabilityOverride: input.probability,
    remark: input.remark,
    ...owner,
    createdBy: ctx.principal.userId,
  };
  const [row] = await tx
    .insert(opportunities)
    .values({ ...values, searchText: searchText(values) })
    .returning({ id: opportunities.id });
  await bookFact.stageEntered(tx, ctx, row.id, start.stage.id);
  await recordAudit(tx, ctx, {
    entityType: 'opportunity',
    entityId: row.id,
    action: 'create',
    changes: createdFields(values, AUDITED_FIELDS),
  });
  return row.id;
}

/** Updates an open opportunity's fields (not its stage); the caller's version must be current (412 otherwise). */
export async function updateOpportunity(ctx: Ctx, id: number, input: OpportunityUpdateInput) {
  await ctx.db.transaction(async (tx) => {
    const cur = await findOpportunityForChange(ctx, id, tx);
    if (cur.version !== input.version) throw new StaleVersionError();
    assertOpen(cur);
    if (input.customerId !== cur.customerId) await assertCustomerVisible(ctx, tx, input.customerId);
    const owner =
      input.ownerId === null || input.ownerId === cur.ownerId
        ? { ownerId: cur.ownerId, ownerDeptId: cur.ownerDeptId }
        : await ownerOf(ctx, tx, input.ownerId);
    const values = {
      name: input.name,
      customerId: input.customerId,
      amount: toMoneyString(input.amount),
      expectedCloseDate: input.expectedCloseDate,
      probabilityOverride: input.probability,
      remark: input.remark,
      ...owner,
    };
    const changes = diffFields({ ...cur, amount: toMoneyString(cur.amount) }, values, AUDITED_FIELDS);
    if (owner.ownerDeptId !== cur.ownerDeptId)
      changes.push({ field: 'ownerDeptId', old: cur.ownerDeptId, new: owner.ownerDeptId });
    await tx
      .update(opportunities)
      .set({
        ...values,
        searchText: searchText({ no: cur.no, name: input.name }),
        version: cur.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(opportunities.id, id));
    await recordAudit(tx, ctx, { entityType: 'opportunity', entityId: id, action: 'update', changes });
  });
  return getOpportunity(ctx, id);
}

/** Soft-deletes an opportunity (kept for the audit trail and reports of history). */
export async function deleteOpportunity(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const cur = await findOpportunityForChange(ctx, id, tx, 'opportunity.delete');
    if (cur.version !== version) throw new StaleVersionError();
    // Within the retention period (records.retentionYears) it is archived (已归档), not deleted.
    const d = await retentionDelete(tx, ctx, cur);
    await tx
      .update(opportunities)
      .set({ ...d.set, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(opportunities.id, id));
    await recordAudit(tx, ctx, { entityType: 'opportunity', entityId: id, ...d.audit });
    return d.result;
  });
}
