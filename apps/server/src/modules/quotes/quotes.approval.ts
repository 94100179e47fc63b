import type { QuoteVersionInput } from '@sales/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { customers } from '../customers/index.ts';
import { findQuoteInScope } from './quotes.access.ts';
import { quoteLinesOf } from './quotes.lines.ts';
import { quotes } from './quotes.schema.ts';
import { approvalNeedsOf, assertVersion, QUOTE_DOC, setQuoteStatus } from './quotes.service.ts';
import { assertQuoteAction } from './quotes.state.ts';

async function needsOf(tx: Tx, quoteId: number) {
  const lines = await quoteLinesOf(tx, quoteId);
  return approvalNeedsOf(
    tx,
    lines.map((l) => ({ unitPrice: l.unitPrice, discountPercent: l.discountPercent, floorPrice: l.floorPrice })),
  );
}

/**
 * Submits a draft quote: through the approval engine (doc type 'quote') when a line is below the
 * floor price, a discount is over the rep's limit, or policy quotes.approvalMode is 'all' (seed
 * 004: every quote is approved internally); otherwise (mode 'exceptions') straight to approved.
 */
export async function submitQuote(ctx: Ctx, id: number, input: QuoteVersionInput) {
  return ctx.db.transaction(async (tx) => {
    const cur = await findQuoteInScope(ctx, id, 'quote.edit', tx, true);
    assertVersion(cur, input.version);
    const next = assertQuoteAction(ctx, cur.status, 'submit');
    const needs = await needsOf(tx, id);
    if (!needs.needsApproval) {
      const approved = assertQuoteAction(ctx, cur.status, 'auto_approve');
      const version = await setQuoteStatus(tx, ctx, cur, approved, 'auto_approve', { approvalReasons: [] });
      return { id, status: approved, version, instanceId: null };
    }
    await setQuoteStatus(tx, ctx, cur, next, 'submit', { approvalReasons: needs.reasons });
    const approval = await submitForApproval(tx, ctx, QUOTE_DOC, id);
    const [after] = await tx
      .select({ status: quotes.status, version: quotes.version })
      .from(quotes)
      .where(eq(quotes.id, id));
    return { id, status: after.status, version: after.version, instanceId: approval.instanceId };
  });
}

async function lockQuote(tx: Tx, id: number) {
  const [q] = await tx.select().from(quotes).where(eq(quotes.id, id)).for('update');
  if (!q) throw new NotFoundError();
  return q;
}

registerApprovalDocType({
  type: QUOTE_DOC,
  fields: [
    { key: 'belowFloor', type: 'boolean' },
    { key: 'discountOverLimit', type: 'boolean' },
    { key: 'maxDiscountPercent', type: 'percent' },
    { key: 'totalGross', type: 'money' },
  ],
  async describe(tx, _ctx, id) {
    const q = await lockQuote(tx, id);
    const needs = await needsOf(tx, id);
    const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, q.customerId));
    return {
      facts: {
        belowFloor: needs.belowFloor,
        discountOverLimit: needs.discountOverLimit,
        maxDiscountPercent: needs.maxDiscountPercent,
        totalGross: q.totalGross,
        reasons: needs.reasons,
        customerName: c?.name ?? '',
      },
      summaryKey: 'approval.summary.quote',
      summaryParams: { no: q.no, revision: q.revision, customer: c?.name ?? '', total: q.totalGross },
      link: `/quotes/${q.id}`,
    };
  },
  async assertVisible(ctx, id) {
    await findQuoteInScope(ctx, id);
  },
  async onApproved(tx, ctx, id) {
    const q = await lockQuote(tx, id);
    await setQuoteStatus(tx, ctx, q, assertQuoteAction(ctx, q.status, 'approve'), 'approve');
  },
  // Rejected, returned or withdrawn: back to draft, editable again.
  async onClosed(tx, ctx, id, outcome) {
    const q = await lockQuote(tx, id);
    await setQuoteStatus(
      tx,
      ctx,
      q,
      assertQuoteAction(ctx, q.status, 'return_to_draft'),
      'return_to_draft',
      {},
      outcome,
    );
  },
  defaultRules: [
    {
      name: '低于底价报价',
      priority: 10,
      conditions: [{ field: 'belowFloor', op: 'true' }],
      steps: [
        { name: '部门负责人审批', kind: 'dept_head', mode: 'any' },
        { name: '销售总监审批', kind: 'role', role: 'sales_director', mode: 'any' },
      ],
    },
    {
      name: '折扣超出权限',
      priority: 20,
      conditions: [{ field: 'discountOverLimit', op: 'true' }],
      steps: [{ name: '部门负责人审批', kind: 'dept_head', mode: 'any' }],
    },
    {
      name: '报价审批',
      priority: 100,
      conditions: [],
      steps: [{ name: '部门负责人审批', kind: 'dept_head', mode: 'any' }],
    },
  ],
});
