import {
  CUSTOMER_IMPORT_COLUMNS,
  CUSTOMER_IMPORT_FIELDS,
  type CustomerImportField,
  headerKey,
  type ImportColumn,
  importHeaderIndex,
} from '@sales/core';
import type { Locale } from '../../platform/i18n/locale.ts';
import { DICTIONARY_LABELS } from './imports.dictionaries.ts';

// The column list itself (keys, headers, aliases, required) lives in @sales/core: the web's mapping uses it too.
export { CUSTOMER_IMPORT_FIELDS, type CustomerImportField, headerKey };

/** The template's header per field, per language (the downloadable template uses these). */
export const TEMPLATE_HEADERS = Object.fromEntries(
  (['zh-CN', 'zh-TW', 'en-US'] as const).map((loc) => [
    loc,
    Object.fromEntries(CUSTOMER_IMPORT_COLUMNS.map((c) => [c.key, c.headers[loc]])),
  ]),
) as Record<Locale, Record<CustomerImportField, string>>;

const HEADER_INDEXES = new Map<readonly ImportColumn[], Map<string, string>>();

/**
 * The mapping the import proposes for a sheet's headers: a remembered mapping first (the user's
 * own choice for this kind), then the recognised Chinese / English headers; each field once.
 */
export function suggestMapping(
  columns: readonly ImportColumn[],
  headers: string[],
  remembered: Record<string, string | null> = {},
): Record<string, string | null> {
  let index = HEADER_INDEXES.get(columns);
  if (!index) {
    index = importHeaderIndex(columns);
    HEADER_INDEXES.set(columns, index);
  }
  const fields = new Set<string>(columns.map((c) => c.key));
  const out: Record<string, string | null> = {};
  const used = new Set<string>();
  for (const h of headers) {
    const r = remembered[h];
    const f = r !== undefined && (r === null || fields.has(r)) ? r : (index.get(headerKey(h)) ?? null);
    out[h] = f && !used.has(f) ? f : null;
    if (f) used.add(f);
  }
  return out;
}

const DICT_INDEX = new Map<string, Map<string, string>>();
for (const [dict, codes] of Object.entries(DICTIONARY_LABELS)) {
  const m = new Map<string, string>();
  for (const [code, labels] of Object.entries(codes)) {
    m.set(headerKey(code), code);
    for (const l of labels) m.set(headerKey(l), code);
  }
  DICT_INDEX.set(dict, m);
}
// Plain letters for the class (A/B/C) and the usual words for a kind.
for (const [k, v] of [
  ['公司', 'company'],
  ['单位', 'company'],
  ['企业客户', 'company'],
  ['个人客户', 'individual'],
])
  DICT_INDEX.get('kind')?.set(headerKey(k), v);
DICT_INDEX.get('class')?.set(headerKey('重点'), 'KEY');
DICT_INDEX.get('gender')?.set(headerKey('先生'), 'male');
DICT_INDEX.get('gender')?.set(headerKey('女士'), 'female');

/** The code a typed dictionary value stands for (a code or a label in any language), or undefined. */
export type ImportDictionary =
  | 'kind'
  | 'class'
  | 'source'
  | 'industry'
  | 'region'
  | 'gender'
  | 'occupation'
  | 'interest'
  | 'purchaseIntent';
export function dictionaryCode(dict: ImportDictionary, value: string) {
  return DICT_INDEX.get(dict)?.get(headerKey(value));
}
