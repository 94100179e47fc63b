import type { DisplayLocale } from './format.ts';

/**
 * One column of an import template (SPEC 1.9), shared by the server (template, header recognition,
 * checks) and the web (mapping select): its field key, whether the mapping must name it, the
 * template header per language and the other headers companies' own sheets use for it.
 * One self-contained entry per column, so adding a column is adding one block.
 * No runtime imports: the web loads this file (package export '@sales/core/import-columns') without
 * the rest of core (zod, opencc).
 */
export interface ImportColumn<K extends string = string> {
  readonly key: K;
  readonly required?: boolean;
  readonly headers: Readonly<Record<DisplayLocale, string>>;
  readonly aliases?: readonly string[];
  /** Template column width in characters (default 14). */
  readonly width?: number;
}

/** The keys of the columns the mapping must name. */
export const requiredImportFields = (columns: readonly ImportColumn[]) =>
  columns.filter((c) => c.required).map((c) => c.key);

export * from './import-columns.customers.ts';
