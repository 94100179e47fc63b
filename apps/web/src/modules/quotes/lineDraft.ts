import {
  type DocumentTotals,
  documentTotals,
  effectiveUnitPrice,
  type LineAmounts,
  lineAmounts,
  money,
} from '@sales/core';
import type { ProductLookup, QuoteLine, QuoteLineInput } from './types';

/** One line being edited: product facts beside it and the editable numbers (strings, never floats). */
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
}

let seq = 0;
const newKey = () => `q${Date.now()}-${++seq}`;

const QTY_RE = /^\d{1,14}(\.\d{1,4})?$/;
const MONEY_RE = /^\d{1,16}(\.\d{1,2})?$/;
const PCT_RE = /^\d{1,3}(\.\d{1,2})?$/;

export function lineFromProduct(p: ProductLookup): LineDraft {
  return {
    key: newKey(),
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
    floorPrice: p.floorPrice,
  };
}

export function lineFromQuote(l: QuoteLine): LineDraft {
  return {
    key: newKey(),
    productId: l.productId ?? 0,
    productCode: l.productCode ?? '',
    spec: l.spec,
    unit: l.unit,
    description: l.description,
    qty: money(l.qty).toString(),
    unitPrice: l.unitPrice,
    discountPercent: l.discountPercent,
    taxRate: l.taxRate,
    listPrice: l.listPrice,
    floorPrice: l.floorPrice,
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

/** Live amounts with the server's own rule (lineAmounts from @sales/core): the same cents as the server. */
export function draftAmounts(l: LineDraft): LineAmounts | null {
  if (!isLineValid(l)) return null;
  return lineAmounts({
    qty: l.qty as string,
    unitPrice: l.unitPrice as string,
    discountPercent: l.discountPercent ?? '0',
    taxRate: l.taxRate,
  });
}

export function draftTotals(lines: LineDraft[]): DocumentTotals {
  return documentTotals(lines.map(draftAmounts).filter((a): a is LineAmounts => a !== null));
}

/** Effective unit price below the floor price (底价): the quote will need internal approval. */
export function belowFloor(l: LineDraft): boolean {
  if (!l.floorPrice || !isLineValid(l)) return false;
  return effectiveUnitPrice({ unitPrice: l.unitPrice as string, discountPercent: l.discountPercent ?? '0' }).lt(
    money(l.floorPrice),
  );
}

export function toLineInput(l: LineDraft): QuoteLineInput {
  return {
    productId: l.productId,
    description: l.description.trim() || undefined,
    qty: String(l.qty),
    unitPrice: String(l.unitPrice),
    discountPercent: String(l.discountPercent ?? '0'),
    taxRate: l.taxRate,
  };
}
