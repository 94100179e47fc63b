import {
  type QuoteInput,
  type QuoteRespondInput,
  type QuoteUpdateInput,
  type QuoteVersionInput,
  quoteApprovalNeeds,
} from '@sales/core';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { companyDate } from '../../platform/time.ts';
import { bookFact } from '../analytics/index.ts';
import { customerContacts, customers, findCustomerInScope } from '../customers/index.ts';
import { opportunities, opportunityScope } from '../opportunities/index.ts';
import { assertActiveForSales } from '../training/index.ts';
import { findQuoteInScope } from './quotes.access.ts';
import { linesForAudit, priceQuoteLines, quoteLinesOf, replaceQuoteLines } from './quotes.lines.ts';
import { quotes } from './quotes.schema.ts';
import { assertQuoteAction } from './quotes.state.ts';

export const QUOTE_DOC = 'quote';
export const AUDITED_FIELDS = [
  'title',
  'contactId',
  'opportunityId',
  'validUntil',
  'deliveryTerms',
  'paymentTerms',
  'remark',
  'totalNet',
  'totalTax',
  'totalGross',
  'discountTotal',
  'approvalReasons',
  'lines',
] as const;

type QuoteRow = typeof quotes.$inferSelect;

/** The date `days` after an ISO date (calendar arithmetic, no time zone involved). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today + policy quotes.defaultValidityDays (有效期). */
export async function defaultValidUntil(tx: Tx, now: Date) {
  return addDays(companyDate(now), await getPolicy(tx, 'quotes.defaultValidityDays'));
}

/** Why this quote needs internal approval under the current policies (SPEC 3.2). */
export async function approvalNeedsOf(
  tx: Tx,
  lines: { unitPrice: string; discountPercent: string; floorPrice: string | null }[],
) {
  // One after the other: a transaction's client runs one query at a time.
  const mode = await getPolicy(tx, 'quotes.approvalMode');
  const limit = await getPolicy(tx, 'quotes.repDiscountLimitPercent');
  return quoteApprovalNeeds(lines, { mode: mode as 'all' | 'exceptions', repDiscountLimitPercent: String(limit) });
}

export function assertVersion(row: { version: number }, version: number) {
  if (row.version !== version) throw new StaleVersionError();
}

/** Contact and opportunity must belong to the quote's customer (and the opportunity be visible). */
async function assertRelations(
  tx: Tx,
  ctx: Ctx,
  customerId: number,
  input: Pick<QuoteInput, 'contactId' | 'opportunityId'>,
) {
  if (input.contactId) {
    const [c] = await tx
      .select({ id: customerContacts.id })
      .from(customerContacts)
      .where(
        and(
          eq(customerContacts.id, input.contactId),
          eq(customerContacts.customerId, customerId),
          isNull(customerContacts.deletedAt),
        ),
      );
    if (!c) throw ValidationError.field('contactId', 'quote.contact_mismatch');
  }
  if (input.opportunityId) {
    const [o] = await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(
        and(
          eq(opportunities.id, input.opportunityId),
          eq(opportunities.customerId, customerId),
          await opportunityScope(ctx),
        ),
      );
    if (!o) throw ValidationError.field('opportunityId', 'quote.opportunity_mismatch');
  }
}

async function headerValues(tx: Tx, ctx: Ctx, customerClass: string | null, input: Omit<QuoteInput, 'customerId'>) {
  const today = companyDate(ctx.now());
  const validUntil = input.validUntil ?? (await defaultValidUntil(tx, ctx.now()));
  if (validUntil < today) throw ValidationError.field('validUntil', 'quote.valid_until_past');
  const { rows, totals } = await priceQuoteLines(tx, input.lines, customerClass, today);
  const needs = await approvalNeedsOf(
    tx,
    rows as { unitPrice: string; discountPercent: string; floorPrice: string | null }[],
  );
  return {
    rows,
    values: {
      title: input.title,
      contactId: input.contactId ?? null,
      opportunityId: input.opportunityId ?? null,
      validUntil,
      deliveryTerms: input.deliveryTerms ?? null,
      paymentTerms: input.paymentTerms ?? null,
      remark: input.remark ?? null,
      ...totals,
      approvalReasons: needs.reasons,
    },
  };
}

