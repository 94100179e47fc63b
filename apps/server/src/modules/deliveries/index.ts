export { deliveryRoutes } from './deliveries.routes.ts';
