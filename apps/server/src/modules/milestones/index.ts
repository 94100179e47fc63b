import { eq } from 'drizzle-orm';
import { registerAttachmentOwner } from '../../platform/files/index.ts';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { findProcessInScope } from './milestones.access.ts';
import { milestoneProcesses } from './milestones.schema.ts';
import './milestones.messages.ts';
import './milestones.sweep.ts';

// The owner's department is denormalised onto processes for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(milestoneProcesses).set({ ownerDeptId: deptId }).where(eq(milestoneProcesses.ownerId, userId));
});

// A step's documents are seen by whoever sees its process.
registerAttachmentOwner('milestone_process', async (ctx, id) => {
  await findProcessInScope(ctx, id);
});

export { milestoneRoutes } from './milestones.routes.ts';
export { runMilestoneLateSweep } from './milestones.sweep.ts';
