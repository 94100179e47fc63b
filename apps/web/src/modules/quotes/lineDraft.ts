import { money } from '@sales/core';
import { type LineDraft, newLineKey } from '../../components/pricedLines';
import type { QuoteLine } from './types';

export {
  belowFloor,
  draftAmounts,
  draftTotals,
  isLineValid,
  type LineDraft,
  lineFromProduct,
  toLineInput,
} from '../../components/pricedLines';

export function lineFromQuote(l: QuoteLine): LineDraft {
  return {
    key: newLineKey(),
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
