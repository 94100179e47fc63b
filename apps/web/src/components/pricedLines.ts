import {
  type DocumentTotals,
  documentTotals,
  effectiveUnitPrice,
  type LineAmounts,
  lineAmounts,
  money,
} from '@sales/core';

/** One priced line being edited (quote, contract, order): product facts beside it, the numbers as strings. */
export interface LineDraft {
  key: string;
  productId: number;
  productCode: string;
  spec: string | null;
  unit: string | null;
  description: string;
  qty: string | null;
  unitPrice: string | null;
  discountPercent: string | null;
  taxRate: string;
  listPrice: string | null;
  floorPrice: string | null;
  /** The user typed a price: a later price lookup must not overwrite it. */
  priceEdited?: boolean;
}

/** What a product lookup gives for a new line (GET /api/products/lookup). */
export interface ProductFacts {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  taxRate: string;
  standardPrice: string;
  floorPrice?: string | null;
}

/** A line as the server takes it. */
export interface PricedLineInput {
  productId: number;
  description?: string;
  qty: string;
  unitPrice: string;
  discountPercent: string;
  taxRate?: string;
}

let seq = 0;
export const newLineKey = () => `l${Date.now()}-${++seq}`;

export const QTY_RE = /^\d{1,14}(\.\d{1,4})?$/;
const MONEY_RE = /^\d{1,16}(\.\d{1,2})?$/;
const PCT_RE = /^\d{1,3}(\.\d{1,2})?$/;

export function lineFromProduct(p: ProductFacts): LineDraft {
  return {
    key: newLineKey(),
    productId: p.id,
    productCode: p.code,
    spec: p.spec,
    unit: p.unit,
    description: p.name,
    qty: '1',
    unitPrice: p.standardPrice,
    discountPercent: '0',
    taxRate: p.taxRate,
    listPrice: p.standardPrice,
    floorPrice: p.floorPrice ?? null,
    priceEdited: false,
  };
}

export function isLineValid(l: LineDraft): boolean {
  return (
    QTY_RE.test(l.qty ?? '') &&
    money(l.qty as string).gt(0) &&
    MONEY_RE.test(l.unitPrice ?? '') &&
    PCT_RE.test(l.discountPercent ?? '0') &&
    money(l.discountPercent ?? '0').lte(100)
  );
}

/** Live amounts with the server's own rule (lineAmounts from @sales/core) or null while the line is incomplete. */
export function draftAmounts(l: LineDraft): LineAmounts | null {
  if (!isLineValid(l)) return null;
  return lineAmounts({
    qty: l.qty as string,
    unitPrice: l.unitPrice as string,
    discountPercent: l.discountPercent ?? '0',
    taxRate: l.taxRate,
  });
}

/** Document totals = Σ of the rounded lines (documentTotals, same as the server); incomplete lines left out. */
export function draftTotals(lines: LineDraft[]): DocumentTotals {
  return documentTotals(lines.map(draftAmounts).filter((a): a is LineAmounts => a !== null));
}

/** Effective unit price below the floor price (底价): the server asks for a price approval or refuses. */
export function belowFloor(l: LineDraft): boolean {
  if (!l.floorPrice || !isLineValid(l)) return false;
  return effectiveUnitPrice({ unitPrice: l.unitPrice as string, discountPercent: l.discountPercent ?? '0' }).lt(
    money(l.floorPrice),
  );
}

export function toLineInput(l: LineDraft): PricedLineInput {
  return {
    productId: l.productId,
    description: l.description.trim() || undefined,
    qty: String(l.qty),
    unitPrice: String(l.unitPrice),
    discountPercent: String(l.discountPercent ?? '0'),
    taxRate: l.taxRate,
  };
}
