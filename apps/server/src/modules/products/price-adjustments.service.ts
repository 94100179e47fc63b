import { money, type PriceAdjustmentInput, priceCutPercent, toMoneyString } from '@sales/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import './products.messages.ts';
import { priceAdjustments, products } from './products.schema.ts';
import { lockProduct } from './products.service.ts';

export const PRICE_ADJUSTMENT_DOC = 'price_adjustment';

/**
 * Requests a new standard / floor price for a product (调价申请). The request is numbered and
 * routed through the approval engine; the product's prices change only when it is approved
 * (SPEC 2.8 价格稳定: a cut needs the branch GM and the GM, a major cut also the board).
 */
export async function requestPriceAdjustment(ctx: Ctx, productId: number, input: PriceAdjustmentInput) {
  return ctx.db.transaction(async (tx) => {
    const p = await lockProduct(tx, productId);
    // One open request per product: a second one would race the first for the same prices.
    const open = await tx
      .select({ id: priceAdjustments.id })
      .from(priceAdjustments)
      .where(and(eq(priceAdjustments.productId, productId), eq(priceAdjustments.status, 'pending')));
    if (open.length) throw new ConflictError('priceAdjustment.pending_exists');
    const newStandardPrice = toMoneyString(input.newStandardPrice);
    const newFloorPrice = toMoneyString(input.newFloorPrice);
    if (money(newStandardPrice).eq(p.standardPrice) && money(newFloorPrice).eq(p.floorPrice))
      throw ValidationError.field('newStandardPrice', 'priceAdjustment.no_change');
    const no = await nextDocNumber(tx, 'priceAdjustment', ctx.now());
    const values = {
      no,
      productId,
      oldStandardPrice: p.standardPrice,
      newStandardPrice,
      oldFloorPrice: p.floorPrice,
      newFloorPrice,
      cutPercent: priceCutPercent(p.standardPrice, newStandardPrice, p.floorPrice, newFloorPrice),
      reason: input.reason,
      effectiveDate: input.effectiveDate,
      requestedBy: ctx.principal.userId,
      requestedDeptId: ctx.principal.deptId,
    };
    const [row] = await tx.insert(priceAdjustments).values(values).returning({ id: priceAdjustments.id });
    await recordAudit(tx, ctx, {
      entityType: 'price_adjustment',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'standardPrice', old: p.standardPrice, new: newStandardPrice },
        { field: 'floorPrice', old: p.floorPrice, new: newFloorPrice },
        { field: 'cutPercent', old: null, new: values.cutPercent },
      ],
      comment: input.reason,
    });
    const approval = await submitForApproval(tx, ctx, PRICE_ADJUSTMENT_DOC, row.id);
    return { id: row.id, no, cutPercent: values.cutPercent, instanceId: approval.instanceId, status: approval.status };
  });
}

