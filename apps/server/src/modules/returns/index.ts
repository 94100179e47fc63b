import { eq } from 'drizzle-orm';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { salesReturns } from './returns.schema.ts';
import './returns.messages.ts';
import './returns.approval.ts';
import './returns.sweep.ts';
import './returns.timeline.ts';
import './returns.delivery-source.ts';
import './returns.quality-card.ts';

// The owner's department is denormalised onto returns for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(salesReturns).set({ ownerDeptId: deptId }).where(eq(salesReturns.ownerId, userId));
});

export { returnRoutes } from './returns.routes.ts';
export { salesReturnCharges, salesReturns } from './returns.schema.ts';
export { runReturnOverdueSweep } from './returns.sweep.ts';
