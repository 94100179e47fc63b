import './return-visits.messages.ts';
import './return-visits.schedule.ts';
import './return-visits.customer.ts';

export { returnVisitRoutes } from './return-visits.routes.ts';
export { visitDueDate } from './return-visits.schedule.ts';
export { returnVisits, satisfactionSurveys } from './return-visits.schema.ts';
