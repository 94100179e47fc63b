import './research.approval.ts';
import './research.messages.ts';
import './research.sweep.ts';

export { promotionRoutes } from './promotions.routes.ts';
export { researchRoutes } from './research.routes.ts';
export { runResearchReminderSweep } from './research.sweep.ts';
