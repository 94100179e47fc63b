import './price-adjustments.service.ts';

export { categoryChecklists, type PricingProduct, productsForPricing } from './products.pricing.ts';
export { type ProductLabel, productCodeOf, productKeywordMatch, productLabels } from './products.refs.ts';
export { productRoutes } from './products.routes.ts';
export { productWarrantyMonths } from './products.warranty.ts';
