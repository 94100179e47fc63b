import './imports.messages.ts';
import './imports.messages.kinds.ts';

export { importSettled } from './imports.jobs.ts';
export { importRoutes } from './imports.routes.ts';
export { importHooks } from './imports.service.ts';
