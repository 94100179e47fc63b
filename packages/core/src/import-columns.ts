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

import { CUSTOMER_IMPORT_COLUMNS } from './import-columns.customers.ts';
import { OPENING_STOCK_IMPORT_COLUMNS } from './import-columns.opening-stock.ts';
import { PRICE_LIST_IMPORT_COLUMNS } from './import-columns.price-lists.ts';
import { PRODUCT_IMPORT_COLUMNS } from './import-columns.products.ts';

export * from './import-columns.customers.ts';
export * from './import-columns.opening-stock.ts';
export * from './import-columns.price-lists.ts';
export * from './import-columns.products.ts';

/** What can be imported from xlsx (SPEC 1.9; issue 14 item 5): the import kinds, in menu order. */
export const IMPORT_TEMPLATES = ['customers', 'products', 'priceLists', 'openingStock'] as const;
export type ImportTemplate = (typeof IMPORT_TEMPLATES)[number];

/** The columns of each import kind. */
export const IMPORT_COLUMNS: Record<ImportTemplate, readonly ImportColumn[]> = {
  customers: CUSTOMER_IMPORT_COLUMNS,
  products: PRODUCT_IMPORT_COLUMNS,
  priceLists: PRICE_LIST_IMPORT_COLUMNS,
  openingStock: OPENING_STOCK_IMPORT_COLUMNS,
};
