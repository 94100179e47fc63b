import {
  amountInWords,
  type ContractInput,
  type ContractUpdateInput,
  formatYuan,
  type PaymentPlanItemInput,
  type PricedLineInput,
  renderContractBody,
} from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { companyName } from '../../platform/org/company.ts';
import { companyDate } from '../../platform/time.ts';
import { customers, findCustomerInScope } from '../customers/index.ts';
import { findProposalSource } from '../opportunities/index.ts';
import { findContractInScope } from './contracts.access.ts';
import { type CopiedLine, contractLinesOf, priceContractLines, replaceContractLines } from './contracts.lines.ts';
import './contracts.messages.ts';
import { assertPaymentPlan, paymentPlanOf, planForDiff, replacePaymentPlan } from './contracts.plan.ts';
import { assertMaySetPrices } from './contracts.prices.ts';
import { contracts, contractTemplates } from './contracts.schema.ts';
import { assertContractAction } from './contracts.state.ts';

export const AUDITED_FIELDS = [
  'title',
  'proposalId',
  'amount',
  'deliveryTerms',
  'paymentTerms',
  'qualityStandard',
  'afterSalesTerms',
  'startDate',
  'endDate',
  'body',
] as const;

export interface ContractDraftInput {
  customerId: number;
  title: string;
  quoteId?: number;
  proposalId?: number | null;
  orderId?: number;
  templateId?: number | null;
  lines: PricedLineInput[] | CopiedLine[];
  deliveryTerms?: string | null;
  paymentTerms?: string | null;
  qualityStandard?: string | null;
  afterSalesTerms?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  paymentPlan?: PaymentPlanItemInput[];
}

/** Merge-field values of a contract for its template body. */
export function mergeValues(c: {
  partyB: string;
  no: string;
  amount: string;
  deliveryTerms: string | null;
  paymentTerms: string | null;
  qualityStandard: string | null;
  afterSalesTerms: string | null;
  signedDate: string | null;
}) {
  return {
    customerName: c.partyB,
    contractNo: c.no,
    amount: formatYuan(c.amount),
    amountInWords: amountInWords(c.amount),
    deliveryTerms: c.deliveryTerms,
    paymentTerms: c.paymentTerms,
    qualityStandard: c.qualityStandard,
    afterSalesTerms: c.afterSalesTerms,
    signedDate: c.signedDate,
  };
}

async function loadTemplate(db: DbOrTx, id: number) {
  const [t] = await db
    .select()
    .from(contractTemplates)
    .where(and(eq(contractTemplates.id, id), eq(contractTemplates.active, true)));
  if (!t) throw ValidationError.field('templateId', 'contract.template.unknown');
  return t;
}

/**
 * The proposal a contract is drafted from: one the user may see, of the same customer (a field
 * error otherwise). Whether the customer accepted it is checked at signing (contracts.sign.ts).
 */
async function proposalFor(ctx: Ctx, tx: Tx, proposalId: number, customerId: number) {
  const p = await findProposalSource(ctx, proposalId, tx).catch((e: unknown) => {
    if (e instanceof NotFoundError) throw ValidationError.field('proposalId', 'contract.proposal.unknown');
    throw e;
  });
  if (p.customerId !== customerId) throw ValidationError.field('proposalId', 'contract.proposal.customer');
  return p.id;
}

function assertDates(startDate: string | null | undefined, endDate: string | null | undefined) {
  if (startDate && endDate && endDate < startDate) throw ValidationError.field('endDate', 'contract.end_before_start');
}

/**
 * Creates a draft contract inside the caller's transaction (also used by quote → contract): numbers
 * it, prices the lines (amount = Σ gross), takes quality standard and after-sales terms from the
 * template when not given, renders the template body and stores the payment plan, which must sum
 * to the amount.
 */
