import './dealers.messages.ts';

export { type DealerFigures, dealerFigures } from './dealers.figures.ts';
export { dealerRoutes } from './dealers.routes.ts';
export { dealerReviews, dealers, dealerVisits } from './dealers.schema.ts';
