import './imports.messages.ts';

export { importRoutes } from './imports.routes.ts';
export { importSettled } from './imports.jobs.ts';
export { importHooks } from './imports.service.ts';
