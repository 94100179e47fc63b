import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, Money, money, roundMoney, toMoneyString } from './money.ts';

/** Integer cents → '-12.34' with exact BigInt arithmetic. */
function centsToString(c: bigint): string {
  const neg = c < 0n;
  const abs = neg ? -c : c;
  const s = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

const DIGIT_VALUE: Record<string, bigint> = {
  零: 0n,
  壹: 1n,
  贰: 2n,
  叁: 3n,
  肆: 4n,
  伍: 5n,
  陆: 6n,
  柒: 7n,
  捌: 8n,
  玖: 9n,
};
const SMALL_UNIT: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };

/** Independent parser for the capital amount, back to integer cents. */
function wordsToCents(words: string): bigint {
  let s = words;
  let sign = 1n;
  if (s.startsWith('负')) {
    sign = -1n;
    s = s.slice(1);
  }
  let total = 0n;
  let section = 0n;
  let digit = 0n;
  let cents = 0n;
  for (const ch of s) {
    if (ch in DIGIT_VALUE) digit = DIGIT_VALUE[ch] as bigint;
    else if (ch in SMALL_UNIT) {
      section += digit * (SMALL_UNIT[ch] as bigint);
      digit = 0n;
    } else if (ch === '万') {
      total += (section + digit) * 10_000n;
      section = 0n;
      digit = 0n;
    } else if (ch === '亿') {
      total = (total + section + digit) * 100_000_000n;
      section = 0n;
      digit = 0n;
    } else if (ch === '元') {
      total += section + digit;
      cents = total * 100n;
      total = 0n;
      section = 0n;
      digit = 0n;
    } else if (ch === '角') {
      cents += digit * 10n;
      digit = 0n;
    } else if (ch === '分') {
      cents += digit;
      digit = 0n;
    } else if (ch !== '整') throw new Error(`unexpected ${ch} in ${words}`);
  }
  return sign * cents;
}

describe('money / roundMoney / toMoneyString', () => {
  it('formats with exactly 2 decimals', () => {
    expect(toMoneyString(money('1234.5'))).toBe('1234.50');
    expect(toMoneyString(money(0))).toBe('0.00');
    expect(toMoneyString('-0.001')).toBe('0.00');
    expect(toMoneyString(money('-12.345'))).toBe('-12.35');
    expect(toMoneyString(new Decimal('99999999999999.995'))).toBe('100000000000000.00');
  });

  it('rounds half up, not half even, and not through floats', () => {
    expect(roundMoney('2.345').toString()).toBe('2.35');
    expect(roundMoney('2.335').toString()).toBe('2.34');
    expect(roundMoney('1.005').toString()).toBe('1.01'); // 1.005 as a float is 1.00499…
    expect(money('0.1').plus('0.2').toString()).toBe('0.3');
    expect(toMoneyString(money('3').times('33.333'))).toBe('100.00');
  });

  it('Money keeps 40 significant digits', () => {
    expect(new Money(1).div(3).toString()).toBe(`0.${'3'.repeat(40)}`);
  });

  it('rejects invalid amounts', () => {
    expect(() => money('abc')).toThrow();
    expect(() => money(Number.NaN)).toThrow();
    expect(() => money(Number.POSITIVE_INFINITY)).toThrow();
  });

  it('property: toMoneyString(money(a).plus(b)) equals exact integer-cent arithmetic', () => {
    const cents = fc.bigInt({ min: -999_999_999_999_999_999n, max: 999_999_999_999_999_999n });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        expect(toMoneyString(money(centsToString(a)).plus(centsToString(b)))).toBe(centsToString(a + b));
      }),
    );
  });
});

