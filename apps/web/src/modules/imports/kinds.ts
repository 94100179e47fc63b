import type { ImportTemplate } from './types';

/** Each import kind's API base and the permission its routes require (server: imports.kinds.ts). */
export const IMPORT_PATHS: Record<ImportTemplate, string> = {
  customers: '/api/imports',
  products: '/api/imports/products',
  priceLists: '/api/imports/price-lists',
  openingStock: '/api/imports/opening-stock',
};

export const IMPORT_PERMISSIONS: Record<ImportTemplate, string> = {
  customers: 'customer.import',
  products: 'product.manage',
  priceLists: 'price.manage',
  openingStock: 'stock.manage',
};
