/**
 * Delivery of an approved order (SPEC 3.5) as it happens in the warehouse: the keeper drafts the
 * 送货单 (batches first-expiry-first-out), QA inspects every line and ticks the category checklist,
 * the keeper ships and later records the customer's sign-off with the signed copy. A line may go
 * out under an emergency release (紧急放行, QA + GM approval) before it is inspected, or fail
 * inspection and pass after rework.
 */
import { DeliveryInput } from '@sales/core';
import { asc, eq, sql } from 'drizzle-orm';
import { requestEmergencyRelease } from '../../../apps/server/src/modules/deliveries/deliveries.emergency.ts';
import { inspectLine, tickChecklist } from '../../../apps/server/src/modules/deliveries/deliveries.inspect.ts';
import { createDelivery } from '../../../apps/server/src/modules/deliveries/deliveries.service.ts';
import { shipDelivery, signDelivery } from '../../../apps/server/src/modules/deliveries/deliveries.ship.ts';
import { deliveries, deliveryLines } from '../../../apps/server/src/modules/deliveries/index.ts';
import { orderLinesOf } from '../../../apps/server/src/modules/orders/index.ts';
import { products } from '../../../apps/server/src/modules/products/products.schema.ts';
import type { Q2C } from './quote-to-cash.ts';

export interface DeliveryPlan {
  /** [order line number, qty] */
  lines: [number, string][];
  daysAgo: number;
  /** Stop after drafting (QA has not inspected yet). */
  draftOnly?: boolean;
  /** Line number (of this note) shipped under an emergency release, not inspected. */
  emergencyLine?: number;
  /** Days ago the customer signed; undefined: not signed yet. */
  signedDaysAgo?: number;
  signer?: string;
  /** Note line number that first failed inspection and passed after rework (返工). */
  reworkLine?: number;
  /** [note line number, received qty, discrepancy text] */
  shortReceived?: [number, string, string];
}

const CARRIERS = ['顺丰速运', '德邦物流', '自有车辆配送'];

/** Batches of a product in a warehouse with enough on hand, first expiry first (FEFO). */
async function pickBatch(q: Q2C, productId: number, warehouseId: number, qty: string): Promise<number | null> {
  const res = await q.world.tx.execute<{ id: number }>(sql`
    select b.id from stock_batches b join stock_lots l on l.batch_id = b.id
    where b.product_id = ${productId} and l.warehouse_id = ${warehouseId} and l.on_hand >= ${qty}::numeric
    order by b.expiry_date nulls last, b.id limit 1`);
  return res.rows[0] ? Number(res.rows[0].id) : null;
}

export async function deliver(q: Q2C, orderId: number, plan: DeliveryPlan): Promise<number> {
  const { tx } = q.world;
  const orderLines = await orderLinesOf(tx, orderId);
  const tracking = new Map(
    (await tx.select({ id: products.id, tracking: products.tracking }).from(products)).map((p) => [p.id, p.tracking]),
  );
  const lines = [];
  for (const [lineNo, qty] of plan.lines) {
    const ol = orderLines.find((l) => l.lineNo === lineNo);
    if (!ol?.productId) throw new Error(`demo delivery: order line ${lineNo} missing`);
    const tracked = tracking.get(ol.productId) !== 'none';
    lines.push({
      orderLineId: ol.id,
      qty,
      batchId: tracked ? await pickBatch(q, ol.productId, q.warehouses.main, qty) : null,
    });
  }
  const keeper = await q.as('warehouse', plan.daysAgo);
  const d = await createDelivery(
    keeper,
    DeliveryInput.parse({
      orderId,
      lines,
      carrier: CARRIERS[orderId % CARRIERS.length],
      trackingNo: `SF${String(1_000_000_000 + orderId * 7919).slice(0, 10)}`,
      boxCount: lines.length + 1,
      plannedDate: q.day(-plan.daysAgo + 1),
    }),
  );
  const id = d.id;
  if (plan.draftOnly) return id;
  const noteLines = await tx
    .select({ id: deliveryLines.id })
    .from(deliveryLines)
    .where(eq(deliveryLines.deliveryId, id))
    .orderBy(asc(deliveryLines.id));
  const v = () => q.version('deliveries', id);

  if (plan.emergencyLine) {
    const line = noteLines[plan.emergencyLine - 1];
    const out = await requestEmergencyRelease(await q.as('rep1', plan.daysAgo), id, {
      lineId: line.id,
      reason: '客户产线停线改造次日复产，设备来不及完成出厂检验，申请紧急放行，到货后补检。',
      version: await v(),
    });
    await q.decide(
      'qa',
      out.approval.instanceId,
      '同批次前序抽检合格，同意紧急放行，须在到货后3日内补检。',
      plan.daysAgo,
    );
    await q.decide('gm', out.approval.instanceId, '同意。', plan.daysAgo);
  }
  const qa = await q.as('qa', plan.daysAgo);
  for (const [i, line] of noteLines.entries()) {
    if (plan.emergencyLine === i + 1) continue;
    if (plan.reworkLine === i + 1) {
      await inspectLine(qa, id, {
        lineId: line.id,
        status: 'failed',
        note: '外包装受潮变形，不合格',
        version: await v(),
      });
      await inspectLine(qa, id, { lineId: line.id, status: 'pending', note: '已重新包装，送复检', version: await v() });
    }
    await inspectLine(qa, id, { lineId: line.id, status: 'passed', note: '出厂检验合格', version: await v() });
  }
  const [row] = await tx.select({ checklist: deliveries.checklist }).from(deliveries).where(eq(deliveries.id, id));
  for (const item of row.checklist) {
    await tickChecklist(qa, id, { key: item.key, ok: true, note: null, version: await v() });
  }
  await shipDelivery(keeper, id, { version: await v() });
  if (plan.signedDaysAgo === undefined) return id;

  const signedDate = q.day(-plan.signedDaysAgo);
  const [note] = await tx.select({ no: deliveries.no }).from(deliveries).where(eq(deliveries.id, id));
  const all = await tx
    .select({ id: deliveryLines.id, qty: deliveryLines.qty })
    .from(deliveryLines)
    .where(eq(deliveryLines.deliveryId, id))
    .orderBy(asc(deliveryLines.id));
  const short = plan.shortReceived;
  await signDelivery(await q.as('warehouse', plan.signedDaysAgo), id, {
    version: await v(),
    signerName: plan.signer ?? '设备部 李明',
    signedDate,
    file: await q.scan(
      '送货单签收联（扫描件）',
      note.no,
      [
        ['签收人', plan.signer ?? '设备部 李明'],
        ['签收日期', signedDate],
      ],
      `${note.no}-签收单.pdf`,
    ),
    lines: all.map((l, i) => ({ lineId: l.id, receivedQty: short && short[0] === i + 1 ? short[1] : l.qty })),
    discrepancy: short ? short[2] : null,
  });
  return id;
}
