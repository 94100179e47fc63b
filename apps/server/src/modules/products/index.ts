import './price-adjustments.service.ts';

export { listCategories } from './categories.service.ts';
export { createPriceList } from './price-lists.service.ts';
export { categoryChecklists, type PricingProduct, productsForPricing } from './products.pricing.ts';
export {
  type ProductLabel,
  productCodeOf,
  productKeywordMatch,
  productLabels,
  productLabelsByCode,
} from './products.refs.ts';
export { productRoutes } from './products.routes.ts';
export { createProduct } from './products.service.ts';
export { productWarrantyMonths } from './products.warranty.ts';
