import { money } from '@sales/core';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { registerMessages } from '../../platform/i18n/messages.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { companyDate } from '../../platform/time.ts';
import { productsForPricing } from '../products/index.ts';
import { availableQty, findBatches, lotOnHand } from '../stock/index.ts';
import { findDeliveryInScope } from './deliveries.access.ts';
import { buildChecklist, type PlannedLine } from './deliveries.lines.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';

registerMessages({
  'zh-CN': {
    'delivery.replacement.not_signed': '送货单 {no} 尚未签收，不能补发',
    'delivery.replacement.no_lines': '请至少选择一行需要补发的货物',
    'delivery.replacement.line_unknown': '该行不属于原送货单',
    'delivery.replacement.over': '补发数量 {qty} 超过可补发数量 {open}（客户签收数量减去已补发数量）',
    'delivery.replacement.no_batch': '仓库中没有足够库存的批次可用于补发',
    'delivery.replacement.fixed': '补发送货单的明细来自原送货单，不能修改；如需调整请作废后重新补发',
  },
  'zh-TW': {
    'delivery.replacement.not_signed': '送貨單 {no} 尚未簽收，不能補發',
    'delivery.replacement.no_lines': '請至少選擇一行需要補發的貨物',
    'delivery.replacement.line_unknown': '該行不屬於原送貨單',
    'delivery.replacement.over': '補發數量 {qty} 超過可補發數量 {open}（客戶簽收數量減去已補發數量）',
    'delivery.replacement.no_batch': '倉庫中沒有足夠庫存的批次可用於補發',
    'delivery.replacement.fixed': '補發送貨單的明細來自原送貨單，不能修改；如需調整請作廢後重新補發',
  },
  'en-US': {
    'delivery.replacement.not_signed': 'Delivery note {no} is not signed yet: nothing to replace',
    'delivery.replacement.no_lines': 'Choose at least one line to replace',
    'delivery.replacement.line_unknown': 'This line is not on the original delivery note',
    'delivery.replacement.over':
      'Replacement qty {qty} exceeds what can be replaced ({open}: received minus already replaced)',
    'delivery.replacement.no_batch': 'No batch in the warehouse holds enough stock for the replacement',
    'delivery.replacement.fixed':
      'A replacement note takes its lines from the original: cancel it and replace again instead',
  },
});

export type ReplacementReason = 'complaint' | 'exchange';

export interface ReplacementInput {
  originalDeliveryId: number;
  lines: { deliveryLineId: number; qty: string; batchId?: number | null }[];
  reason: ReplacementReason;
  sourceType: string;
  sourceId: number;
}

/**
 * The rule for replacement notes (补发/换货, SPEC 4.2 处理决定 / 4.3 换货):
 * - made only from a signed note the user can see, for the same order, customer, owner and warehouse;
 * - each line replaces a line of the original, for at most what the customer received (签收数量)
 *   minus what other live replacement notes already re-ship for that line;
 * - the goods leave stock like any delivery (inspection, checklist, ship, sign), but the order's
 *   delivered quantity does NOT grow: the customer gets again what was already delivered and
 *   invoiced, so the order is not re-opened, not over-delivered and nothing new is invoiced, and
 *   no order reservation is consumed;
 * - a tracked product takes the given batch, else the earliest-expiring batch in the warehouse with
 *   enough on hand, preferring one other than the complained-of batch.
 * Runs inside the caller's transaction (the complaint's or return's use case, which checked access
 * to its own document); returns the new draft note's id and number.
 */
