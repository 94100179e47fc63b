import './training.messages.ts';
import './training.sweep.ts';

// The onboarding gate (SPEC 5.4): customers, pool, quotes and orders call it before a user owns or creates.
export { assertActiveForSales, usersInOnboarding } from './onboarding.ts';
// Results per person and period, for the appraisal.
export { type TrainingRecord, type TrainingResult, trainingResults } from './training.results.ts';
export { trainingRoutes } from './training.routes.ts';
export {
  staffCertificates,
  staffRecords,
  trainingAttendance,
  trainingPlans,
  trainingSessions,
} from './training.schema.ts';
export { runTrainingSweep } from './training.sweep.ts';
