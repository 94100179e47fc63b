import { Converter } from 'opencc-js/t2cn';

/**
 * Text normalisation helpers shared by server and web.
 *
 * Full-width forms: Unicode block "Halfwidth and Fullwidth Forms"
 * (U+FF01–U+FF5E map 1:1 onto ASCII U+0021–U+007E, offset 0xFEE0) and the
 * ideographic space U+3000 (GB 18030 / GB 2312 full-width characters as typed
 * with a Chinese IME).
 */

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space (U+3000) → ' '. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= FULL_WIDTH_START && cp <= FULL_WIDTH_END) {
      out += String.fromCharCode(cp - FULL_WIDTH_OFFSET);
    } else if (cp === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

/** Separators people type inside phone numbers. */
const PHONE_SEPARATORS = /[\s\-().]/g;
/** Mainland mobile number (11 digits, leading 1) — see validators/mobile.ts. */
const MOBILE_11 = /^1\d{10}$/;

/**
 * Canonical form of a phone number for storage and duplicate checks.
 *
 * - full-width → half-width; spaces, '-', '(', ')', '.' removed;
 * - the country code (ITU-T E.164 +86) written as '+86', '0086' or '86' is
 *   dropped when what remains is an 11-digit mobile number starting with 1;
 * - a domestic trunk prefix '0' in front of a mobile number ('013812345678',
 *   as dialled long-distance from a landline) is dropped as well — no landline
 *   is 12 digits starting '01' (Beijing 010 + 8 digits = 11 digits);
 * - '+86' / '0086' in front of a landline becomes the domestic trunk prefix
 *   '0' ('+86 10 1234 5678' → '01012345678'), so landlines keep their area code.
 *
 * Anything else is returned cleaned but otherwise untouched (so that
 * validateMobile can reject it).
 */
export function normalizePhone(s: string): string {
  const cleaned = toHalfWidth(s).replace(PHONE_SEPARATORS, '');
  for (const prefix of ['+86', '0086']) {
    if (cleaned.startsWith(prefix)) {
      const rest = cleaned.slice(prefix.length);
      if (MOBILE_11.test(rest)) return rest;
      if (/^[1-9]\d+$/.test(rest)) return `0${rest}`;
      return cleaned;
    }
  }
  for (const prefix of ['86', '0']) {
    if (cleaned.startsWith(prefix)) {
      const rest = cleaned.slice(prefix.length);
      if (MOBILE_11.test(rest)) return rest;
    }
  }
  return cleaned;
}

/**
 * Legal-form suffixes (Company Law of the PRC; SAMR enterprise-name rules),
 * longest first. '集团' is deliberately kept: a group and its member company
 * are different customers.
 */
const LEGAL_FORM_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '公司'] as const;

/** Whitespace, Unicode punctuation (covers （）()【】[]·,，.。、-_ etc.). */
const NAME_NOISE = /[\s\p{P}]/gu;

/**
 * Traditional → simplified Chinese (OpenCC dictionaries, Hong Kong variants folded first, which
 * also covers the standard and Taiwan forms of company names). Built on first use: the
 * dictionaries cost a few milliseconds to load.
 */
let traditionalToSimplified: ((s: string) => string) | undefined;
export function toSimplified(s: string): string {
  traditionalToSimplified ??= Converter({ from: 'hk', to: 'cn' });
  return traditionalToSimplified(s);
}

/**
 * Duplicate-check key for a company name: NFKC, traditional characters as
 * simplified (SPEC 2.3 查重: a company registered in Hong Kong or Taiwan forms is
 * the same company), half-width, lower-case, all whitespace and punctuation
 * removed, then trailing legal-form suffixes stripped repeatedly. A branch
 * ('…分公司') keeps its suffix, and a name that would become empty is kept as is.
 *
 * '杭州明达科技有限公司', '杭州明达科技股份有限公司', '杭州明达科技（有限公司）'
 * and '杭州明达科技 有限 公司' all become '杭州明达科技'; '上海華為技術有限公司'
 * becomes '上海华为技术'.
 *
 * Stored keys (customers.name_norm) are recomputed by the backfill
 * 'customers.nameNorm' whenever this function changes.
 */
export function normalizeCompanyName(s: string): string {
  let name = toHalfWidth(toSimplified(s.normalize('NFKC')))
    .toLowerCase()
    .replace(NAME_NOISE, '');
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of LEGAL_FORM_SUFFIXES) {
      if (!name.endsWith(suffix)) continue;
      if (name.length === suffix.length) return name;
      const rest = name.slice(0, -suffix.length);
      if (suffix === '公司' && rest.endsWith('分')) continue;
      name = rest;
      stripped = true;
      break;
    }
  }
  return name;
}
