import './reports.messages.ts';

export { dailyReport, weeklyReport } from './reports.daily.ts';
export { dealRegister } from './reports.deals.ts';
export { halfYearReport } from './reports.half.ts';
export { saveHalfYearReview } from './reports.review.ts';
export { reportRoutes } from './reports.routes.ts';
export { reportReviews } from './reports.schema.ts';
