import './imports.messages.ts';

export { importSettled } from './imports.jobs.ts';
export { importRoutes } from './imports.routes.ts';
export { importHooks } from './imports.service.ts';
