import { documentTotals, lineAmounts, lineAttributes, type PricedLineInput } from '@sales/core';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ValidationError } from '../../platform/errors/errors.ts';
import { productsForPricing } from '../products/index.ts';
import { contractLines } from './contracts.schema.ts';

/** A priced line copied from a quote or an order (its stored row, without ids). */
export interface CopiedLine {
  productId: number | null;
  productCode: string | null;
  description: string;
  spec: string | null;
  unit: string;
  attributes?: Record<string, string>;
  qty: string;
  listPrice: string | null;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
}

export type ContractLineValues = Omit<typeof contractLines.$inferInsert, 'id' | 'contractId'>;

const isCopied = (l: PricedLineInput | CopiedLine): l is CopiedLine =>
  'unit' in l && typeof (l as CopiedLine).unit === 'string';

/**
 * Prices contract lines (SPEC 3.2 rounding in core lines.ts): input lines take description, unit
 * and tax rate from the product; copied quote/order lines keep theirs. Amounts are recomputed
 * either way, so the contract amount is always Σ gross of its rounded lines.
 */
export async function priceContractLines(
  db: DbOrTx,
  lines: (PricedLineInput | CopiedLine)[],
  customerClass: string | null,
  date: string,
) {
  const ids = lines.filter((l) => !isCopied(l)).map((l) => (l as PricedLineInput).productId);
  const products = await productsForPricing(db, [...new Set(ids)], customerClass, date);
  const rows: ContractLineValues[] = lines.map((l, i) => {
    if (isCopied(l)) {
      const a = lineAmounts({
        qty: l.qty,
        unitPrice: l.unitPrice,
        discountPercent: l.discountPercent,
        taxRate: l.taxRate,
      });
      return {
        lineNo: i + 1,
        productId: l.productId,
        productCode: l.productCode,
        description: l.description,
        spec: l.spec,
        unit: l.unit,
        attributes: l.attributes ?? {},
        qty: l.qty,
        listPrice: l.listPrice,
        unitPrice: l.unitPrice,
        discountPercent: l.discountPercent,
        taxRate: l.taxRate,
        netAmount: a.netAmount,
        taxAmount: a.taxAmount,
        grossAmount: a.grossAmount,
      };
    }
    const p = products.get(l.productId);
    if (!p?.active) throw ValidationError.field(`lines.${i}.productId`, 'contract.line.product');
    const taxRate = l.taxRate ?? p.taxRate;
    const a = lineAmounts({ qty: l.qty, unitPrice: l.unitPrice, discountPercent: l.discountPercent, taxRate });
    return {
      lineNo: i + 1,
      productId: p.id,
      productCode: p.code,
      description: l.description || p.name,
      spec: p.spec,
      unit: p.unit,
      attributes: lineAttributes(p.attributes, l.attributes),
      qty: l.qty,
      listPrice: p.price,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      taxRate,
      netAmount: a.netAmount,
      taxAmount: a.taxAmount,
      grossAmount: a.grossAmount,
    };
  });
  const totals = documentTotals(
    rows.map((r) => ({
      netAmount: r.netAmount,
      taxAmount: r.taxAmount,
      grossAmount: r.grossAmount,
      discountAmount: '0',
    })),
  );
  return { rows, amount: totals.totalGross };
}

/** Replaces a contract's lines inside the caller's transaction. */
export async function replaceContractLines(tx: DbOrTx, contractId: number, rows: ContractLineValues[]) {
  await tx.delete(contractLines).where(eq(contractLines.contractId, contractId));
  if (rows.length) await tx.insert(contractLines).values(rows.map((r) => ({ ...r, contractId })));
}

export async function contractLinesOf(db: DbOrTx, contractId: number) {
  return db
    .select()
    .from(contractLines)
    .where(eq(contractLines.contractId, contractId))
    .orderBy(asc(contractLines.lineNo));
}
