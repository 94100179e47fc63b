import './tickets.quality-card.ts';
import './service.messages.ts';

export { onTicketClosed } from './tickets.hooks.ts';
export { serviceRoutes } from './tickets.routes.ts';
export { createTicket } from './tickets.service.ts';
