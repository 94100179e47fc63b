import { eq } from 'drizzle-orm';
import { registerBackfill } from '../../platform/backfills/index.ts';
import { onDeptMove, onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { badDebtWriteOffs, invoices, payments } from './finance.schema.ts';
import {
  receivableCustomerOwners,
  receivableDocuments,
  receivableDueTotals,
  receivableInvoices,
} from './receivables.schema.ts';
import { moveDeptSubtrees, moveOwnerSubtrees, rebuildSubtrees } from './receivables.subtrees.ts';
import { rebuildReceivables } from './receivables.sync.ts';

// The owner's department is denormalised onto finance records for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  // First, while the customer-owner rows still name the old department.
  await moveOwnerSubtrees(tx, userId, deptId);
  await tx.update(payments).set({ ownerDeptId: deptId }).where(eq(payments.ownerId, userId));
  await tx.update(invoices).set({ ownerDeptId: deptId }).where(eq(invoices.ownerId, userId));
  await tx.update(badDebtWriteOffs).set({ ownerDeptId: deptId }).where(eq(badDebtWriteOffs.ownerId, userId));
  // The maintained receivables (ADR 0003) carry the same scope columns.
  await tx.update(receivableInvoices).set({ ownerDeptId: deptId }).where(eq(receivableInvoices.ownerId, userId));
  await tx.update(receivableDocuments).set({ ownerDeptId: deptId }).where(eq(receivableDocuments.ownerId, userId));
  await tx
    .update(receivableCustomerOwners)
    .set({ ownerDeptId: deptId })
    .where(eq(receivableCustomerOwners.ownerId, userId));
  await tx.update(receivableDueTotals).set({ ownerDeptId: deptId }).where(eq(receivableDueTotals.ownerId, userId));
});

// Databases from before the maintained receivables get them computed once, from scratch (ADR 0003).
registerBackfill({ name: 'finance.receivables.v1', run: rebuildReceivables });
// The per-department-subtree rows came later (B9): built once from the customer-owner rows.
registerBackfill({ name: 'finance.receivables.subtrees.v1', run: rebuildSubtrees });
// A department moving in the tree carries its customers' figures to its new ancestors.
onDeptMove(moveDeptSubtrees);

import './writeoffs.service.ts';
import './finance.customer-related.ts';
import './finance.customer-timeline.ts';
import './finance.links.ts';
import './overdue.sweep.ts';
import './receivables.check.ts';

export { findInvoiceInScope, findPaymentInScope, invoiceScope, paymentScope } from './finance.access.ts';
export { financeRoutes } from './finance.routes.ts';
export { badDebtWriteOffs, invoiceLines, invoices, payments } from './finance.schema.ts';
export { issueRedInvoiceInTx, type RedLine } from './invoices.red.ts';
export { runOverdueReminderSweep } from './overdue.sweep.ts';
export { checkReceivables } from './receivables.check.ts';
export { rebuildReceivables } from './receivables.sync.ts';
