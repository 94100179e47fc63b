import {
  documentTotals,
  effectiveUnitPrice,
  lineAmounts,
  lineAttributes,
  money,
  type PricedLineInput,
} from '@sales/core';
import type { DbOrTx } from '../../db/client.ts';
import { ValidationError } from '../../platform/errors/errors.ts';
import { productsForPricing } from '../products/index.ts';

/**
 * Prices order lines against the product master (SPEC 3.2 line rules, prices exclude VAT):
 * description/spec/unit/tax rate default from the product; list and floor prices are recorded.
 * Variant attributes are the product's with what was entered on the line over them (SPEC 2.8), and
 * whether the product needs Chinese labelling is kept on the line for the label check.
 * A direct order may not go below the floor price — that needs a quote's discount approval
 * (`fromApprovedDocument` skips the check for orders made from a quote or contract).
 */
export async function priceOrderLines(
  db: DbOrTx,
  lines: PricedLineInput[],
  customerClass: string | null,
  date: string,
  fromApprovedDocument: boolean,
) {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const products = await productsForPricing(db, ids, customerClass, date);
  const rows = lines.map((l, i) => {
    const p = products.get(l.productId);
    if (!p?.active) throw ValidationError.field(`lines.${i}.productId`, 'order.product_unknown');
    const taxRate = l.taxRate ?? p.taxRate;
    if (!fromApprovedDocument && effectiveUnitPrice(l).lt(p.floorPrice)) {
      throw ValidationError.field(`lines.${i}.unitPrice`, 'order.below_floor', { floor: p.floorPrice });
    }
    const amounts = lineAmounts({ qty: l.qty, unitPrice: l.unitPrice, discountPercent: l.discountPercent, taxRate });
    return {
      lineNo: i + 1,
      productId: p.id,
      productCode: p.code,
      description: l.description || p.name,
      spec: p.spec,
      unit: p.unit,
      attributes: lineAttributes(p.attributes, l.attributes),
      requiresChineseLabel: p.requiresChineseLabel,
      qty: money(l.qty).toFixed(4),
      listPrice: p.price,
      floorPrice: p.floorPrice,
      unitPrice: money(l.unitPrice).toFixed(2),
      discountPercent: money(l.discountPercent).toFixed(2),
      taxRate,
      netAmount: amounts.netAmount,
      taxAmount: amounts.taxAmount,
      grossAmount: amounts.grossAmount,
    };
  });
  const totals = documentTotals(rows.map((r) => ({ ...r, discountAmount: '0' })));
  return { rows, totals: { totalNet: totals.totalNet, totalTax: totals.totalTax, totalGross: totals.totalGross } };
}
