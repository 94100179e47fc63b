import { money } from '@sales/core';
import {
  newLineKey,
  type LineDraft as PricedLineDraft,
  lineFromProduct as pricedLineFromProduct,
  QTY_RE,
  toLineInput,
} from '../../../components/pricedLines';
import type { ProductOption } from '../../stock/types';
import type { OrderLine, OrderLineInput } from '../types';

export { belowFloor, draftAmounts, draftTotals, isLineValid } from '../../../components/pricedLines';

/**
 * An order line being entered; `priceEdited` keeps a typed price from the customer price lookup;
 * `attributes` are the variant attributes entered on the line (the product's are added by the server).
 */
export interface LineDraft extends PricedLineDraft {
  priceEdited: boolean;
  attributes: Record<string, string>;
}

export function lineFromProduct(p: ProductOption): LineDraft {
  return { ...pricedLineFromProduct(p), priceEdited: false, attributes: {} };
}

/** The line as the server takes it, with its entered attributes (blank values left out). */
export function toOrderLineInput(l: LineDraft): OrderLineInput {
  const attributes = Object.fromEntries(
    Object.entries(l.attributes)
      .map(([k, v]) => [k.trim(), v.trim()])
      .filter(([k, v]) => k && v),
  );
  return { ...toLineInput(l), ...(Object.keys(attributes).length ? { attributes } : {}) };
}

export function lineFromOrder(l: OrderLine): LineDraft {
  return {
    key: newLineKey(),
    productId: l.productId ?? 0,
    productCode: l.productCode ?? '',
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
    attributes: l.attributes ?? {},
  };
}

/** Qty beyond what is available in stock (shown as a warning; review decides). */
export function short(l: LineDraft, available: string | undefined): boolean {
  return available !== undefined && l.qty !== null && QTY_RE.test(l.qty) && money(l.qty).gt(money(available));
}