/** A product's price adjustments with their approval instance, newest first. */
export async function listPriceAdjustments(ctx: Ctx, productId: number) {
  const [p] = await ctx.db.select({ id: products.id }).from(products).where(eq(products.id, productId));
  if (!p) throw new NotFoundError();
  const rows = await ctx.db
    .select({
      r: priceAdjustments,
      requestedByName: users.name,
      instanceId: sql<number | null>`(select max(${approvalInstances.id}) from ${approvalInstances}
        where ${approvalInstances.docType} = ${PRICE_ADJUSTMENT_DOC} and ${approvalInstances.docId} = ${priceAdjustments.id})`,
    })
    .from(priceAdjustments)
    .innerJoin(users, eq(users.id, priceAdjustments.requestedBy))
    .where(eq(priceAdjustments.productId, productId))
    .orderBy(desc(priceAdjustments.id));
  return rows.map(({ r, requestedByName, instanceId }) => ({
    ...r,
    requestedByName,
    instanceId: instanceId === null ? null : Number(instanceId),
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}

async function loadAdjustment(db: DbOrTx, id: number) {
  const [r] = await db.select().from(priceAdjustments).where(eq(priceAdjustments.id, id));
  if (!r) throw new NotFoundError();
  return r;
}

registerApprovalDocType({
  type: PRICE_ADJUSTMENT_DOC,
  fields: [
    { key: 'cutPercent', type: 'percent' },
    { key: 'isCut', type: 'boolean' },
    { key: 'majorCut', type: 'boolean' },
    { key: 'newStandardPrice', type: 'money' },
    { key: 'oldStandardPrice', type: 'money' },
  ],
  async describe(tx, _ctx, id) {
    const r = await loadAdjustment(tx, id);
    const [p] = await tx
      .select({ code: products.code, name: products.name })
      .from(products)
      .where(eq(products.id, r.productId));
    // Rules are static JSON but the threshold is a policy: the comparison is made here, as a fact.
    const threshold = await getPolicy(tx, 'prices.majorCutPercent');
    return {
      facts: {
        cutPercent: r.cutPercent,
        isCut: money(r.cutPercent).gt(0),
        majorCut: money(r.cutPercent).gt(threshold),
        majorCutPercent: threshold,
        productCode: p.code,
        productName: p.name,
        oldStandardPrice: r.oldStandardPrice,
        newStandardPrice: r.newStandardPrice,
        oldFloorPrice: r.oldFloorPrice,
        newFloorPrice: r.newFloorPrice,
      },
      summaryKey: 'approval.summary.price_adjustment',
      summaryParams: {
        no: r.no,
        code: p.code,
        product: p.name,
        oldPrice: r.oldStandardPrice,
        newPrice: r.newStandardPrice,
        cut: r.cutPercent,
      },
      link: `/products/${r.productId}`,
    };
  },
  async assertVisible(ctx, id) {
    // Products are company master data (no data scope): whoever may view products sees them.
    await loadAdjustment(ctx.db, id);
  },
  async onApproved(tx, ctx, id) {
    const r = await loadAdjustment(tx, id);
    const p = await lockProduct(tx, r.productId);
    await tx
      .update(products)
      .set({
        standardPrice: r.newStandardPrice,
        floorPrice: r.newFloorPrice,
        version: p.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(products.id, p.id));
    await tx
      .update(priceAdjustments)
      .set({ status: 'approved', decidedAt: sql`now()` })
      .where(eq(priceAdjustments.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'product',
      entityId: p.id,
      action: 'price_change',
      changes: [
        { field: 'standardPrice', old: p.standardPrice, new: r.newStandardPrice },
        { field: 'floorPrice', old: p.floorPrice, new: r.newFloorPrice },
      ],
      comment: `${r.no} ${r.reason}`,
    });
    await notify(tx, [r.requestedBy], {
      kind: 'price.adjustment',
      titleKey: 'notify.priceAdjustment.approved',
      params: { product: p.name, standardPrice: r.newStandardPrice, floorPrice: r.newFloorPrice },
      link: `/products/${p.id}`,
    });
  },
  async onClosed(tx, _ctx, id, outcome) {
    await tx
      .update(priceAdjustments)
      .set({ status: outcome, decidedAt: sql`now()` })
      .where(and(eq(priceAdjustments.id, id), eq(priceAdjustments.status, 'pending')));
  },
  defaultRules: [
    {
      name: '重大降价（超过政策阈值）',
      priority: 10,
      conditions: [{ field: 'majorCut', op: 'true' }],
      steps: [
        { name: '分公司总经理审批', kind: 'dept_head', mode: 'any' },
        { name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' },
        // 重大调整，应报至董事会各董事通过后方可决定 (implementation rules): every director, 会签.
        { name: '董事会审批', kind: 'role', role: 'board', mode: 'all' },
      ],
    },
    {
      name: '降价',
      priority: 20,
      conditions: [{ field: 'isCut', op: 'true' }],
      steps: [
        { name: '分公司总经理审批', kind: 'dept_head', mode: 'any' },
        { name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' },
      ],
    },
    {
      name: '提价',
      priority: 100,
      conditions: [],
      steps: [{ name: '总经理审批', kind: 'role', role: 'general_manager', mode: 'any' }],
    },
  ],
});
