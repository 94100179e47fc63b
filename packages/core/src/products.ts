import { z } from 'zod';
import { isIsoDate, isMoneyString, MoneyString } from './customers.ts';
import { CUSTOMER_CLASSES } from './dictionaries.ts';
import { BigId, IntId, QueryIntId, VersionNo } from './ids.ts';
import { TAX_RATES } from './lines.ts';
import { money } from './money.ts';

/** Products and price policy (SPEC 2.8): request schemas shared by the server and the web. */
export const TRACKING_MODES = ['none', 'batch', 'serial'] as const;
export type TrackingMode = (typeof TRACKING_MODES)[number];
export const PRICE_LIST_KINDS = ['list', 'promotion'] as const;
export type PriceListKind = (typeof PRICE_LIST_KINDS)[number];
export const PRICE_ADJUSTMENT_STATUSES = ['pending', 'approved', 'rejected', 'returned', 'withdrawn'] as const;
export type PriceAdjustmentStatus = (typeof PRICE_ADJUSTMENT_STATUSES)[number];

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

function issue(ctx: z.RefinementCtx, path: (string | number)[], key: string) {
  ctx.addIssue({ code: 'custom', path, message: key, params: { key } });
}

const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((v) => /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/.test(v), {
    message: 'product.code.format',
    params: { key: 'product.code.format' },
  });

export const InspectionItemInput = z.object({
  key: z.string().trim().min(1).max(40),
  label: z.string().trim().min(1).max(100),
});

export const ProductCategoryInput = z
  .object({
    code: Code,
    name: z.string().trim().min(1).max(50),
    inspectionChecklist: z.array(InspectionItemInput).max(100).default([]),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.inspectionChecklist.forEach((item, i) => {
      if (seen.has(item.key)) issue(ctx, ['inspectionChecklist', i, 'key'], 'category.checklist.duplicate_key');
      seen.add(item.key);
    });
  });
export type ProductCategoryInput = z.output<typeof ProductCategoryInput>;

/** The editable fields every product has; prices are set at creation and changed by adjustments. */
const productFields = {
  code: Code,
  name: z.string().trim().min(1).max(100),
  spec: optText(100),
  unit: z.string().trim().min(1).max(10),
  barcode: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^[0-9A-Za-z-]{4,40}$/.test(v), {
      message: 'product.barcode.format',
      params: { key: 'product.barcode.format' },
    }),
  categoryId: IntId.nullish().transform((v) => v ?? null),
  taxRate: z.enum(TAX_RATES),
  // Absent = unchanged (users without product.cost never see nor send it); null clears it.
  cost: MoneyString.nullish(),
  warrantyMonths: z.number().int().min(0).max(240).default(0),
  tracking: z.enum(TRACKING_MODES).default('none'),
  shelfLifeDays: z
    .number()
    .int()
    .min(1)
    .max(36500)
    .nullish()
    .transform((v) => v ?? null),
  attributes: z
    .record(z.string().trim().min(1).max(20), z.string().trim().max(50))
    .default({})
    .refine((v) => Object.keys(v).length <= 20, {
      message: 'product.attributes.too_many',
      params: { key: 'product.attributes.too_many' },
    }),
  requiresChineseLabel: z.boolean().default(false),
  active: z.boolean().default(true),
};

export const ProductInput = z
  .object({ ...productFields, standardPrice: MoneyString, floorPrice: MoneyString })
  .superRefine((v, ctx) => {
    // 最低限价不得高于标准价 (the floor is the lowest price a rep may quote without approval).
    if (isMoneyString(v.floorPrice) && isMoneyString(v.standardPrice) && money(v.floorPrice).gt(money(v.standardPrice)))
      issue(ctx, ['floorPrice'], 'product.floor_above_standard');
  });
export type ProductInput = z.output<typeof ProductInput>;

/**
 * An update: prices may be sent back unchanged (a form shows them) but a different value is
 * refused — prices change only through an approved price adjustment (SPEC 2.8 价格稳定).
 */
export const ProductUpdateInput = z.object({
  ...productFields,
  standardPrice: MoneyString.optional(),
  floorPrice: MoneyString.optional(),
  version: VersionNo,
});
export type ProductUpdateInput = z.output<typeof ProductUpdateInput>;

export const ProductListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  keyword: z.string().trim().max(50).optional(),
  categoryId: QueryIntId.optional(),
  active: z.enum(['true', 'false']).optional(),
  tracking: z.enum(TRACKING_MODES).optional(),
});
export type ProductListQuery = z.output<typeof ProductListQuery>;

const IsoDate = z.string().refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } });

export const PriceListInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(PRICE_LIST_KINDS),
    customerClass: z
      .enum(CUSTOMER_CLASSES)
      .nullish()
      .transform((v) => v ?? null),
    validFrom: IsoDate,
    validTo: IsoDate.nullish().transform((v) => v ?? null),
    active: z.boolean().default(true),
    items: z
      .array(z.object({ productId: BigId, price: MoneyString }))
      .max(2000)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.validTo && isIsoDate(v.validFrom) && isIsoDate(v.validTo) && v.validTo < v.validFrom)
      issue(ctx, ['validTo'], 'priceList.validity');
    const seen = new Set<number>();
    v.items.forEach((item, i) => {
      if (seen.has(item.productId)) issue(ctx, ['items', i, 'productId'], 'priceList.duplicate_product');
      seen.add(item.productId);
    });
  });
export type PriceListInput = z.output<typeof PriceListInput>;

export const PriceAdjustmentInput = z
  .object({
    newStandardPrice: MoneyString,
    newFloorPrice: MoneyString,
    reason: z.string().trim().min(1).max(500),
    effectiveDate: IsoDate.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (
      isMoneyString(v.newFloorPrice) &&
      isMoneyString(v.newStandardPrice) &&
      money(v.newFloorPrice).gt(money(v.newStandardPrice))
    )
      issue(ctx, ['newFloorPrice'], 'product.floor_above_standard');
  });
export type PriceAdjustmentInput = z.output<typeof PriceAdjustmentInput>;

/**
 * The cut of a price change in percent, the larger of the two prices' cuts, rounded to 2 places
 * (positive = cheaper, negative = a raise). A price from 0 has no cut.
 */
export function priceCutPercent(oldStd: string, newStd: string, oldFloor: string, newFloor: string): string {
  const cut = (o: string, n: string) => (money(o).isZero() ? money(0) : money(o).minus(n).div(o).times(100));
  const a = cut(oldStd, newStd);
  const b = cut(oldFloor, newFloor);
  const max = a.gt(b) ? a : b;
  // A raise beyond −99999.99 % (price × 1000+) is stored at the column's limit: it is a raise all the same.
  return (max.lt(-99999.99) ? money('-99999.99') : max).toDecimalPlaces(2).toFixed(2);
}
