import './service.messages.ts';

export { serviceRoutes } from './tickets.routes.ts';

import './sla.sweep.ts';