export async function createReplacementDelivery(tx: Tx, ctx: Ctx, input: ReplacementInput) {
  const orig = await findDeliveryInScope(ctx, input.originalDeliveryId, 'delivery.view', tx, true);
  if (orig.status !== 'signed') throw new ConflictError('delivery.replacement.not_signed', { no: orig.no });
  if (input.lines.length === 0) throw ValidationError.field('lines', 'delivery.replacement.no_lines');
  const origLines = new Map(
    (await tx.select().from(deliveryLines).where(eq(deliveryLines.deliveryId, orig.id))).map((l) => [l.id, l]),
  );
  // Already re-shipped per original line by replacement notes not cancelled.
  const again = await tx
    .select({ lineId: deliveryLines.replacesLineId, qty: sql<string>`sum(${deliveryLines.qty})::text` })
    .from(deliveryLines)
    .innerJoin(deliveries, eq(deliveries.id, deliveryLines.deliveryId))
    .where(and(inArray(deliveryLines.replacesLineId, [...origLines.keys()]), ne(deliveries.status, 'cancelled')))
    .groupBy(deliveryLines.replacesLineId);
  const done = new Map(again.map((r) => [Number(r.lineId), money(r.qty)]));
  const productIds = [...new Set([...origLines.values()].map((l) => l.productId))];
  const products = await productsForPricing(tx, productIds, null, companyDate(ctx.now()));
  const stock = await availableQty(tx, productIds, orig.warehouseId);
  const planned: (PlannedLine & { replacesLineId: number })[] = [];
  const want = new Map<number, ReturnType<typeof money>>();
  for (const [i, l] of input.lines.entries()) {
    const o = origLines.get(l.deliveryLineId);
    if (!o) throw ValidationError.field(`lines.${i}.deliveryLineId`, 'delivery.replacement.line_unknown');
    const q = money(l.qty);
    if (!q.gt(0)) throw ValidationError.field(`lines.${i}.qty`, 'validation.qty');
    const open = money(o.receivedQty ?? o.qty).minus(done.get(o.id) ?? 0);
    if (q.gt(open))
      throw ValidationError.field(`lines.${i}.qty`, 'delivery.replacement.over', {
        qty: q.toString(),
        open: open.toString(),
      });
    done.set(o.id, (done.get(o.id) ?? money(0)).plus(q));
    const total = (want.get(o.productId) ?? money(0)).plus(q);
    want.set(o.productId, total);
    if (total.gt(stock.get(o.productId)?.available ?? '0'))
      throw ValidationError.field(`lines.${i}.qty`, 'delivery.stock.insufficient', {
        product: products.get(o.productId)?.code ?? String(o.productId),
        onHand: money(stock.get(o.productId)?.available ?? '0').toString(),
        qty: total.toString(),
      });
    const p = products.get(o.productId);
    const tracked = p ? p.tracking !== 'none' : o.batchId !== null;
    const batchId = tracked ? await pickBatch(tx, orig.warehouseId, o.productId, o.batchId, q, l.batchId, i) : null;
    planned.push({
      orderLineId: o.orderLineId,
      productId: o.productId,
      batchId,
      qty: q.toFixed(4),
      categoryId: p?.categoryId ?? null,
      replacesLineId: o.id,
    });
  }
  const checklist = await buildChecklist(tx, planned);
  const no = await nextDocNumber(tx, 'delivery', ctx.now());
  const [row] = await tx
    .insert(deliveries)
    .values({
      no,
      orderId: orig.orderId,
      customerId: orig.customerId,
      ownerId: orig.ownerId,
      ownerDeptId: orig.ownerDeptId,
      warehouseId: orig.warehouseId,
      consignee: orig.consignee,
      consigneePhone: orig.consigneePhone,
      address: orig.address,
      boxCount: orig.boxCount,
      checklist,
      replacementOf: orig.id,
      replacementReason: input.reason,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      remark: `补发：${orig.no}`,
      createdBy: ctx.principal.userId,
    })
    .returning({ id: deliveries.id });
  await tx.insert(deliveryLines).values(planned.map(({ categoryId: _c, ...l }) => ({ ...l, deliveryId: row.id })));
  await recordAudit(tx, ctx, {
    entityType: 'delivery',
    entityId: row.id,
    action: 'create',
    changes: [
      { field: 'no', old: null, new: no },
      { field: 'replacementOf', old: null, new: orig.no },
      { field: 'replacementReason', old: null, new: input.reason },
      { field: 'source', old: null, new: `${input.sourceType}:${input.sourceId}` },
      ...planned.map((l, i) => ({
        field: `line:${i + 1}`,
        old: null,
        new: `${l.orderLineId}×${money(l.qty).toString()}${l.batchId ? ` #${l.batchId}` : ''}`,
      })),
    ],
  });
  return { id: row.id, no };
}

/** The batch a replacement line ships from (see the rule above); a field error when none holds enough. */
async function pickBatch(
  tx: Tx,
  warehouseId: number,
  productId: number,
  originalBatchId: number | null,
  qty: ReturnType<typeof money>,
  given: number | null | undefined,
  i: number,
): Promise<number> {
  const batches = await findBatches(tx, { productId });
  const lots = await lotOnHand(
    tx,
    warehouseId,
    batches.map((b) => b.id),
  );
  const enough = (id: number) => money(lots.get(id) ?? '0').gte(qty);
  if (given != null) {
    if (!batches.some((b) => b.id === given))
      throw ValidationError.field(`lines.${i}.batchId`, 'delivery.batch.wrong_product', { product: String(productId) });
    if (!enough(given)) throw ValidationError.field(`lines.${i}.batchId`, 'delivery.replacement.no_batch');
    return given;
  }
  const candidates = batches
    .filter((b) => enough(b.id))
    .sort(
      (a, b) =>
        Number(a.id === originalBatchId) - Number(b.id === originalBatchId) ||
        (a.expiryDate ?? '9999-12-31').localeCompare(b.expiryDate ?? '9999-12-31') ||
        a.id - b.id,
    );
  if (!candidates.length) throw ValidationError.field(`lines.${i}.batchId`, 'delivery.replacement.no_batch');
  return candidates[0].id;
}

/** The replacement notes made from a note (live ones first), for its detail page. */
export async function replacementsOf(db: Tx | Ctx['db'], deliveryId: number) {
  return db
    .select({ id: deliveries.id, no: deliveries.no, status: deliveries.status, reason: deliveries.replacementReason })
    .from(deliveries)
    .where(eq(deliveries.replacementOf, deliveryId))
    .orderBy(asc(deliveries.id));
}
