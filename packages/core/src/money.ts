/**
 * Money arithmetic on decimal.js — never on binary floating point.
 *
 * ROUNDING RULE (the only one in the system): money amounts are rounded to
 * 2 decimal places (fen, 分) with ROUND_HALF_UP (四舍五入, the accounting
 * convention — deliberately NOT the round-half-even "四舍六入五成双" of
 * GB/T 8170-2008) once, at the END of each line computation
 * (e.g. qty × unit price × discount → roundMoney). Totals are sums of
 * already-rounded lines, so they need no further rounding. Intermediate
 * results keep full precision (40 significant digits).
 */
import Decimal from 'decimal.js';

/** Decimal constructor configured for money: 40 significant digits, ROUND_HALF_UP. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** A money value (a Decimal instance). */
export type Money = Decimal;

/** Decimal places of a money amount (fen). */
export const MONEY_SCALE = 2;
/** Largest amount a money column (numeric(18,2)) holds. */
export const MONEY_MAX = '9999999999999999.99';
/** Largest absolute amount amountInWords supports: every amount a money column holds (< 1 亿亿). */
export const MAX_AMOUNT_IN_WORDS = MONEY_MAX;

/** Creates a Money value (no rounding). Throws on invalid or non-finite input. */
export function money(x: string | number | Decimal): Money {
  const d = new Money(x);
  if (!d.isFinite()) throw new RangeError(`invalid money amount: ${String(x)}`);
  return d;
}

/** THE rounding rule: 2 decimals, ROUND_HALF_UP. Apply at the end of each line computation. */
export function roundMoney(x: string | number | Decimal): Money {
  return money(x).toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_HALF_UP);
}

/** '1234.50' — always 2 decimals (ROUND_HALF_UP), no grouping, never '-0.00'. */
export function toMoneyString(d: string | number | Decimal): string {
  const r = roundMoney(d);
  return r.isZero() ? '0.00' : r.toFixed(MONEY_SCALE);
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
/** Units inside a 4-digit section: 个, 拾, 佰, 仟. */
const SECTION_UNITS = ['', '拾', '佰', '仟'] as const;

/**
 * Integer part in capital numerals ('' for 0). Sections of 4 digits get the
 * suffixes 万 / 亿 / 万(亿); a run of zeros between two non-zero digits is
 * written as a single 零, except zeros at the end of a section, which the
 * section suffix absorbs (107000 → 壹拾万柒仟, 100010 → 壹拾万零壹拾).
 */
function integerInWords(digits: string): string {
  let out = '';
  let pendingZero = false;
  let sectionHasDigit = false;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const pos = n - 1 - i; // 0 = units
    const d = Number(digits[i]);
    if (d === 0) {
      if (out !== '') pendingZero = true;
    } else {
      if (pendingZero) out += '零';
      pendingZero = false;
      out += DIGITS[d] + SECTION_UNITS[pos % 4];
      sectionHasDigit = true;
    }
    if (pos % 4 === 0 && pos > 0) {
      const section = pos / 4; // 1 = 万, 2 = 亿, 3 = 万亿
      if (section === 2 && !sectionHasDigit && out !== '') {
        // 1,0000,0000,0000 → 壹万亿: 亿 is still needed after the 万(亿) section.
        out += '亿';
        pendingZero = false;
      } else if (sectionHasDigit) {
        out += section === 2 ? '亿' : '万';
        pendingZero = false;
      }
      sectionHasDigit = false;
    }
  }
  return out;
}

/**
 * Chinese capital amount (人民币大写), following the PBOC《支付结算办法》
 * Annex 1《正确填写票据和结算凭证的基本规定》:
 * - 元 is followed by 整 when there are no jiao/fen; we also write 整 after
 *   角 when fen is 0 (the rules allow it), never after 分;
 * - jiao 0 and fen non-zero: 零 after 元 (mandatory) — 100000.07 → 壹拾万元零柒分;
 * - units (元位) 0 and jiao non-zero: the rules allow 零 after 元 or not; we
 *   always write it (the rules' first form, ¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分);
 * - amounts below 1 元 omit 元 (0.05 → 伍分); 0 → 零元整; negatives get '负'.
 * Throws for more than 2 decimals, non-finite values or |amount| > MONEY_MAX.
 */
export function amountInWords(amount: string | Decimal): string {
  const d = new Money(amount);
  if (!d.isFinite()) throw new RangeError(`invalid amount: ${String(amount)}`);
  if (d.decimalPlaces() > MONEY_SCALE) {
    throw new RangeError(`amount has more than 2 decimals: ${d.toString()}`);
  }
  if (d.abs().greaterThan(MAX_AMOUNT_IN_WORDS)) {
    throw new RangeError(`amount out of range: ${d.toString()}`);
  }
  const [intDigits, frac] = d.abs().toFixed(MONEY_SCALE).split('.') as [string, string];
  const jiao = Number(frac[0]);
  const fen = Number(frac[1]);
  const integer = intDigits === '0' ? '' : integerInWords(intDigits);

  let out = integer === '' ? '' : `${integer}元`;
  if (jiao === 0 && fen === 0) {
    out = integer === '' ? '零元整' : `${out}整`;
  } else {
    if (integer !== '' && (jiao === 0 || intDigits.endsWith('0'))) out += '零';
    if (jiao !== 0) out += `${DIGITS[jiao]}角`;
    out += fen !== 0 ? `${DIGITS[fen]}分` : '整';
  }
  return d.isNegative() && !d.isZero() ? `负${out}` : out;
}
