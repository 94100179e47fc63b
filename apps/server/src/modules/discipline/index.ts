import './discipline.messages.ts';

export { disciplineRoutes } from './discipline.routes.ts';
export { disciplineRecords } from './discipline.schema.ts';
// Appraisal (issue 15 item 1) reads each person's decided records and deductions of a period.
export { type DisciplineEvidence, type DisciplineSummary, disciplineForPeriod } from './discipline.summary.ts';
