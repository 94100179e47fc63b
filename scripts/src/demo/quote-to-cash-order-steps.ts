/**
 * The steps of a demo sales order (SPEC 3.4) as the people do them: the rep (or the order desk)
 * places it, submits it, and a reviewer who did not enter it checks the Chinese labelling of
 * labelled goods and runs 订单评审 (credit, stock, completeness); a credit excess starts the
 * credit-override approval.
 */
import { OrderInput, type PricedLineInput } from '@sales/core';
import { orderLinesOf } from '../../../apps/server/src/modules/orders/index.ts';
import { createOrder } from '../../../apps/server/src/modules/orders/orders.create.ts';
import { startCreditOverride } from '../../../apps/server/src/modules/orders/orders.credit.ts';
import { checkOrderLabel } from '../../../apps/server/src/modules/orders/orders.labels.ts';
import { reviewOrder } from '../../../apps/server/src/modules/orders/orders.review.ts';
import { submitOrder } from '../../../apps/server/src/modules/orders/orders.service.ts';
import type { Ctx } from '../../../apps/server/src/platform/context.ts';
import { type Q2C, roomy } from './quote-to-cash.ts';
import { PRODUCTS } from './quote-to-cash-products.ts';
import type { DemoCustomer } from './world.ts';

export type Line = [code: string, qty: string];

const CONSIGNEES = ['设备部 李明', '采购部 王芳', '生产部 张丽', '仓储部 赵强'];

function priced(q: Q2C, items: Line[], cls: string | null): PricedLineInput[] {
  return items.map(([code, qty]) => {
    const p = PRODUCTS.find((x) => x.code === code);
    if (!p) throw new Error(`demo product ${code} missing`);
    // Class-A customers get the agreed discount of 3 % (within the rep's limit, above the floor).
    return {
      productId: q.products.get(code) as number,
      qty,
      unitPrice: p.std,
      discountPercent: cls === 'A' ? '3' : '0',
    };
  });
}

/** Σ gross of lines at standard price, for picking a customer whose credit allows it. */
const grossOf = (items: Line[]) =>
  items.reduce((s, [code, qty]) => {
    const p = PRODUCTS.find((x) => x.code === code);
    return s + Number(p?.std ?? 0) * Number(qty) * (1 + Number(p?.tax ?? '13') / 100);
  }, 0);

export interface Spec {
  by: string;
  owner?: string;
  daysAgo: number;
  items: Line[];
  requestedIn: number;
  promisedIn?: number;
  channel?: 'rep' | 'order_desk' | 'phone' | 'counter';
  customer?: DemoCustomer;
  remark?: string;
  /** The signed contract the order fulfils (its prices were approved there). */
  contractId?: number;
  /** Lines as given (a contract's), instead of `items` at standard price. */
  lines?: PricedLineInput[];
}

export async function placeDemoOrder(q: Q2C, s: Spec) {
  const c = s.customer ?? q.customer(s.owner ?? s.by, roomy(grossOf(s.items) * 1.2));
  const ctx = await q.as(s.by, s.daysAgo);
  const consignee = CONSIGNEES[c.id % CONSIGNEES.length];
  const { id } = await ctx.db.transaction((tx) =>
    createOrder(tx, ctx, {
      ...OrderInput.parse({
        customerId: c.id,
        channel: s.channel ?? 'rep',
        requestedDate: q.day(-s.daysAgo + s.requestedIn),
        promisedDate: s.promisedIn === undefined ? null : q.day(-s.daysAgo + s.promisedIn),
        consignee,
        shippingAddress: c.plan?.address ?? `苏州市吴中区东吴北路${100 + (c.id % 300)}号 ${c.name}`,
        consigneePhone: `0512-6${String(c.id).padStart(3, '0')}88${String(c.id % 100).padStart(2, '0')}`,
        remark: s.remark ?? null,
        lines: s.lines ?? priced(q, s.items, c.class),
      }),
      ...(s.contractId ? { contractId: s.contractId } : {}),
    }),
  );
  return { id, customer: c, ctx };
}

export async function submit(q: Q2C, who: string, id: number, daysAgo: number) {
  await submitOrder(await q.as(who, daysAgo), id, await q.version('orders', id));
}

export async function review(
  q: Q2C,
  reviewer: string,
  id: number,
  daysAgo: number,
  comment = '信用、库存、资料齐全性核对无误。',
  allowProduction = false,
) {
  const ctx: Ctx = await q.as(reviewer, daysAgo);
  // 中文标识核对 first: the reviewer checks the labelled goods line by line (seed 000 4.4.3 c).
  for (const l of await orderLinesOf(q.world.tx, id)) {
    if (!l.requiresChineseLabel || l.labelCheckedAt) continue;
    await checkOrderLabel(ctx, id, { version: await q.version('orders', id), lineId: l.id, checked: true });
  }
  return reviewOrder(ctx, id, { version: await q.version('orders', id), comment, allowProduction }, (tx, o) =>
    startCreditOverride(tx, ctx, o),
  );
}

/** Places, submits and passes review (the 销售内业 reviews 销售一部's orders). */
export async function approved(q: Q2C, s: Spec, reviewer = 'assistant') {
  const o = await placeDemoOrder(q, s);
  await submit(q, s.by, o.id, s.daysAgo);
  const r = await review(q, reviewer, o.id, s.daysAgo);
  if (r.status !== 'approved') throw new Error(`demo order review blocked: ${r.blockers.join(',')}`);
  return o;
}
