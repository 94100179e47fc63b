import './appraisal.messages.ts';
import './appraisal.objection.ts';

export { appraisalRoutes } from './appraisal.routes.ts';
export { appraisalResultItems, appraisalResults, appraisalRuns, appraisalSchemes } from './appraisal.schema.ts';
export { appraisalSchemeRoutes } from './appraisal.schemes.routes.ts';
