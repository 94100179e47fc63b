import {
  type ChecklistAuto,
  type ProposalInput,
  type ProposalResponseInput,
  type ProposalUpdateInput,
  toMoneyString,
} from '@sales/core';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { StaleVersionError } from '../../platform/errors/errors.ts';
import { retentionDelete } from '../../platform/retention/index.ts';
import { companyDate } from '../../platform/time.ts';
import { findOpportunityForChange, findProposalInScope } from './opportunities.access.ts';
import { assertOpen } from './opportunities.guards.ts';
import { proposalsOf } from './opportunities.queries.ts';
import { opportunityProposals } from './opportunities.schema.ts';
import { autoTick } from './stage.service.ts';

const FIELDS = ['title', 'items', 'price', 'deliveryTerm', 'sentOn', 'remark'] as const;
const RESPONSE_FIELDS = ['response', 'respondedOn', 'responseNote'] as const;

/** Checklist events a proposal in this state has produced. */
function events(p: { sentOn: string | null; response: string }): ChecklistAuto[] {
  const out: ChecklistAuto[] = [];
  // An answered proposal was evidently sent.
  if (p.sentOn || p.response !== 'pending') out.push('proposal_sent');
  if (p.response === 'accepted') out.push('proposal_accepted');
  return out;
}

async function proposalView(ctx: Ctx, opportunityId: number, id: number) {
  return (await proposalsOf(ctx, opportunityId)).find((p) => p.id === id);
}

/** The proposal and its open opportunity, locked for a change (404 out of scope, 403 without edit scope). */
async function loadForChange(ctx: Ctx, tx: Tx, id: number, version: number) {
  const found = await findProposalInScope(ctx, id, tx);
  const opp = await findOpportunityForChange(ctx, found.opportunityId, tx);
  const [cur] = await tx.select().from(opportunityProposals).where(eq(opportunityProposals.id, id)).for('update');
  if (cur.version !== version) throw new StaleVersionError();
  assertOpen(opp);
  return { cur, opp };
}

/** Records a proposal (销售提案, SPEC 3.1) on an open opportunity. */
export async function createProposal(ctx: Ctx, opportunityId: number, input: ProposalInput) {
  const id = await ctx.db.transaction(async (tx) => {
    const opp = await findOpportunityForChange(ctx, opportunityId, tx);
    assertOpen(opp);
    const values = { ...input, price: toMoneyString(input.price) };
    const [row] = await tx
      .insert(opportunityProposals)
      .values({ ...values, opportunityId, createdBy: ctx.principal.userId })
      .returning({ id: opportunityProposals.id });
    await recordAudit(tx, ctx, {
      entityType: 'opportunity_proposal',
      entityId: row.id,
      action: 'create',
      changes: createdFields(values, FIELDS),
    });
    await autoTick(ctx, tx, opp, events({ sentOn: input.sentOn, response: 'pending' }));
    return row.id;
  });
  return proposalView(ctx, opportunityId, id);
}

/** Changes a proposal's content (versioned). */
export async function updateProposal(ctx: Ctx, id: number, input: ProposalUpdateInput) {
  const opportunityId = await ctx.db.transaction(async (tx) => {
    const { cur, opp } = await loadForChange(ctx, tx, id, input.version);
    const { version: _v, ...rest } = input;
    const values = { ...rest, price: toMoneyString(rest.price) };
    const changes = diffFields({ ...cur, price: toMoneyString(cur.price) }, values, FIELDS);
    await tx
      .update(opportunityProposals)
      .set({ ...values, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(opportunityProposals.id, id));
    await recordAudit(tx, ctx, { entityType: 'opportunity_proposal', entityId: id, action: 'update', changes });
    await autoTick(ctx, tx, opp, events({ sentOn: values.sentOn, response: cur.response }));
    return cur.opportunityId;
  });
  return proposalView(ctx, opportunityId, id);
}

/** Records the customer's answer to a proposal; an accepted one ticks the proposal checklist items. */
export async function respondToProposal(ctx: Ctx, id: number, input: ProposalResponseInput) {
  const opportunityId = await ctx.db.transaction(async (tx) => {
    const { cur, opp } = await loadForChange(ctx, tx, id, input.version);
    const next = {
      response: input.response,
      respondedOn:
        input.response === 'pending' ? null : (input.respondedOn ?? cur.respondedOn ?? companyDate(ctx.now())),
      responseNote: input.note,
    };
    await tx
      .update(opportunityProposals)
      .set({ ...next, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(opportunityProposals.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'opportunity_proposal',
      entityId: id,
      action: 'respond',
      changes: diffFields(cur, next, RESPONSE_FIELDS),
      comment: input.note,
    });
    await autoTick(ctx, tx, opp, events({ sentOn: cur.sentOn, response: input.response }));
    return cur.opportunityId;
  });
  return proposalView(ctx, opportunityId, id);
}

/**
 * Removes a proposal: archived within the retention period (records.retentionYears), soft-deleted
 * after it; its history stays in the audit trail.
 */
export async function deleteProposal(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const { cur } = await loadForChange(ctx, tx, id, version);
    const d = await retentionDelete(tx, ctx, cur);
    await tx
      .update(opportunityProposals)
      .set({ ...d.set, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(opportunityProposals.id, id));
    await recordAudit(tx, ctx, { entityType: 'opportunity_proposal', entityId: id, ...d.audit });
    return d.result;
  });
}
