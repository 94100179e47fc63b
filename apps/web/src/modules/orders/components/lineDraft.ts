import {
  type DocumentTotals,
  documentTotals,
  effectiveUnitPrice,
  type LineAmounts,
  lineAmounts,
  money,
} from '@sales/core';
import type { ProductOption } from '../../stock/types';
import type { OrderLine, OrderLineInput } from '../types';

/** One line being entered: the product facts shown beside it and the editable numbers (strings). */
export interface LineDraft {
  key: string;
  productId: number;
  productCode: string;
  productName: string;
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
  priceEdited: boolean;
}

let seq = 0;
export const newLineKey = () => `l${Date.now()}-${++seq}`;

const QTY_RE = /^\d{1,14}(\.\d{1,4})?$/;
const MONEY_RE = /^\d{1,16}(\.\d{1,2})?$/;
const PCT_RE = /^\d{1,3}(\.\d{1,2})?$/;

export function lineFromProduct(p: ProductOption): LineDraft {
  return {
    key: newLineKey(),
    productId: p.id,
    productCode: p.code,
    productName: p.name,
    spec: p.spec,
    unit: p.unit,
    description: p.name,
    qty: '1',
    unitPrice: p.standardPrice,
    discountPercent: '0',
    taxRate: p.taxRate,
    listPrice: p.standardPrice,
    floorPrice: p.floorPrice,
    priceEdited: false,
  };
}

export function lineFromOrder(l: OrderLine): LineDraft {
  return {
    key: newLineKey(),
    productId: l.productId ?? 0,
    productCode: l.productCode ?? '',
    productName: l.description,
    spec: l.spec,
    unit: l.unit,
    description: l.description,
    qty: l.qty,
    unitPrice: l.unitPrice,
    discountPercent: l.discountPercent,
    taxRate: l.taxRate,
    listPrice: l.listPrice,
    floorPrice: l.floorPrice,
    priceEdited: true,
  };
}

export function isLineValid(l: LineDraft): boolean {
  return (
    QTY_RE.test(l.qty ?? '') &&
    Number(l.qty) > 0 &&
    MONEY_RE.test(l.unitPrice ?? '') &&
    PCT_RE.test(l.discountPercent ?? '0') &&
    Number(l.discountPercent ?? 0) <= 100
  );
}

/** Live amounts (lineAmounts from @sales/core, exact decimals) or null while the line is incomplete. */
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

/** Effective price below the floor price (底价): the server will ask for a price approval or refuse. */
export function belowFloor(l: LineDraft): boolean {
  if (!l.floorPrice || !isLineValid(l)) return false;
  return effectiveUnitPrice({ unitPrice: l.unitPrice as string, discountPercent: l.discountPercent ?? '0' }).lt(
    money(l.floorPrice),
  );
}

/** Qty beyond what is available in stock (shown as a warning; review decides). */
export function short(l: LineDraft, available: string | undefined): boolean {
  return available !== undefined && l.qty !== null && QTY_RE.test(l.qty) && money(l.qty).gt(money(available));
}

export function toLineInput(l: LineDraft): OrderLineInput {
  return {
    productId: l.productId,
    description: l.description.trim() || undefined,
    qty: String(l.qty),
    unitPrice: String(l.unitPrice),
    discountPercent: String(l.discountPercent ?? '0'),
    taxRate: l.taxRate,
  };
}