/** Creates a draft quote (报价单) for a customer in the user's scope, numbered and priced. */
export async function createQuote(ctx: Ctx, input: QuoteInput) {
  return ctx.db.transaction(async (tx) => {
    // SPEC 5.4: a new rep creates quotes only once the onboarding training is passed.
    await assertActiveForSales(tx, ctx.principal.userId, 'ownerId');
    const customer = await findCustomerInScope(ctx, input.customerId, 'customer.view', tx);
    await assertRelations(tx, ctx, customer.id, input);
    const { rows, values } = await headerValues(tx, ctx, customer.class, input);
    const no = await nextDocNumber(tx, 'quote', ctx.now());
    const [row] = await tx
      .insert(quotes)
      .values({
        ...values,
        no,
        customerId: customer.id,
        ownerId: ctx.principal.userId,
        ownerDeptId: ctx.principal.deptId,
        searchText: `${no} ${input.title}`.toLowerCase(),
        createdBy: ctx.principal.userId,
      })
      .returning({ id: quotes.id });
    await replaceQuoteLines(tx, row.id, rows);
    await bookFact.quoteCreated(tx, ctx, row.id);
    await recordAudit(tx, ctx, {
      entityType: 'quote',
      entityId: row.id,
      action: 'create',
      changes: createdFields({ no, customerId: customer.id, ...values, lines: linesForAudit(rows) }, [
        'no',
        'customerId',
        ...AUDITED_FIELDS,
      ]),
    });
    return { id: row.id, no, revision: 1 };
  });
}

/** Changes a draft quote (versioned; a quote under approval or past draft is refused). */
export async function updateQuote(ctx: Ctx, id: number, input: QuoteUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const cur = await findQuoteInScope(ctx, id, 'quote.edit', tx, true);
    assertVersion(cur, input.version);
    assertQuoteAction(ctx, cur.status, 'edit');
    // The quote's own scope governs its edits; the customer only supplies its price class.
    const [customer] = await tx
      .select({ class: customers.class })
      .from(customers)
      .where(eq(customers.id, cur.customerId));
    await assertRelations(tx, ctx, cur.customerId, input);
    const before = { ...cur, lines: linesForAudit(await quoteLinesOf(tx, id)) };
    const { rows, values } = await headerValues(tx, ctx, customer.class, input);
    const [upd] = await tx
      .update(quotes)
      .set({
        ...values,
        searchText: `${cur.no} ${input.title}`.toLowerCase(),
        version: cur.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(quotes.id, id), eq(quotes.version, input.version)))
      .returning({ version: quotes.version });
    if (!upd) throw new StaleVersionError();
    await replaceQuoteLines(tx, id, rows);
    await recordAudit(tx, ctx, {
      entityType: 'quote',
      entityId: id,
      action: 'update',
      changes: diffFields(before, { ...values, lines: linesForAudit(rows) }, AUDITED_FIELDS),
    });
    return { id, version: upd.version };
  });
}

/** Moves a locked quote row to `next` (version + 1) with its audit row. */
export async function setQuoteStatus(
  tx: Tx,
  ctx: Ctx,
  cur: QuoteRow,
  next: string,
  action: string,
  extra: Partial<typeof quotes.$inferInsert> = {},
  comment?: string | null,
) {
  const [upd] = await tx
    .update(quotes)
    .set({ ...extra, status: next, version: cur.version + 1, updatedAt: sql`now()` })
    .where(and(eq(quotes.id, cur.id), eq(quotes.version, cur.version)))
    .returning({ version: quotes.version });
  if (!upd) throw new StaleVersionError();
  const changes = diffFields(cur, { ...cur, ...extra, status: next }, ['status', ...Object.keys(extra)]);
  await recordAudit(tx, ctx, { entityType: 'quote', entityId: cur.id, action, changes, comment });
  return upd.version;
}

/**
 * Sends a quote to the customer: approved → sent. Refused after the validity date (the sweep
 * marks it expired; a new version gets a new date).
 */
export async function sendQuote(ctx: Ctx, id: number, input: QuoteVersionInput) {
  return ctx.db.transaction(async (tx) => {
    const cur = await findQuoteInScope(ctx, id, 'quote.edit', tx, true);
    assertVersion(cur, input.version);
    const next = assertQuoteAction(ctx, cur.status, 'send');
    if (cur.validUntil < companyDate(ctx.now())) throw ValidationError.field('validUntil', 'quote.valid_until_past');
    const version = await setQuoteStatus(tx, ctx, cur, next, 'send');
    return { id, status: next, version };
  });
}

/** Records the customer's answer to a sent quote: accepted or rejected, with a note. */
export async function respondToQuote(ctx: Ctx, id: number, input: QuoteRespondInput) {
  return ctx.db.transaction(async (tx) => {
    const cur = await findQuoteInScope(ctx, id, 'quote.edit', tx, true);
    assertVersion(cur, input.version);
    const next = assertQuoteAction(ctx, cur.status, input.response === 'accepted' ? 'accept' : 'reject');
    const version = await setQuoteStatus(
      tx,
      ctx,
      cur,
      next,
      input.response === 'accepted' ? 'accept' : 'reject',
      {
        customerResponseAt: ctx.now(),
        customerResponseNote: input.note ?? null,
      },
      input.note,
    );
    return { id, status: next, version };
  });
}
