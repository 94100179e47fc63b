import { money } from '@sales/core';
import { defineWebhookEvent } from '../../platform/webhooks/index.ts';
import type { deliveries, deliveryLines } from './deliveries.schema.ts';

/** `delivery.delivered` (SPEC 1.11): the customer signed the delivery note (签收). */
export type DeliveryDeliveredData = {
  deliveryId: number;
  deliveryNo: string;
  orderId: number;
  customerId: number;
  status: string;
  signedDate: string;
  hasDiscrepancy: boolean;
  lines: { lineNo: number; orderLineId: number; productId: number; qty: string; receivedQty: string }[];
};

export const deliveryDelivered = defineWebhookEvent<DeliveryDeliveredData>('delivery.delivered');

/**
 * The event data of a signed note: ids, quantities as strings, status. The signer's name and the
 * consignee's phone and address stay out (personal data the receiver does not need).
 */
export function deliveryDeliveredData(
  d: typeof deliveries.$inferSelect,
  status: string,
  signedDate: string,
  lines: (typeof deliveryLines.$inferSelect & { lineNo: number })[],
  received: Map<number, string>,
): DeliveryDeliveredData {
  const out = lines.map((l) => ({
    lineNo: l.lineNo,
    orderLineId: l.orderLineId,
    productId: l.productId,
    qty: money(l.qty).toString(),
    receivedQty: money(received.get(l.id) ?? l.qty).toString(),
  }));
  return {
    deliveryId: d.id,
    deliveryNo: d.no,
    orderId: d.orderId,
    customerId: d.customerId,
    status,
    signedDate,
    hasDiscrepancy: out.some((l) => l.qty !== l.receivedQty),
    lines: out,
  };
}
