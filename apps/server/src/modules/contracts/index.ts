export { contractRoutes } from './contracts.routes.ts';
