import { eq } from 'drizzle-orm';
import { registerAttachmentOwner } from '../../platform/files/index.ts';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { findContractInScope } from './contracts.access.ts';
import { contracts } from './contracts.schema.ts';

// The owner's department is denormalised onto contracts for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(contracts).set({ ownerDeptId: deptId }).where(eq(contracts.ownerId, userId));
});

// Scanned signed copies (contract_scan) are visible to whoever may see the contract.
registerAttachmentOwner('contract', async (ctx, id) => {
  await findContractInScope(ctx, id);
});

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
