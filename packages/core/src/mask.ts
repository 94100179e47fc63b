/**
 * Display masking of personal information, following GB/T 35273-2020
 * (信息安全技术 个人信息安全规范) §7.2 个人信息的展示限制 — show only what
 * is needed to recognise the record. null/undefined pass through unchanged.
 * Characters are counted by code point, so CJK extension characters and
 * emoji are never split.
 */
import { normalizePhone } from './normalize.ts';

type Maybe = string | null | undefined;

function stars(n: number): string {
  return '*'.repeat(Math.max(n, 0));
}

/** Keep `head` leading and `tail` trailing characters, one '*' per hidden character. */
function keepEnds(s: string, head: number, tail: number): string {
  const chars = Array.from(s);
  if (chars.length <= head + tail) {
    // Too short to hide anything in the middle: show only the first character.
    return chars.length <= 1 ? stars(chars.length) : chars[0] + stars(chars.length - 1);
  }
  return chars.slice(0, head).join('') + stars(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/**
 * Mobile numbers: '13812345678' → '138****5678' (first 3 and last 4 kept).
 * Landlines and anything else: first 3 and last 2 kept ('01012345678' → '010******78').
 * The number is normalised first ('+86 138-1234-5678' → '138****5678').
 */
export function maskPhone(s: string): string;
export function maskPhone<T extends null | undefined>(s: T): T;
export function maskPhone(s: Maybe): Maybe;
export function maskPhone(s: Maybe): Maybe {
  if (s == null) return s;
  const n = normalizePhone(s);
  return /^1\d{10}$/.test(n) ? keepEnds(n, 3, 4) : keepEnds(n, 3, 2);
}

/** ID numbers: first 3 and last 4 kept ('110101199003074514' → '110***********4514'). */
export function maskIdNumber(s: string): string;
export function maskIdNumber<T extends null | undefined>(s: T): T;
export function maskIdNumber(s: Maybe): Maybe;
export function maskIdNumber(s: Maybe): Maybe {
  if (s == null) return s;
  return keepEnds(s.trim(), 3, 4);
}

/**
 * Addresses: first 6 characters + '****' (roughly province/city kept);
 * 6 characters or fewer: first 2 + '****'.
 */
export function maskAddress(s: string): string;
export function maskAddress<T extends null | undefined>(s: T): T;
export function maskAddress(s: Maybe): Maybe;
export function maskAddress(s: Maybe): Maybe {
  if (s == null) return s;
  const chars = Array.from(s.trim());
  if (chars.length === 0) return '';
  return `${chars.slice(0, chars.length >= 7 ? 6 : 2).join('')}****`;
}

/** E-mail: first character of the local part + '***' ('zhang.san@x.cn' → 'z***@x.cn'). */
export function maskEmail(s: string): string;
export function maskEmail<T extends null | undefined>(s: T): T;
export function maskEmail(s: Maybe): Maybe;
export function maskEmail(s: Maybe): Maybe {
  if (s == null) return s;
  const t = s.trim();
  if (t === '') return '';
  const at = t.lastIndexOf('@');
  const local = at < 0 ? t : t.slice(0, at);
  const domain = at < 0 ? '' : t.slice(at);
  return `${Array.from(local).slice(0, 1).join('')}***${domain}`;
}

/**
 * What a price the viewer may not see shows as (SPEC 1.2: contract price terms are masked for roles
 * without the right). On the wire a masked amount is null and its record says so; this is for text.
 */
export const PRICE_MASK = '＊＊＊';

// ¥1,234.50 / ￥1234 / -¥5.00 as formatYuan and people write them.
const YUAN_FIGURES = /-?[¥￥]\s?\d[\d,]*(?:\.\d+)?/g;
// Amounts in capitals as amountInWords writes them: 壹拾万元整, 壹仟元零伍角, 伍角整, 柒分, 负零元整.
const YUAN_CAPITALS =
  /负?(?:[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元[零壹贰叁肆伍陆柒捌玖角分整]*|[壹贰叁肆伍陆柒捌玖]角(?:[零壹贰叁肆伍陆柒捌玖]分)?整?|[壹贰叁肆伍陆柒捌玖]分)/g;

/**
 * Replaces every money amount in a text — in figures with ¥ and in Chinese capitals — by
 * PRICE_MASK, leaving the rest of the text as it is (a contract body rendered with {{amount}} and
 * {{amountInWords}}, a history entry, an approval summary).
 */
export function maskAmountsInText(text: string): string {
  return text.replace(YUAN_FIGURES, PRICE_MASK).replace(YUAN_CAPITALS, PRICE_MASK);
}
