import { documentTotals, lineAmounts, lineAttributes, money, type QuoteLineInput, toMoneyString } from '@sales/core';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { ValidationError } from '../../platform/errors/errors.ts';
import { productsForPricing } from '../products/index.ts';
import './quotes.messages.ts';
import { quoteLines } from './quotes.schema.ts';

export type QuoteLineValues = Omit<typeof quoteLines.$inferInsert, 'id' | 'quoteId'>;

/**
 * Prices quote lines (SPEC 3.2; rounding rule in core lines.ts): product facts (code, spec, unit,
 * default tax rate, standard price as list price, floor price) from productsForPricing, amounts
 * from lineAmounts, totals as sums of the rounded lines. Unknown or inactive products are a
 * field error on that line.
 */
export async function priceQuoteLines(db: DbOrTx, lines: QuoteLineInput[], customerClass: string | null, date: string) {
  const products = await productsForPricing(db, [...new Set(lines.map((l) => l.productId))], customerClass, date);
  const rows: QuoteLineValues[] = lines.map((l, i) => {
    const p = products.get(l.productId);
    if (!p?.active) throw ValidationError.field(`lines.${i}.productId`, 'quote.product_unknown');
    const taxRate = toMoneyString(money(l.taxRate ?? p.taxRate));
    const discountPercent = toMoneyString(money(l.discountPercent));
    const unitPrice = toMoneyString(money(l.unitPrice));
    const a = lineAmounts({ qty: l.qty, unitPrice, discountPercent, taxRate });
    return {
      lineNo: i + 1,
      productId: p.id,
      productCode: p.code,
      description: l.description || p.name,
      spec: p.spec,
      unit: p.unit,
      attributes: lineAttributes(p.attributes, l.attributes),
      qty: l.qty,
      listPrice: p.standardPrice,
      unitPrice,
      discountPercent,
      taxRate,
      netAmount: a.netAmount,
      taxAmount: a.taxAmount,
      grossAmount: a.grossAmount,
      floorPrice: p.floorPrice,
    };
  });
  return { rows, totals: totalsOf(rows) };
}

/** Document totals of stored or priced lines (discountTotal = Σ what discounts took off). */
export function totalsOf(rows: Pick<QuoteLineValues, 'qty' | 'unitPrice' | 'discountPercent' | 'taxRate'>[]) {
  return documentTotals(
    rows.map((r) =>
      lineAmounts({
        qty: String(r.qty),
        unitPrice: String(r.unitPrice),
        discountPercent: String(r.discountPercent),
        taxRate: String(r.taxRate),
      }),
    ),
  );
}

export async function quoteLinesOf(db: DbOrTx, quoteId: number) {
  return db.select().from(quoteLines).where(eq(quoteLines.quoteId, quoteId)).orderBy(asc(quoteLines.lineNo));
}

export async function replaceQuoteLines(tx: Tx, quoteId: number, rows: QuoteLineValues[]) {
  await tx.delete(quoteLines).where(eq(quoteLines.quoteId, quoteId));
  if (rows.length) await tx.insert(quoteLines).values(rows.map((r) => ({ ...r, quoteId })));
}

/** A compact, comparable form of the lines for the audit trail. */
export function linesForAudit(
  rows: Pick<QuoteLineValues, 'productCode' | 'qty' | 'unitPrice' | 'discountPercent' | 'taxRate'>[],
) {
  return rows.map(
    (r) =>
      `${r.productCode} × ${money(String(r.qty)).toString()} @ ${r.unitPrice} −${r.discountPercent}% (${r.taxRate}%)`,
  );
}
