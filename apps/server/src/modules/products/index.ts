import './price-adjustments.service.ts';

export { categoryChecklists, type PricingProduct, productsForPricing } from './products.pricing.ts';
export { productRoutes } from './products.routes.ts';