describe('amountInWords (人民币大写)', () => {
  it.each([
    ['1234.50', '壹仟贰佰叁拾肆元伍角整'],
    ['1234.56', '壹仟贰佰叁拾肆元伍角陆分'],
    ['100000.07', '壹拾万元零柒分'],
    ['0.05', '伍分'],
    ['0', '零元整'],
    ['0.00', '零元整'],
    ['1000000', '壹佰万元整'],
    ['10.00', '壹拾元整'],
    // The brief suggested '壹佰元伍角整'; the payment rules allow both forms, but
    // that form is inconsistent with 20000.3 → '贰万元零叁角整' below. We use one
    // rule: units digit 0 and jiao non-zero → 零 after 元.
    ['100.50', '壹佰元零伍角整'],
    ['1001', '壹仟零壹元整'],
    ['100010', '壹拾万零壹拾元整'],
    ['123456789.12', '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分'],
    ['0.5', '伍角整'],
    ['20000.3', '贰万元零叁角整'],
    // Examples from 《正确填写票据和结算凭证的基本规定》 (first of the allowed forms):
    ['1680.32', '壹仟陆佰捌拾元零叁角贰分'],
    ['107000.53', '壹拾万柒仟元零伍角叁分'],
    ['1409.50', '壹仟肆佰零玖元伍角整'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    // Section boundaries.
    ['1070000', '壹佰零柒万元整'],
    ['100000000', '壹亿元整'],
    ['100010000', '壹亿零壹万元整'],
    ['100000001', '壹亿零壹元整'],
    ['1000000000000', '壹万亿元整'],
    ['1000000000001', '壹万亿零壹元整'],
    ['1200000000000', '壹万贰仟亿元整'],
    ['1000500000000', '壹万零伍亿元整'],
    ['9999999999999.99', '玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    // Up to the largest amount a money column holds (numeric(18,2)).
    ['10000000000000', '壹拾万亿元整'],
    ['1000000000000000', '壹仟万亿元整'],
    ['1000000100000000', '壹仟万零壹亿元整'],
    ['9999999999999999.99', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    ['0.01', '壹分'],
    ['0.10', '壹角整'],
    ['0.11', '壹角壹分'],
    ['1.01', '壹元零壹分'],
    ['10.10', '壹拾元零壹角整'],
  ])('%s → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
    expect(amountInWords(new Decimal(amount))).toBe(words);
  });

  it('prefixes negatives with 负 (but not negative zero)', () => {
    expect(amountInWords('-1234.56')).toBe('负壹仟贰佰叁拾肆元伍角陆分');
    expect(amountInWords('-0.05')).toBe('负伍分');
    expect(amountInWords('-0')).toBe('零元整');
  });

  it('accepts trailing zeros but rejects more than 2 decimals', () => {
    expect(amountInWords('1.100')).toBe('壹元壹角整');
    expect(amountInWords('10.100')).toBe('壹拾元零壹角整');
    expect(() => amountInWords('1.001')).toThrow(RangeError);
    expect(() => amountInWords('0.005')).toThrow(RangeError);
  });

  it('rejects out-of-range and invalid input', () => {
    expect(() => amountInWords('10000000000000000')).toThrow(RangeError);
    expect(() => amountInWords('-10000000000000000')).toThrow(RangeError);
    expect(() => amountInWords('Infinity')).toThrow();
    expect(() => amountInWords('abc')).toThrow();
  });

  it('property: never throws in range, and parses back to the same amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -999_999_999_999_999_999n, max: 999_999_999_999_999_999n }), (c) => {
        const words = amountInWords(centsToString(c));
        expect(wordsToCents(words)).toBe(c);
        // No doubled 零, no 零 before a unit suffix, no leading 零 (except 零元整),
        // nothing after 整 and never 分整.
        if (c !== 0n) expect(words).not.toMatch(/零零|零[元万亿]|^负?零|整.|分整/);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: amounts with many zeros parse back too', () => {
    const digit = fc.constantFrom('0', '0', '0', '0', '1', '5', '9');
    fc.assert(
      fc.property(fc.array(digit, { minLength: 18, maxLength: 18 }), (ds) => {
        const c = BigInt(ds.join(''));
        expect(wordsToCents(amountInWords(centsToString(c)))).toBe(c);
      }),
      { numRuns: 2000 },
    );
  });
});
