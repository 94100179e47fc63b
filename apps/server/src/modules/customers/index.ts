import { eq } from 'drizzle-orm';
import { registerBackfill } from '../../platform/backfills/index.ts';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { recomputeCustomerNameKeys, recomputeCustomerSearchKeys } from './customers.backfill.ts';
import { customers } from './customers.schema.ts';

// The owner's department is denormalised onto customers for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(customers).set({ ownerDeptId: deptId }).where(eq(customers.ownerId, userId));
});

// Company-name keys now fold traditional to simplified characters (opencc): recompute stored ones.
registerBackfill({
  name: 'customers.nameNorm.opencc',
  run: async (tx) => (await recomputeCustomerNameKeys(tx)).changed,
});

// Search keys with pinyin, phone digits and grams (docs/adr/0004): write them for existing rows.
registerBackfill({ name: 'customers.searchKeys.v1', run: (tx) => recomputeCustomerSearchKeys(tx) });

import './credit.service.ts';
import './customers.messages.ts';
import './customers.record-kinds.ts';
import './follow-ups.sweep.ts';

export { creditRoutes } from './credit.routes.ts';
// For the public pool and the front desk (SPEC 2.3 / 2.4).
export { customerScope, findCustomerInScope, registerServedCustomers, unmaskPolicy } from './customers.access.ts';
export { existingDuplicateKeys, insertCustomersBatch, type NewCustomer } from './customers.bulk-insert.ts';
export { findDuplicate } from './customers.duplicate.ts';
// The customer-list filter with the data scope (event invitation plans pick customers with it).
export { type CustomerFilter, customerWhere } from './customers.list.ts';
export { customerRoutes } from './customers.routes.ts';
// For the event invitations (issue 14 item 3): pick customers by a saved filter, within scope.
export { resolveSavedCustomerFilter } from './customers.saved-filters.ts';
export { customerContacts, customerSavedFilters, customers, followUps } from './customers.schema.ts';
export { customerKeywordWhere, customerSearchKeys, grams, pinyinKeys } from './customers.search.ts';
export { insertCustomer, reassignCustomerInTx } from './customers.service.ts';
export { companyDay, type RelatedType, registerRelatedSource, relatedSelect } from './related.sources.ts';
export { registerTimelineSource, type TimelineDocument } from './timeline.sources.ts';
