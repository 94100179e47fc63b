// Other modules' public surfaces this module reads (ARCHITECTURE 6: through index.ts only).
export { analyticsFacts } from '../analytics/index.ts';
export { eventInvitations, eventOrders, events } from '../events/index.ts';
