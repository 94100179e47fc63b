import type { ImportColumn } from './import-columns.ts';
import { toHalfWidth } from './normalize.ts';

/** A header cell reduced to what identifies it: half-width, no spaces or marks, lower-case. */
export function headerKey(h: string): string {
  return toHalfWidth(h)
    .replace(/[\s*＊:：()（）]/g, '')
    .toLowerCase();
}

/** header key → field: every language's template header, every alias, and the key itself. */
export function importHeaderIndex(columns: readonly ImportColumn[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of columns) {
    for (const h of Object.values(c.headers)) index.set(headerKey(h), c.key);
    for (const a of c.aliases ?? []) index.set(headerKey(a), c.key);
    index.set(headerKey(c.key), c.key);
  }
  return index;
}
