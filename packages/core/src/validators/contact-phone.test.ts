import { describe, expect, it } from 'vitest';
import { isValidContactPhone } from './contact-phone.ts';

describe('isValidContactPhone (mobile or landline with area code)', () => {
  it.each([
    '13812345678',
    '+86 138 1234 5678',
    '010-12345678',
    '021 6888 1234',
    '0512-62881234',
    '0571-8765432',
    '(0755)26881234',
    '+86 10 1234 5678',
    '400-820-8820',
    '８００８２０８８２０',
  ])('accepts %j', (v) => {
    expect(isValidContactPhone(v)).toBe(true);
  });

  it.each([
    '',
    '   ',
    null,
    undefined,
    '12345678',
    '62881234',
    '1381234567',
    '12345678901',
    '0012345678',
    '010-1234',
    '0512-628812345678',
    'abc',
    '138-1234-567x',
  ])('rejects %j', (v) => {
    expect(isValidContactPhone(v)).toBe(false);
  });
});
