/**
 * Resident identity number (公民身份号码), GB 11643-1999.
 *
 * 6-digit address code (GB/T 2260) + 8-digit birth date (YYYYMMDD) + 3-digit
 * sequence code + 1 check character computed with ISO 7064:1983 MOD 11-2:
 * Σ(aᵢ·Wᵢ) mod 11 → "10X98765432", Wᵢ = 2^(17−i) mod 11.
 */
import { toHalfWidth } from '../normalize.ts';

/** GB 11643-1999 weights for positions 1–17 (2^(17−i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for (Σ mod 11) = 0…10. */
const CHECK_CHARS = '10X98765432';

/**
 * Province-level prefixes of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54,
 * 61–65, 71 Taiwan, 81 Hong Kong, 82 Macao) plus 83, used on residence permits
 * for Taiwan residents (《港澳台居民居住证申领发放办法》, 2018).
 */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '),
);

/** Earliest accepted birth year. */
const MIN_BIRTH_YEAR = 1900;

export type IdNumberResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'length' | 'format' | 'region' | 'birthdate' | 'checksum' };

export interface IdNumberOptions {
  /** "Today" for the not-in-the-future check; defaults to the current local date. */
  today?: Date;
}

/** Check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11] as string;
}

function ymd(d: Date): string {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}${m}${day}`;
}

/** A real calendar date, year ≥ 1900 and not after `today`. */
function isValidBirthDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < MIN_BIRTH_YEAR || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return yyyymmdd <= ymd(today);
}

/**
 * Validates an 18-character resident ID number. Input is trimmed, converted to
 * half-width and upper-cased ('x' → 'X'); the canonical form is returned.
 * Checks run in order: length, format, region, birth date, checksum.
 */
export function validateIdNumber(input: string, options: IdNumberOptions = {}): IdNumberResult {
  const value = toHalfWidth(input.trim()).toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'format' };
  if (!PROVINCE_PREFIXES.has(value.slice(0, 2))) return { ok: false, reason: 'region' };
  if (!isValidBirthDate(value.slice(6, 14), options.today ?? new Date())) {
    return { ok: false, reason: 'birthdate' };
  }
  if (idNumberCheckChar(value) !== value[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, value };
}

export function isValidIdNumber(input: string, options?: IdNumberOptions): boolean {
  return validateIdNumber(input, options).ok;
}
