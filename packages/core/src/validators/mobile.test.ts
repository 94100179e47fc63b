import { describe, expect, it } from 'vitest';
import { isValidMobile, validateMobile } from './mobile.ts';

describe('validateMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(+86)199.1234.5678', '19912345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['０１３８１２３４５６７８', '13812345678'],
    ['＋８６　１３８　１２３４　５６７８', '13812345678'],
  ])('accepts %j', (input, value) => {
    expect(validateMobile(input)).toEqual({ ok: true, value });
    expect(isValidMobile(input)).toBe(true);
  });

  it.each(['12345678901', '1381234567', '138123456789', '01012345678', '+1 415 555 0100', '', '1381234567a'])(
    'rejects %j',
    (input) => {
      expect(validateMobile(input)).toEqual({ ok: false, reason: 'format' });
    },
  );
});
