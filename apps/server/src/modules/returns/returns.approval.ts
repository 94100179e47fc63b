import { isInternalError, type ReturnReason } from '@sales/core';
import { eq } from 'drizzle-orm';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { customers } from '../customers/index.ts';
import { findReturnInScope } from './returns.access.ts';
import { completeReturn } from './returns.complete.ts';
import { RETURN_DOC } from './returns.doc.ts';
import { salesReturns } from './returns.schema.ts';

/**
 * Sales returns in the approval engine. The default chain is the one 医药公司销后退回管理规定 第三条
 * prints on the form: 销售退回通知单 (开票组必须提取原销售单据) → 采购部审核 → 质管部审核 → 运营部审核 →
 * 验收员对销售退回品种确认记账并将实物交与库管; the last approval books the goods (returns.complete.ts).
 */
registerApprovalDocType({
  type: RETURN_DOC,
  fields: [
    { key: 'totalAmount', type: 'money' },
    { key: 'totalQty', type: 'number' },
    {
      // Named apart from a quote's `reason` facts, whose dictionary differs (ApprovalFacts).
      key: 'returnReason',
      type: 'enum',
      options: ['quality', 'policy', 'breakage', 'wrong_sale', 'wrong_purchase', 'customer_error'],
    },
    { key: 'internalError', type: 'boolean' },
  ],
  async describe(tx, _ctx, id) {
    const [r] = await tx.select().from(salesReturns).where(eq(salesReturns.id, id));
    if (!r) throw new NotFoundError();
    const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, r.customerId));
    return {
      facts: {
        totalAmount: r.totalAmount,
        totalQty: r.totalQty,
        returnReason: r.reason,
        internalError: isInternalError(r.reason as ReturnReason),
        customerName: c.name,
      },
      summaryKey: 'approval.summary.sales_return',
      summaryParams: { no: r.no, customer: c.name, amount: r.totalAmount },
      link: `/returns/${r.id}`,
    };
  },
  async assertVisible(ctx, id) {
    await findReturnInScope(ctx, id);
  },
  onApproved: completeReturn,
  // Rejected or withdrawn: the return ends (its quantities are free again); returned: it may be resubmitted.
  async onClosed(tx, ctx, id, outcome) {
    const [r] = await tx.select().from(salesReturns).where(eq(salesReturns.id, id)).for('update');
    if (r?.status !== 'submitted') return;
    const status = outcome === 'returned' ? 'returned' : outcome;
    await tx
      .update(salesReturns)
      .set({ status, version: r.version + 1, updatedAt: ctx.now() })
      .where(eq(salesReturns.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'sales_return',
      entityId: id,
      action: outcome,
      changes: [{ field: 'status', old: r.status, new: status }],
    });
  },
  defaultRules: [
    {
      name: '销后退回',
      priority: 100,
      conditions: [],
      steps: [
        { name: '开票组提取原销售单据', kind: 'role', role: 'invoicing', mode: 'any' },
        { name: '采购部审核', kind: 'role', role: 'purchasing', mode: 'any' },
        { name: '质管部审核', kind: 'role', role: 'qa', mode: 'any' },
        { name: '运营部审核', kind: 'role', role: 'operations', mode: 'any' },
        { name: '验收员确认记账入库', kind: 'role', role: 'receiving_clerk', mode: 'any' },
      ],
    },
  ],
});
