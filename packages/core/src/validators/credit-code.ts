/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》.
 *
 * 18 characters from a 31-character set (Arabic numerals and upper-case Latin
 * letters without I, O, S, V, Z); the 18th is a check character computed with
 * the weights in GB 32100-2015 §4 / Annex: check = 31 − (Σ value·weight mod 31),
 * where a result of 31 is written as '0'.
 */
import { toHalfWidth } from '../normalize.ts';

/** GB 32100-2015 character set; a character's value is its index (0–30). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 weights for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeResult = { ok: true; value: string } | { ok: false; reason: 'length' | 'charset' | 'checksum' };

/** Check character for the first 17 characters (which must be in the charset). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i] as string);
    if (v < 0) throw new RangeError(`invalid credit code character: ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31] as string;
}

/**
 * Validates a unified social credit code. Input is trimmed, converted to
 * half-width and upper-cased first; the canonical form is returned as `value`.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const value = toHalfWidth(input.trim()).toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'length' };
  for (const ch of value) {
    if (!CREDIT_CODE_CHARSET.includes(ch)) return { ok: false, reason: 'charset' };
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, reason: 'checksum' };
  }
  return { ok: true, value };
}

export function isValidCreditCode(input: string): boolean {
  return validateCreditCode(input).ok;
}
