import { eq } from 'drizzle-orm';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { orders } from './orders.schema.ts';

// The owner's department is denormalised onto orders for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(orders).set({ ownerDeptId: deptId }).where(eq(orders.ownerId, userId));
});

import './orders.credit.ts';
import './orders.customer-related.ts';
import './orders.customer-timeline.ts';
import './orders.links.ts';
import './orders.sweep.ts';

export { findOrderInScope, orderLinesOf, orderScope } from './orders.access.ts';
// Use cases, for the demo data and other callers that act as a user (each runs its own transaction).
export { createOrder, updateOrder } from './orders.create.ts';
export { reviewOrderWithOverride as reviewOrder } from './orders.credit.ts';
export { contractDeliveryLateSql, lateOrdersOfContract } from './orders.late.ts';
export { applyOrderMoney, customerExposure, orderedQtyByContract, recordDeliveredQty } from './orders.ledger.ts';
export { keepMaskedContact } from './orders.masking.ts';
export { getOrder } from './orders.queries.ts';
export { placeOrder } from './orders.request.ts';
export { orderRoutes } from './orders.routes.ts';
export { orderLines, orders } from './orders.schema.ts';
export {
  cancelOrder,
  completeOrder,
  confirmOrder,
  confirmSpecialRequirements,
  prepareOrder,
  returnOrder,
  submitOrder,
} from './orders.service.ts';
export { runOrderSlipSweep } from './orders.sweep.ts';
export { createProductionTasks, updateProductionTask } from './planning.service.ts';
