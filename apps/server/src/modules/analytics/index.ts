import { registerBackfill } from '../../platform/backfills/index.ts';
import { rebuildFacts } from './analytics.facts.ts';
import './analytics.messages.ts';

// Databases with documents from before the engine get their facts once (SPEC 5.1).
registerBackfill({ name: 'analytics.facts.v1', run: rebuildFacts });

export { bookFact } from './analytics.book.ts';
export { factWhere, type MeasureQuery, type MeasureRow, measure } from './analytics.engine.ts';
export { rebuildFacts } from './analytics.facts.ts';
export { overdueFollowUps } from './analytics.live.ts';
export { DIMENSIONS, type Dimension, MEASURE_DEFS, MEASURES, type Measure } from './analytics.measures.ts';
export { listAnalyticsRecords } from './analytics.records.ts';
export { analyticsRoutes } from './analytics.routes.ts';
export {
  analyticsFacts,
  analyticsMonthly,
  analyticsMonthlyProduct,
  analyticsMonthlyRegion,
} from './analytics.schema.ts';
export { checkMonthlyTotals } from './analytics.summaries.ts';
