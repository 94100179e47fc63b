export { dataBackfills } from './backfills.schema.ts';
export { type Backfill, registerBackfill, runBackfills } from './backfills.service.ts';
