import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { AttachmentInput } from './files.ts';
import { BigId, IntId, QueryBigId, VersionNo } from './ids.ts';
import { QtyString } from './lines.ts';

export * from './deliveries.states.ts';

import { DELIVERY_STATUSES, INSPECTION_STATUSES, type InspectionStatus } from './deliveries.states.ts';

/** Emergency release (紧急放行) of one line through the approval engine. */
export const EMERGENCY_RELEASE_STATES = ['none', 'pending', 'approved', 'rejected'] as const;
export type EmergencyReleaseState = (typeof EMERGENCY_RELEASE_STATES)[number];

/** Inspection statuses an emergency release may cover: goods not yet inspected (来不及检验). */
export const RELEASABLE_STATUSES: readonly InspectionStatus[] = ['pending', 'on_hold'];

/** Why a line may not ship, or null when it may: only 合格 ships, or an approved emergency release. */
export function lineShipBlock(l: {
  inspectionStatus: InspectionStatus;
  emergencyRelease: EmergencyReleaseState;
}): InspectionStatus | null {
  if (l.inspectionStatus === 'passed') return null;
  if (l.emergencyRelease === 'approved' && RELEASABLE_STATUSES.includes(l.inspectionStatus)) return null;
  return l.inspectionStatus;
}

/** Order statuses from which goods may be delivered. */
export const DELIVERABLE_ORDER_STATUSES = ['approved', 'in_preparation', 'partially_delivered'] as const;

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const optDate = z
  .string()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), dateKey);
const Version = VersionNo;

export const DeliveryLineInput = z.object({
  orderLineId: BigId,
  qty: QtyString,
  batchId: BigId.nullish().transform((v) => v ?? null),
});
export type DeliveryLineInput = z.output<typeof DeliveryLineInput>;

/** Shipping fields; consignee, phone and address default from the order. */
const shipping = {
  warehouseId: IntId.nullish().transform((v) => v ?? null),
  carrier: optText(100),
  trackingNo: optText(100),
  consignee: optText(100),
  consigneePhone: optText(40),
  address: optText(300),
  boxCount: z
    .number()
    .int()
    .min(0)
    .max(100000)
    .nullish()
    .transform((v) => v ?? null),
  plannedDate: optDate,
  remark: optText(1000),
};

export const DeliveryInput = z.object({
  orderId: BigId,
  lines: z.array(DeliveryLineInput).min(1).max(200),
  ...shipping,
});
export type DeliveryInput = z.output<typeof DeliveryInput>;

export const DeliveryUpdateInput = z.object({
  lines: z.array(DeliveryLineInput).min(1).max(200),
  ...shipping,
  version: Version,
});
export type DeliveryUpdateInput = z.output<typeof DeliveryUpdateInput>;

export const DeliveryCancelInput = z.object({ version: Version, reason: z.string().trim().min(1).max(500) });
export type DeliveryCancelInput = z.output<typeof DeliveryCancelInput>;

export const InspectLineInput = z.object({
  lineId: BigId,
  status: z.enum(INSPECTION_STATUSES),
  note: optText(500),
  version: Version,
});
export type InspectLineInput = z.output<typeof InspectLineInput>;

export const ChecklistTickInput = z.object({
  key: z.string().min(1).max(80),
  ok: z.boolean(),
  note: optText(300),
  version: Version,
});
export type ChecklistTickInput = z.output<typeof ChecklistTickInput>;

export const EmergencyReleaseInput = z.object({
  lineId: BigId,
  reason: z.string().trim().min(1).max(500),
  version: Version,
});
export type EmergencyReleaseInput = z.output<typeof EmergencyReleaseInput>;

export const ShipInput = z.object({ version: Version });
export type ShipInput = z.output<typeof ShipInput>;

/** Quantity the customer received: zero or more, at most 4 places. */
const ReceivedQty = z
  .string()
  .trim()
  .refine((v) => /^\d{1,14}(\.\d{1,4})?$/.test(v), { message: 'validation.qty', params: { key: 'validation.qty' } });

export const SignInput = z.object({
  version: Version,
  signerName: z.string().trim().min(1).max(50),
  signedDate: z.string().refine(isIsoDate, dateKey),
  file: AttachmentInput,
  lines: z
    .array(z.object({ lineId: BigId, receivedQty: ReceivedQty }))
    .min(1)
    .max(200),
  /** Required when any received qty differs from the shipped qty. */
  discrepancy: optText(1000),
});
export type SignInput = z.output<typeof SignInput>;

export const DeliveryFilter = z.object({
  keyword: z.string().trim().max(50).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  orderId: QueryBigId.optional(),
  customerId: QueryBigId.optional(),
  emergencyOpen: z.enum(['true', 'false']).optional(),
});
export type DeliveryFilter = z.output<typeof DeliveryFilter>;

export const DeliveryListQuery = DeliveryFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type DeliveryListQuery = z.output<typeof DeliveryListQuery>;

export const TraceSearchQuery = z.object({ batchNo: z.string().trim().min(1).max(60) });
export type TraceSearchQuery = z.output<typeof TraceSearchQuery>;

export const TraceCustomerQuery = z.object({ keyword: z.string().trim().min(1).max(50) });
export type TraceCustomerQuery = z.output<typeof TraceCustomerQuery>;
