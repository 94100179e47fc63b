import { eq } from 'drizzle-orm';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { customers } from './customers.schema.ts';

// The owner's department is denormalised onto customers for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(customers).set({ ownerDeptId: deptId }).where(eq(customers.ownerId, userId));
});

import './credit.service.ts';
import './follow-ups.sweep.ts';

export { creditRoutes } from './credit.routes.ts';
// For the public pool and the front desk (SPEC 2.3 / 2.4).
export { findCustomerInScope, unmaskPolicy } from './customers.access.ts';
export { findDuplicate } from './customers.duplicate.ts';
export { customerRoutes } from './customers.routes.ts';
export { customerContacts, customers, followUps } from './customers.schema.ts';
export { insertCustomer } from './customers.service.ts';
