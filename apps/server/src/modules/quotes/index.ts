import { eq } from 'drizzle-orm';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { quotes } from './quotes.schema.ts';
import { runQuoteExpirySweep } from './quotes.sweep.ts';
import './quotes.approval.ts';
import './quotes.customer-related.ts';
import './quotes.customer-timeline.ts';
import './quotes.links.ts';

// The owner's department is denormalised onto quotes for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(quotes).set({ ownerDeptId: deptId }).where(eq(quotes.ownerId, userId));
});

// Approved and sent quotes past their validity date become expired (SPEC 3.2 有效期).
registerSweep({ name: 'quotes.expiry', cron: '5 0 * * *', run: runQuoteExpirySweep });

export { findQuoteInScope, quoteScope } from './quotes.access.ts';
export { quoteLinesOf } from './quotes.lines.ts';
export { quoteRoutes } from './quotes.routes.ts';
export { quoteLines, quotes } from './quotes.schema.ts';
export { runQuoteExpirySweep } from './quotes.sweep.ts';