export async function createContractDraft(
  tx: Tx,
  ctx: Ctx,
  input: ContractDraftInput,
): Promise<{ id: number; no: string }> {
  const customer = await findCustomerInScope(ctx, input.customerId, 'customer.view', tx);
  assertDates(input.startDate, input.endDate);
  const tpl = input.templateId ? await loadTemplate(tx, input.templateId) : null;
  const proposalId = input.proposalId ? await proposalFor(ctx, tx, input.proposalId, customer.id) : null;
  const now = ctx.now();
  const { rows, amount } = await priceContractLines(tx, input.lines, customer.class ?? null, companyDate(now));
  const plan = input.paymentPlan ?? [];
  if (plan.length) assertPaymentPlan(plan, amount);
  const no = await nextDocNumber(tx, 'contract', now);
  const values = {
    no,
    title: input.title,
    customerId: customer.id,
    quoteId: input.quoteId ?? null,
    proposalId,
    orderId: input.orderId ?? null,
    templateId: tpl?.id ?? null,
    ownerId: ctx.principal.userId,
    ownerDeptId: ctx.principal.deptId,
    amount,
    partyA: await companyName(tx),
    partyB: customer.name,
    deliveryTerms: input.deliveryTerms ?? null,
    paymentTerms: input.paymentTerms ?? null,
    qualityStandard: input.qualityStandard ?? tpl?.qualityStandard ?? null,
    afterSalesTerms: input.afterSalesTerms ?? tpl?.afterSalesTerms ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    signedDate: null,
    createdBy: ctx.principal.userId,
  };
  const body = tpl ? renderContractBody(tpl.body, mergeValues(values)) : '';
  const [row] = await tx
    .insert(contracts)
    .values({ ...values, body })
    .returning({ id: contracts.id });
  await replaceContractLines(tx, row.id, rows);
  await replacePaymentPlan(tx, row.id, plan);
  await recordAudit(tx, ctx, {
    entityType: 'contract',
    entityId: row.id,
    action: 'create',
    changes: [
      ...createdFields({ ...values, body }, ['no', 'customerId', 'partyA', 'partyB', ...AUDITED_FIELDS]),
      ...createdFields({ paymentPlan: planForDiff(plan) }, ['paymentPlan']),
    ],
  });
  return { id: row.id, no };
}

/** Creates a draft contract from the form (合同起草). */
export async function createContract(ctx: Ctx, input: ContractInput) {
  assertMaySetPrices(ctx);
  return ctx.db.transaction((tx) => createContractDraft(tx, ctx, input));
}

/**
 * Edits a draft: terms, lines and payment plan together, so the plan is checked against the new
 * amount. Only a draft is editable (a contract in review is locked).
 */
export async function updateContract(ctx: Ctx, id: number, input: ContractUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const cur = await findContractInScope(ctx, id, 'contract.edit', tx, true);
    // The edit carries the lines and the plan, i.e. the prices: refused to a user who sees them masked.
    assertMaySetPrices(ctx);
    if (cur.version !== input.version) throw new StaleVersionError();
    assertContractAction(ctx, cur.status, 'edit');
    assertDates(input.startDate, input.endDate);
    const [customer] = await tx
      .select({ class: customers.class })
      .from(customers)
      .where(eq(customers.id, cur.customerId));
    const { rows, amount } = await priceContractLines(tx, input.lines, customer?.class ?? null, companyDate(ctx.now()));
    if (input.paymentPlan.length) assertPaymentPlan(input.paymentPlan, amount);
    // Absent or unchanged: kept as is (an editor need not see the opportunity it came from).
    const proposalId =
      input.proposalId === undefined || input.proposalId === cur.proposalId
        ? cur.proposalId
        : input.proposalId && (await proposalFor(ctx, tx, input.proposalId, cur.customerId));
    const next = {
      title: input.title,
      proposalId: proposalId || null,
      amount,
      deliveryTerms: input.deliveryTerms,
      paymentTerms: input.paymentTerms,
      qualityStandard: input.qualityStandard,
      afterSalesTerms: input.afterSalesTerms,
      startDate: input.startDate,
      endDate: input.endDate,
    };
    const tpl = cur.templateId
      ? (await tx.select().from(contractTemplates).where(eq(contractTemplates.id, cur.templateId)))[0]
      : undefined;
    const body = tpl ? renderContractBody(tpl.body, mergeValues({ ...cur, ...next })) : cur.body;
    const oldPlan = planForDiff(await paymentPlanOf(tx, id));
    const changes = [
      ...diffFields(cur, { ...next, body }, AUDITED_FIELDS),
      ...diffFields({ paymentPlan: oldPlan }, { paymentPlan: planForDiff(input.paymentPlan) }, ['paymentPlan']),
    ];
    const upd = await tx
      .update(contracts)
      .set({ ...next, body, version: cur.version + 1, updatedAt: sql`now()` })
      .where(and(eq(contracts.id, id), eq(contracts.version, input.version)))
      .returning({ version: contracts.version });
    if (!upd.length) throw new StaleVersionError();
    await replaceContractLines(tx, id, rows);
    await replacePaymentPlan(tx, id, input.paymentPlan);
    await recordAudit(tx, ctx, { entityType: 'contract', entityId: id, action: 'update', changes });
    return { id, version: upd[0].version, amount };
  });
}

/** Lines of a contract, for other modules copying them (contract → order). */
export { contractLinesOf };
