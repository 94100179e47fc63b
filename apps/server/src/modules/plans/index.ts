import './plans.approval.ts';
import './plans.messages.ts';
import './workplans.sweep.ts';

export { planInForce } from './plans.queries.ts';
export { planRoutes } from './plans.routes.ts';
export { salesPlanCells, salesPlans, workPlans } from './plans.schema.ts';
export { runWorkPlanReminderSweep } from './workplans.sweep.ts';
