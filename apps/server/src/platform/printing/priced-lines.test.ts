import { describe, expect, it } from 'vitest';
import { pricedLinesTable } from './priced-lines.ts';

const line = {
  lineNo: 1,
  productCode: 'P-1',
  description: '数控车床',
  spec: null,
  unit: '台',
  qty: '2.5000',
  unitPrice: '12345.60',
  discountPercent: '2.50',
  taxRate: '13.00',
  netAmount: '30092.40',
  taxAmount: '3912.01',
  grossAmount: '34004.41',
};

describe('pricedLinesTable', () => {
  it('prints every amount column, money as ¥ with thousands, qty and percentages without trailing zeros', () => {
    const t = pricedLinesTable([line]);
    expect(t.columns.map((c) => c.header)).toEqual([
      '序号',
      '产品编码',
      '名称',
      '规格',
      '单位',
      '数量',
      '单价',
      '折扣',
      '税率',
      '金额',
      '税额',
      '价税合计',
    ]);
    expect(t.rows).toEqual([
      ['1', 'P-1', '数控车床', '', '台', '2.5', '¥12,345.60', '2.5%', '13%', '¥30,092.40', '¥3,912.01', '¥34,004.41'],
    ]);
  });

  it("'gross' leaves out net and tax, keeping one cell per column", () => {
    const t = pricedLinesTable([line], 'gross');
    expect(t.columns.map((c) => c.header)).not.toContain('税额');
    expect(t.columns.at(-1)?.header).toBe('价税合计');
    expect(t.rows[0]).toHaveLength(t.columns.length);
    expect(t.rows[0].at(-1)).toBe('¥34,004.41');
  });
});
