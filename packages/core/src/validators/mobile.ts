/**
 * Mainland China mobile number: 11 digits, '1' then 3–9 (numbering plan of
 * the MIIT 《电信网编号计划》, mobile network numbers 13x–19x).
 */
import { normalizePhone } from '../normalize.ts';

const MOBILE = /^1[3-9]\d{9}$/;

export type MobileResult = { ok: true; value: string } | { ok: false; reason: 'format' };

/** Validates after normalizePhone; `value` is the bare 11-digit number. */
export function validateMobile(input: string): MobileResult {
  const value = normalizePhone(input);
  return MOBILE.test(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}

export function isValidMobile(input: string): boolean {
  return validateMobile(input).ok;
}
