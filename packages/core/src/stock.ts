import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { BigId, IntId, QueryBigId, QueryIntId, queryIdListOf, VersionNo } from './ids.ts';
import { QtyString } from './lines.ts';

/** Stock (SPEC 3.5): warehouses, inbound, adjustments, movements. */
export const STOCK_MOVEMENT_KINDS = ['inbound', 'outbound', 'return', 'adjust', 'opening'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const optDate = z
  .string()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), dateKey);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const WarehouseInput = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(50),
  address: optText(200),
});
export type WarehouseInput = z.output<typeof WarehouseInput>;
export const WarehouseUpdateInput = WarehouseInput.extend({ active: z.boolean(), version: VersionNo });
export type WarehouseUpdateInput = z.output<typeof WarehouseUpdateInput>;

export const InboundInput = z.object({
  warehouseId: IntId,
  productId: BigId,
  qty: QtyString,
  batchNo: optText(50),
  /** Serial-tracked products: one serial per unit, qty = count. */
  serialNos: z.array(z.string().trim().min(1).max(60)).max(1000).optional(),
  mfgDate: optDate,
  expiryDate: optDate,
  note: optText(500),
});
export type InboundInput = z.output<typeof InboundInput>;

/** A signed decimal string, at most 4 places (adjustments). */
export const SignedQtyString = z
  .string()
  .trim()
  .refine((v) => /^-?\d{1,14}(\.\d{1,4})?$/.test(v), { message: 'validation.qty', params: { key: 'validation.qty' } });

export const AdjustInput = z.object({
  warehouseId: IntId,
  productId: BigId,
  batchId: BigId.nullish().transform((v) => v ?? null),
  qty: SignedQtyString,
  reason: z.string().trim().min(1).max(500),
});
export type AdjustInput = z.output<typeof AdjustInput>;

export const StockListQuery = z.object({
  keyword: z.string().trim().max(50).optional(),
  warehouseId: QueryIntId.optional(),
  productId: QueryBigId.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type StockListQuery = z.output<typeof StockListQuery>;
export const AvailabilityQuery = z.object({
  productIds: queryIdListOf('bigint', 200),
  warehouseId: QueryIntId.optional(),
});
export const BatchQuery = z.object({ productId: QueryBigId.optional(), batchNo: z.string().trim().max(50).optional() });
export const MovementQuery = z.object({
  productId: QueryBigId.optional(),
  warehouseId: QueryIntId.optional(),
  batchId: QueryBigId.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MovementQuery = z.output<typeof MovementQuery>;
