import './events.approval.ts';
import './events.messages.ts';
import './events.sweep.ts';

export { eventRoutes } from './events.routes.ts';
export { eventInvitations, eventOrders, events } from './events.schema.ts';
export { runEventConfirmationSweep } from './events.sweep.ts';
