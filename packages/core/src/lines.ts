import { z } from 'zod';
import { MONEY_PATTERN, MoneyString } from './customers.ts';
import { BigId } from './ids.ts';
import { MONEY_MAX, type Money, money, roundMoney, toMoneyString } from './money.ts';

/**
 * Priced document lines (quotes, contracts, orders, invoices — SPEC 3.2). Prices exclude VAT
 * (不含税单价, as on a 增值税发票). Per line, rounding once at the end (money.ts ROUNDING RULE):
 *   net   = round(qty × unitPrice × (1 − discount% / 100))
 *   tax   = round(net × taxRate% / 100)
 *   gross = net + tax
 * Totals are sums of the rounded line amounts. The effective unit price compared with the floor
 * price is unitPrice × (1 − discount%), unrounded.
 */
export interface LineInput {
  qty: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
}

export interface LineAmounts {
  netAmount: string;
  taxAmount: string;
  grossAmount: string;
  /** What the discount took off the undiscounted net amount. */
  discountAmount: string;
}

export function effectiveUnitPrice(l: Pick<LineInput, 'unitPrice' | 'discountPercent'>): Money {
  return money(l.unitPrice).times(money(100).minus(l.discountPercent)).div(100);
}

export function lineAmounts(l: LineInput): LineAmounts {
  const full = roundMoney(money(l.qty).times(l.unitPrice));
  const net = roundMoney(money(l.qty).times(effectiveUnitPrice(l)));
  const tax = roundMoney(net.times(l.taxRate).div(100));
  return {
    netAmount: toMoneyString(net),
    taxAmount: toMoneyString(tax),
    grossAmount: toMoneyString(net.plus(tax)),
    discountAmount: toMoneyString(full.minus(net)),
  };
}

export interface DocumentTotals {
  totalNet: string;
  totalTax: string;
  totalGross: string;
  discountTotal: string;
}

export function documentTotals(lines: LineAmounts[]): DocumentTotals {
  const sum = (k: keyof LineAmounts) => toMoneyString(lines.reduce((acc, l) => acc.plus(l[k]), money(0)));
  return {
    totalNet: sum('netAmount'),
    totalTax: sum('taxAmount'),
    totalGross: sum('grossAmount'),
    discountTotal: sum('discountAmount'),
  };
}

/** VAT rates a line may carry (percent): 13 / 9 / 6 / 0 (and 3 / 1 for small-scale taxpayers). */
export const TAX_RATES = ['13.00', '9.00', '6.00', '3.00', '1.00', '0.00'] as const;

/** The quantity format: 14 integer digits and 4 decimals fit a numeric(18,4) column; ASCII digits only. */
export const QTY_PATTERN = /^\d{1,14}(\.\d{1,4})?$/;
/** The largest quantity a numeric(18,4) column (stock on hand, line quantities) holds. */
export const QTY_MAX = '99999999999999.9999';

/** Quantity on the wire: a positive decimal string with at most 4 places. */
export const QtyString = z
  .string()
  .trim()
  .refine((v) => QTY_PATTERN.test(v), { message: 'validation.qty', params: { key: 'validation.qty' } })
  .refine((v) => !QTY_PATTERN.test(v) || Number(v) > 0, {
    message: 'validation.qty_positive',
    params: { key: 'validation.qty_positive' },
  });

/** A percentage 0–100 with at most 2 places (discounts). */
export const PercentString = z
  .string()
  .trim()
  .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100, {
    message: 'validation.percent',
    params: { key: 'validation.percent' },
  });

export const TaxRateString = z.enum(TAX_RATES);

/**
 * Variant attributes of a product or a line (款式, 颜色, 尺码, 品牌 — SPEC 2.8): label → value, at most
 * 20. They are carried from the product onto order lines, delivery notes and invoices.
 */
export const VariantAttributes = z
  .record(z.string().trim().min(1).max(20), z.string().trim().max(50))
  .refine((v) => Object.keys(v).length <= 20, {
    message: 'product.attributes.too_many',
    params: { key: 'product.attributes.too_many' },
  });

/**
 * A line's attributes: the product's, overridden by what was entered on the line (the colour or
 * size the customer chose). An entered blank value removes the product's attribute.
 */
export function lineAttributes(
  product: Record<string, string> | null | undefined,
  entered: Record<string, string> | null | undefined,
): Record<string, string> {
  const merged: Record<string, string> = { ...(product ?? {}) };
  for (const [k, v] of Object.entries(entered ?? {})) {
    const key = k.trim();
    if (!key) continue;
    if (v.trim()) merged[key] = v.trim();
    else delete merged[key];
  }
  return merged;
}

/** Attributes as printed after the spec (品名规格处注明品牌、规格、颜色): '品牌:华东智造 颜色:白'. */
export function formatAttributes(attributes: Record<string, string> | null | undefined): string {
  return Object.entries(attributes ?? {})
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}:${v}`)
    .join(' ');
}

/** One priced line as a form or the API sends it; description/unit default from the product. */
export const PricedLineInput = z.object({
  productId: BigId,
  description: z.string().trim().max(200).optional(),
  qty: QtyString,
  unitPrice: MoneyString,
  discountPercent: PercentString.default('0'),
  taxRate: TaxRateString.optional(),
  /** Entered variant attributes; merged over the product's (lineAttributes). */
  attributes: VariantAttributes.optional(),
});
export type PricedLineInput = z.output<typeof PricedLineInput>;

const amountKey = (key: string) => ({ message: key, params: { key } });

/**
 * Every amount the server computes from priced lines must fit its money column (numeric(18,2)):
 * per line and in total, qty × unit price with VAT (the line's rate, else the highest, 13 %) is at
 * most MONEY_MAX — an upper bound, since discounts only lower it. Lines whose qty or price is
 * malformed are left to their own field errors.
 */
export function checkLineAmounts(
  lines: readonly { qty?: unknown; unitPrice?: unknown; taxRate?: unknown }[],
  ctx: z.RefinementCtx,
) {
  let total = money(0);
  let lineTooLarge = false;
  for (const [i, l] of lines.entries()) {
    if (typeof l?.qty !== 'string' || typeof l.unitPrice !== 'string') continue;
    if (!QTY_PATTERN.test(l.qty) || !MONEY_PATTERN.test(l.unitPrice)) continue;
    const rate = (TAX_RATES as readonly unknown[]).includes(l.taxRate) ? String(l.taxRate) : TAX_RATES[0];
    const gross = money(l.qty).times(l.unitPrice).times(money(100).plus(rate)).div(100);
    if (gross.gt(MONEY_MAX)) {
      ctx.addIssue({ code: 'custom', path: [i, 'qty'], ...amountKey('validation.line_amount_too_large') });
      lineTooLarge = true;
    }
    total = total.plus(gross);
  }
  if (!lineTooLarge && total.gt(MONEY_MAX))
    ctx.addIssue({ code: 'custom', path: [], ...amountKey('validation.total_amount_too_large') });
}

/** A list of priced lines (1 … max) whose amounts fit the money columns. */
export const pricedLinesOf = <T extends z.ZodType<{ qty: string; unitPrice: string; taxRate?: string }>>(
  line: T,
  max: number,
) => z.array(line).min(1).max(max).superRefine(checkLineAmounts);
