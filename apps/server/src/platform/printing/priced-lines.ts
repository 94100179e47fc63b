import { formatYuan, money, PRICE_MASK } from '@sales/core';
import type { PrintColumn, PrintTable } from './pdf-types.ts';

/** A priced document line as stored (quote, contract, order, invoice lines: db/columns pricedLineColumns). */
export interface PricedPrintLine {
  lineNo: number;
  productCode: string | null;
  description: string;
  spec: string | null;
  unit: string;
  qty: string;
  // A price the reader may not see is null and prints as ＊＊＊ (SPEC 1.2, e.g. contract prices).
  unitPrice: string | null;
  discountPercent: string | null;
  taxRate: string;
  netAmount: string | null;
  taxAmount: string | null;
  grossAmount: string | null;
}

const pct = (v: string | null) => (v === null ? PRICE_MASK : `${money(v).toString()}%`);
const yuan = (v: string | null) => (v === null ? PRICE_MASK : formatYuan(v));

/**
 * The standard table of priced lines for a print document: 序号, 产品编码, 名称, 规格, 单位, 数量, 单价,
 * 折扣, 税率, then 金额 and 税额 (amounts 'all') and 价税合计; money as ¥1,234.50, qty without
 * trailing zeros; a masked (null) price as ＊＊＊.
 */
export function pricedLinesTable(lines: PricedPrintLine[], amounts: 'all' | 'gross' = 'all'): PrintTable {
  const all = amounts === 'all';
  const columns: PrintColumn[] = [
    { header: '序号', width: 4, align: 'center' },
    { header: '产品编码', width: 9 },
    { header: '名称', width: all ? 12 : 14 },
    { header: '规格', width: 9 },
    { header: '单位', width: 4, align: 'center' },
    { header: '数量', width: 7, align: 'right' },
    { header: '单价', width: 9, align: 'right' },
    { header: '折扣', width: 6, align: 'right' },
    { header: '税率', width: 5, align: 'right' },
    ...(all
      ? ([
          { header: '金额', width: 10, align: 'right' },
          { header: '税额', width: 9, align: 'right' },
        ] as const)
      : []),
    { header: '价税合计', width: all ? 10 : 11, align: 'right' },
  ];
  const rows = lines.map((l) => [
    String(l.lineNo),
    l.productCode ?? '',
    l.description,
    l.spec ?? '',
    l.unit,
    money(l.qty).toString(),
    yuan(l.unitPrice),
    pct(l.discountPercent),
    pct(l.taxRate),
    ...(all ? [yuan(l.netAmount), yuan(l.taxAmount)] : []),
    yuan(l.grossAmount),
  ]);
  return { columns, rows };
}
