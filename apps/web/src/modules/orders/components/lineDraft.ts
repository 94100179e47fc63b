import { money } from '@sales/core';
import {
  newLineKey,
  type LineDraft as PricedLineDraft,
  lineFromProduct as pricedLineFromProduct,
  QTY_RE,
} from '../../../components/pricedLines';
import type { ProductOption } from '../../stock/types';
import type { OrderLine } from '../types';

export { belowFloor, draftAmounts, draftTotals, isLineValid, toLineInput } from '../../../components/pricedLines';

/** An order line being entered; `priceEdited` keeps a typed price from the customer price lookup. */
export interface LineDraft extends PricedLineDraft {
  priceEdited: boolean;
}

export function lineFromProduct(p: ProductOption): LineDraft {
  return { ...pricedLineFromProduct(p), priceEdited: false };
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
  };
}

/** Qty beyond what is available in stock (shown as a warning; review decides). */
export function short(l: LineDraft, available: string | undefined): boolean {
  return available !== undefined && l.qty !== null && QTY_RE.test(l.qty) && money(l.qty).gt(money(available));
}
