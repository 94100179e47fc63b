import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, isValidCreditCode, validateCreditCode } from './credit-code.ts';

// Samples verified by hand (GB 32100-2015 weights):
// 91350100M000100Y43: Σ = 9+3+27+135+26+420(M=21·20)+8+900(Y=30·30)+112 = 1640,
//   1640 mod 31 = 28, 31−28 = 3 → '3'.
// 91110000600037341L: Σ = 9+3+9+27+120+24+168+30+120+28 = 538,
//   538 mod 31 = 11, 31−11 = 20 → 'L'.
const VALID = ['91350100M000100Y43', '91110000600037341L'];

describe('validateCreditCode (GB 32100-2015)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('normalises lower case, surrounding space and full-width input', () => {
    expect(validateCreditCode('  91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateCreditCode('９１１１００００６０００３７３４１Ｌ')).toEqual({
      ok: true,
      value: '91110000600037341L',
    });
  });

  it('rejects a changed check character', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ ok: false, reason: 'checksum' });
    expect(validateCreditCode('91110000600037341K')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects a changed body character', () => {
    expect(validateCreditCode('91350100M000200Y43')).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each([
    '91350100I000100Y43',
    '91350100O000100Y43',
    '91350100S000100Y43',
    '91110000600037341Z',
    '9111000060003734-L',
  ])('rejects characters outside the charset: %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: 'charset' });
  });

  it.each(['', '91350100M000100Y4', '91350100M000100Y433', '9135 0100M000100Y43'])(
    'rejects wrong length: %j',
    (code) => {
      expect(validateCreditCode(code)).toEqual({ ok: false, reason: 'length' });
    },
  );

  it('check character maps 31 to 0', () => {
    // '00000000000000000' → Σ = 0 → 31 − 0 = 31 → '0'.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('property: a computed check char validates and every single substitution is detected', () => {
    const ch = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
    fc.assert(
      fc.property(fc.array(ch, { minLength: 17, maxLength: 17 }), fc.nat(17), ch, (body, pos, sub) => {
        const code = body.join('') + creditCodeCheckChar(body.join(''));
        expect(validateCreditCode(code).ok).toBe(true);
        if (code[pos] === sub) return;
        const changed = code.slice(0, pos) + sub + code.slice(pos + 1);
        expect(validateCreditCode(changed)).toEqual({ ok: false, reason: 'checksum' });
      }),
    );
  });
});
