import { CustomerInput, type InquiryConvertOpportunityInput } from '@sales/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { insertCustomer } from '../customers/index.ts';
import { insertOpportunity } from '../opportunities/index.ts';
import { findInquiryInScope } from './inquiries.access.ts';
import { inquiries } from './inquiries.schema.ts';

// The customer's source channel (the "leads" indicator counts new customers by it).
const SOURCE = { phone: 'phone', online: 'online', email: 'online', visit: 'walk_in' } as const;

type Inquiry = Awaited<ReturnType<typeof findInquiryInScope>>;

/** The customer an inquiry becomes: the company if named, else the person; duplicate-checked. */
async function customerFrom(tx: Tx, ctx: Ctx, q: Inquiry) {
  if (!can(ctx.principal, 'customer.create')) throw new ForbiddenError('inquiry.no_customer_permission');
  const parsed = CustomerInput.safeParse({
    kind: q.company ? 'company' : 'individual',
    name: q.company ?? q.contactName,
    mobile: q.mobile,
    email: q.email,
    source: SOURCE[q.channel as keyof typeof SOURCE],
    remark: q.question.slice(0, 1000),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw ValidationError.field(String(issue.path[0] ?? 'name'), issue.message);
  }
  // The customers module's own create: duplicate check (查重 → 409 naming the existing customer),
  // number, indicator fact, audit — all in this transaction, so a refusal writes nothing.
  return insertCustomer(tx, ctx, parsed.data, ctx.principal.userId, `售前咨询 #${q.id}`);
}

async function lockForConvert(tx: Tx, ctx: Ctx, id: number, version: number) {
  const q = await findInquiryInScope(ctx, id, 'inquiry.handle', tx);
  if (q.version !== version) throw new StaleVersionError();
  return q;
}

/** Converts an inquiry to a new customer in one step (SPEC 2.9); a duplicate is refused (409), nothing written. */
export async function convertToCustomer(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const q = await lockForConvert(tx, ctx, id, version);
    if (q.customerId) throw new ConflictError('inquiry.already_converted');
    const c = await customerFrom(tx, ctx, q);
    await mark(tx, ctx, q, { customerId: c.id });
    return { customerId: c.id, customerNo: c.no };
  });
}

/**
 * Converts an inquiry to an opportunity in one transaction: the inquiry's customer (created now,
 * duplicate-checked, when it has none) and an opportunity through the opportunities module.
 */
export async function convertToOpportunity(ctx: Ctx, id: number, input: InquiryConvertOpportunityInput) {
  return ctx.db.transaction(async (tx) => {
    const q = await lockForConvert(tx, ctx, id, input.version);
    if (q.opportunityId) throw new ConflictError('inquiry.already_converted');
    const customerId = q.customerId ?? (await customerFrom(tx, ctx, q)).id;
    const opportunityId = await insertOpportunity(tx, ctx, {
      name: input.name,
      customerId,
      pipelineId: input.pipelineId,
      stageId: null,
      amount: input.amount,
      expectedCloseDate: null,
      probability: null,
      ownerId: null,
      remark: q.question.slice(0, 1000),
    });
    await mark(tx, ctx, q, { customerId, opportunityId });
    return { customerId, opportunityId };
  });
}

async function mark(tx: Tx, ctx: Ctx, q: Inquiry, set: { customerId: number; opportunityId?: number }) {
  const now = ctx.now();
  await tx
    .update(inquiries)
    .set({ ...set, convertedAt: q.convertedAt ?? now, version: q.version + 1, updatedAt: now })
    .where(eq(inquiries.id, q.id));
  await recordAudit(tx, ctx, {
    entityType: 'inquiry',
    entityId: q.id,
    action: set.opportunityId ? 'convert_opportunity' : 'convert_customer',
    changes: [
      { field: 'customerId', old: q.customerId, new: set.customerId },
      ...(set.opportunityId ? [{ field: 'opportunityId', old: null, new: set.opportunityId }] : []),
    ],
  });
}
