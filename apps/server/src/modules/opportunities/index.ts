import { eq } from 'drizzle-orm';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { opportunities } from './opportunities.schema.ts';

// The owner's department is denormalised onto opportunities for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(opportunities).set({ ownerDeptId: deptId }).where(eq(opportunities.ownerId, userId));
});

import './opportunities.customer-related.ts';
import './opportunities.links.ts';

export { opportunityScope } from './opportunities.access.ts';
export { opportunityRoutes, pipelineRoutes } from './opportunities.routes.ts';
export {
  opportunities,
  opportunityNeedsAnalyses,
  opportunityProposals,
  pipelineStages,
  pipelines,
} from './opportunities.schema.ts';
export { insertOpportunity } from './opportunities.service.ts';
export { DEFAULT_PIPELINES, seedPipelines } from './pipelines.defaults.ts';
export { findProposalSource, type ProposalSource, proposalSourceOf } from './proposals.source.ts';
