import { describe, expect, it } from 'vitest';
import { attributeReturn } from './returns.attribution.ts';

const base = {
  totalQty: '12',
  totalAmount: '600.00',
  chargePerPiece: '10.00',
  yearSales: '1000000.00',
  breakageBefore: '0.00',
  breakageMaxPerMille: '0.20',
};

describe('cost attribution of a sales return (seed 000 第一、二条)', () => {
  it('quality and policy returns are borne by the company, nothing charged', () => {
    for (const reason of ['quality', 'policy'] as const)
      expect(attributeReturn({ ...base, reason })).toEqual({
        costBearer: 'company',
        chargeAmount: '0.00',
        expiredLossAmount: '0.00',
      });
  });

  it('internal errors charge the responsible person ¥10 per piece', () => {
    for (const reason of ['wrong_sale', 'wrong_purchase', 'customer_error'] as const)
      expect(attributeReturn({ ...base, reason })).toEqual({
        costBearer: 'responsible',
        chargeAmount: '120.00',
        expiredLossAmount: '0.00',
      });
    expect(attributeReturn({ ...base, reason: 'wrong_sale', totalQty: '2.5' }).chargeAmount).toBe('25.00');
  });

  it('breakage within 0.2 ‰ of the sales is the company’s; the excess is expired-goods loss', () => {
    // Allowance: 1,000,000 × 0.2 ‰ = 200.00.
    expect(attributeReturn({ ...base, reason: 'breakage', totalAmount: '150.00' }).expiredLossAmount).toBe('0.00');
    expect(attributeReturn({ ...base, reason: 'breakage', totalAmount: '150.00', breakageBefore: '120.00' })).toEqual({
      costBearer: 'company',
      chargeAmount: '0.00',
      expiredLossAmount: '70.00',
    });
    // Already beyond the allowance: the whole return is loss, never more than its own value.
    expect(
      attributeReturn({ ...base, reason: 'breakage', totalAmount: '80.00', breakageBefore: '500.00' })
        .expiredLossAmount,
    ).toBe('80.00');
  });
});
