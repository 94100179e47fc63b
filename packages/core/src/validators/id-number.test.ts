import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isValidIdNumber, validateIdNumber } from './id-number.ts';

// Hand-verified with the GB 11643-1999 weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2:
// 11010519491231002X (the standard's own example): Σ = 167, 167 mod 11 = 2 → 'X'.
// 110101199003074514: Σ = 206, 206 mod 11 = 8 → '4'.
// 440524188001010014: Σ = 195, 195 mod 11 = 8 → '4' — checksum is right, but the
//   birth year 1880 is before 1900, so it is rejected with reason 'birthdate'.
const TODAY = new Date(2025, 5, 1);

describe('validateIdNumber (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '110101199003074514'])('accepts %s', (id) => {
    expect(validateIdNumber(id)).toEqual({ ok: true, value: id });
    expect(isValidIdNumber(id)).toBe(true);
  });

  it('accepts a lower-case x, full-width digits and surrounding space', () => {
    expect(validateIdNumber(' 11010519491231002x ')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(validateIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('rejects a birth year before 1900 even with a correct checksum', () => {
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(validateIdNumber('440524188001010014')).toEqual({ ok: false, reason: 'birthdate' });
  });

  it('rejects impossible and future birth dates', () => {
    const feb30 = `11010519990230001`;
    expect(validateIdNumber(feb30 + idNumberCheckChar(feb30))).toEqual({ ok: false, reason: 'birthdate' });
    const month13 = `11010519991301001`;
    expect(validateIdNumber(month13 + idNumberCheckChar(month13))).toEqual({ ok: false, reason: 'birthdate' });
    const future = '11010520250602001';
    expect(validateIdNumber(future + idNumberCheckChar(future), { today: TODAY })).toEqual({
      ok: false,
      reason: 'birthdate',
    });
    const today = '11010520250601001';
    expect(validateIdNumber(today + idNumberCheckChar(today), { today: TODAY }).ok).toBe(true);
  });

  it('accepts 29 February only in leap years', () => {
    const leap = '11010520000229001';
    expect(validateIdNumber(leap + idNumberCheckChar(leap)).ok).toBe(true);
    const nonLeap = '11010519000229001';
    expect(validateIdNumber(nonLeap + idNumberCheckChar(nonLeap))).toEqual({ ok: false, reason: 'birthdate' });
  });

  it('rejects an unknown province code', () => {
    const bad = '99010519491231002';
    expect(validateIdNumber(bad + idNumberCheckChar(bad))).toEqual({ ok: false, reason: 'region' });
    const bad2 = '16010519491231002';
    expect(validateIdNumber(bad2 + idNumberCheckChar(bad2))).toEqual({ ok: false, reason: 'region' });
  });

  it('rejects a wrong check digit', () => {
    expect(validateIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'checksum' });
    expect(validateIdNumber('110101199003074515')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects wrong length and format', () => {
    expect(validateIdNumber('110105491231002')).toEqual({ ok: false, reason: 'length' }); // 15-digit 1st generation
    expect(validateIdNumber('11010519491231002XX')).toEqual({ ok: false, reason: 'length' });
    expect(validateIdNumber('1101051949123100X2')).toEqual({ ok: false, reason: 'format' });
    expect(validateIdNumber('11010519491231A02X')).toEqual({ ok: false, reason: 'format' });
  });

  it('property: every single-character substitution is detected (ISO 7064 MOD 11-2)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{3}$/),
        fc.nat(17),
        fc.constantFrom(...'0123456789X'.split('')),
        (seq, pos, sub) => {
          const body = `11010519900307${seq}`;
          const id = body + idNumberCheckChar(body);
          expect(validateIdNumber(id).ok).toBe(true);
          if (id[pos] === sub || (pos < 17 && sub === 'X')) return;
          const changed = id.slice(0, pos) + sub + id.slice(pos + 1);
          // Changing the region or birth date may be caught earlier; either way it fails.
          const result = validateIdNumber(changed);
          expect(result.ok).toBe(false);
          if (pos >= 14) expect(result).toEqual({ ok: false, reason: 'checksum' });
        },
      ),
    );
  });
});
