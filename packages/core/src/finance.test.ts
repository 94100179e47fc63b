import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeDue, PaymentInput } from './finance.ts';

const base = {
  orderId: 1,
  kind: 'full',
  method: 'cash',
  amount: '86.50',
  receivedDate: '2030-01-02',
  payerName: '门市顾客',
};

describe('counter change (唱收唱找: change = tendered − amount due)', () => {
  it('is exact decimal', () => {
    expect(changeDue('86.50', '100')).toBe('13.50');
    expect(changeDue('0.30', '0.50')).toBe('0.20');
    expect(changeDue('99.99', '99.99')).toBe('0.00');
    expect(changeDue('100.00', '99.99')).toBeNull();
    expect(changeDue('abc', '100')).toBeNull();
  });

  it('equals tendered − due in integer cents for any amounts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (due, extra) => {
        const yuan = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
        expect(changeDue(yuan(due), yuan(due + extra))).toBe(yuan(extra));
      }),
    );
  });

  it('a payment refuses less tendered than its amount, and tendered on a non-cash payment', () => {
    const short = PaymentInput.safeParse({ ...base, tendered: '80.00' });
    expect(short.success).toBe(false);
    expect(short.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['tendered', 'payment.tendered_short'],
    ]);
    const transfer = PaymentInput.safeParse({ ...base, method: 'transfer', tendered: '100.00' });
    expect(transfer.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['tendered', 'payment.tendered_cash_only'],
    ]);
    // A malformed amount is MoneyString's error only (no second "short" issue).
    const bad = PaymentInput.safeParse({ ...base, tendered: 'abc' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['tendered', 'validation.money']]);
    expect(PaymentInput.parse({ ...base, tendered: '100' }).tendered).toBe('100');
  });
});
