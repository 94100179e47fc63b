import { eq } from 'drizzle-orm';
import { registerBackfill } from '../../platform/backfills/index.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { registerAttachmentOwner } from '../../platform/files/index.ts';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { findContractInScope } from './contracts.access.ts';
import { grantPricesToCompanyRoles, seesContractPrices } from './contracts.prices.ts';
import { contracts } from './contracts.schema.ts';

// The owner's department is denormalised onto contracts for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(contracts).set({ ownerDeptId: deptId }).where(eq(contracts.ownerId, userId));
});

// Scanned signed copies (contract_scan) are visible to whoever may see the contract — and its
// prices: a scan shows them and cannot be masked (SPEC 1.2, contracts.prices.ts).
registerAttachmentOwner('contract', async (ctx, id) => {
  await findContractInScope(ctx, id);
  if (!seesContractPrices(ctx)) throw new NotFoundError();
});

// contract.prices is new: roles a company added that see contracts keep their prices (once).
registerBackfill({ name: 'contracts.prices.companyRoles', run: grantPricesToCompanyRoles });

import './contracts.customer-related.ts';
import './contracts.links.ts';
import './contracts.review.ts';
import './contracts.amend.ts';
import './contracts.sweep.ts';

export { contractScope, findContractInScope } from './contracts.access.ts';
export type { CopiedLine } from './contracts.lines.ts';
export { applyContractMoney } from './contracts.money.ts';
export { paymentPlanOf } from './contracts.plan.ts';
export { contractRoutes } from './contracts.routes.ts';
export {
  contractAmendments,
  contractDisputes,
  contractLines,
  contractPaymentPlan,
  contracts,
  contractTemplates,
} from './contracts.schema.ts';
export { type ContractDraftInput, contractLinesOf, createContractDraft } from './contracts.service.ts';
