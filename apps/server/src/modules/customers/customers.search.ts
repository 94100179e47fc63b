import { normalizePhone } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import { likePattern } from '../../platform/lists/index.ts';
import { customers } from './customers.schema.ts';

/**
 * Search keys of a customer, maintained at write time (docs/adr/0004-search-built-for-chinese.md):
 * - searchText: number, name, credit code, full pinyin and pinyin initials of the name, lower-case,
 *   under a pg_trgm GIN index (ASCII keywords of 3+ characters: `hdsm`, `hengda`, `kh-2024`);
 * - searchPhone: the digits of mobile and landline, under its own trigram index, so a phone match
 *   can be limited to the rows whose phone the user sees in clear (SPEC 1.2 masking);
 * - searchGrams: every 1- and 2-character gram of the name and of its pinyin initials, under a GIN
 *   array index, so 1- and 2-character keywords (which have no trigram: 恒达, hd) are served by an
 *   index, whatever the database's locale.
 */
export interface CustomerSearchKeys {
  searchText: string;
  searchPhone: string;
  searchGrams: string[];
}

const HAN = /\p{Script=Han}/u;

/** Full pinyin and initials of the Chinese characters of a name (`恒达商贸` → hengdashangmao, hdsm). */
export function pinyinKeys(name: string): { full: string; initials: string } {
  if (!HAN.test(name)) return { full: '', initials: '' };
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });
  return { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

/** The characters a keyword or name is matched on: lower-case, without white space. */
const chars = (s: string) => Array.from(s.toLowerCase().replace(/\s+/gu, ''));

/** Distinct 1- and 2-character grams of strings (恒达商贸 → 恒 达 商 贸 恒达 达商 商贸). */
export function grams(...strings: string[]): string[] {
  const out = new Set<string>();
  for (const s of strings) {
    const c = chars(s);
    for (let i = 0; i < c.length; i++) {
      out.add(c[i]);
      if (i + 1 < c.length) out.add(c[i] + c[i + 1]);
    }
  }
  return [...out];
}

/** The search keys of a customer from the fields they are made of. */
export function customerSearchKeys(
  c: {
    no: string;
    name: string;
    creditCode?: string | null;
    mobile?: string | null;
    phone?: string | null;
  },
  /** pinyinKeys(c.name), when the caller has it already (an import computes it ahead, B7). */
  py = pinyinKeys(c.name),
): CustomerSearchKeys {
  const digits = [c.mobile, c.phone].map((p) => (p ? p.replace(/\D/g, '') : '')).filter(Boolean);
  return {
    searchText: [c.no, c.name, c.creditCode, py.full, py.initials].filter(Boolean).join(' ').toLowerCase(),
    searchPhone: digits.join(' '),
    searchGrams: grams(c.name, py.initials),
  };
}

/** A phone keyword: 4 or more digits once separators and the +86 prefix are dropped. */
export function phoneDigits(keyword: string): string | null {
  const d = normalizePhone(keyword);
  return /^\d{4,}$/.test(d) ? d : null;
}

/**
 * The WHERE fragment matching a keyword against the search keys, shaped so an index serves it:
 * 1–2 characters → the grams array (`@>`), longer keywords with Chinese → all their bigrams plus
 * the substring check, ASCII → the trigram index. Phone digits match only where `phoneVisible`
 * holds: a user who sees a phone masked must not find the customer by it either (SPEC 1.2), or
 * searching digit by digit would reveal the number.
 */
export function customerKeywordWhere(keyword: string, phoneVisible: SQL): SQL {
  const kw = keyword.trim().toLowerCase();
  const c = chars(kw);
  const like = likePattern(kw);
  let text: SQL;
  if (c.length <= 2 && c.length === kw.length) {
    text = sql`${customers.searchGrams} @> array[${c.join('')}]::text[]`;
  } else if (HAN.test(kw) && c.length === kw.length) {
    text = sql`(${customers.searchGrams} @> ${sql.param(grams(kw).filter((g) => Array.from(g).length === 2))}::text[] and ${customers.searchText} like ${like})`;
  } else text = sql`${customers.searchText} like ${like}`;
  const digits = phoneDigits(kw);
  if (!digits) return text;
  return sql`(${text} or (${customers.searchPhone} like ${likePattern(digits)} and ${phoneVisible}))`;
}
