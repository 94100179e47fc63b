import './tickets.quality-card.ts';
import './service.messages.ts';
import './sla.sweep.ts';
import './tickets.customer.ts';
import './tickets.links.ts';
import './tickets.refs.ts';

export { type ClosedTicket, onTicketClosed } from './tickets.hooks.ts';
export { serviceRoutes } from './tickets.routes.ts';
export { createTicket, openTicket } from './tickets.service.ts';
