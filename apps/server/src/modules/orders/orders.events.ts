import { toMoneyString } from '@sales/core';
import { defineWebhookEvent } from '../../platform/webhooks/index.ts';
import type { orders } from './orders.schema.ts';

/** `order.approved` (SPEC 1.11): the order passed its review (订单评审) and its stock is reserved. */
export type OrderApprovedData = {
  orderId: number;
  orderNo: string;
  customerId: number;
  contractId: number | null;
  status: string;
  currency: 'CNY';
  totalNet: string;
  totalTax: string;
  totalGross: string;
  requestedDate: string;
  promisedDate: string | null;
  approvedAt: string | null;
};

export const orderApproved = defineWebhookEvent<OrderApprovedData>('order.approved');

/** The event data of an approved order: ids, number, amounts as strings, status — no consignee or address. */
export function orderApprovedData(o: typeof orders.$inferSelect): OrderApprovedData {
  return {
    orderId: o.id,
    orderNo: o.no,
    customerId: o.customerId,
    contractId: o.contractId,
    status: o.status,
    currency: 'CNY',
    totalNet: toMoneyString(o.totalNet),
    totalTax: toMoneyString(o.totalTax),
    totalGross: toMoneyString(o.totalGross),
    requestedDate: o.requestedDate,
    promisedDate: o.promisedDate,
    approvedAt: o.approvedAt?.toISOString() ?? null,
  };
}
