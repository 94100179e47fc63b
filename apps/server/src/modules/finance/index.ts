import { eq } from 'drizzle-orm';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { badDebtWriteOffs, invoices, payments } from './finance.schema.ts';

// The owner's department is denormalised onto finance records for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(payments).set({ ownerDeptId: deptId }).where(eq(payments.ownerId, userId));
  await tx.update(invoices).set({ ownerDeptId: deptId }).where(eq(invoices.ownerId, userId));
  await tx.update(badDebtWriteOffs).set({ ownerDeptId: deptId }).where(eq(badDebtWriteOffs.ownerId, userId));
});

import './writeoffs.service.ts';
import './finance.customer-timeline.ts';
import './overdue.sweep.ts';

export { findInvoiceInScope, findPaymentInScope, invoiceScope, paymentScope } from './finance.access.ts';
export { financeRoutes } from './finance.routes.ts';
export { badDebtWriteOffs, invoiceLines, invoices, payments } from './finance.schema.ts';
export { runOverdueReminderSweep } from './overdue.sweep.ts';
