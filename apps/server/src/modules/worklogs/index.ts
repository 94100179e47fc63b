import './worklogs.messages.ts';
import './worklogs.sweep.ts';

export { worklogRoutes } from './worklogs.routes.ts';
export { runMonthlyReportSweep } from './worklogs.sweep.ts';
