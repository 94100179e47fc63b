import { eq } from 'drizzle-orm';
import { onUserDeptChange } from '../../platform/org/org-hooks.ts';
import { deliveries } from './deliveries.schema.ts';

// The owner's department is denormalised onto delivery notes for the data-scope index: keep it in step.
onUserDeptChange(async (tx, userId, deptId) => {
  await tx.update(deliveries).set({ ownerDeptId: deptId }).where(eq(deliveries.ownerId, userId));
});

import './deliveries.customer-related.ts';
import './deliveries.customer-timeline.ts';
import './deliveries.links.ts';
import './deliveries.stock-refs.ts';

export { deliveryScope, findDeliveryInScope } from './deliveries.access.ts';
export { EMERGENCY_DOC } from './deliveries.emergency.ts';
export { onDeliverySigned, type SignedDelivery } from './deliveries.hooks.ts';
export { createReplacementDelivery, type ReplacementInput, type ReplacementReason } from './deliveries.replacement.ts';
export { deliveryRoutes } from './deliveries.routes.ts';
export { deliveries, deliveryLines } from './deliveries.schema.ts';
export { registerReplacementSource } from './deliveries.sources.ts';
export { type QualityCardEntry, registerQualityCardSource } from './quality-card.ts';
export { deliveriesOfBatches, deliveryFacts, linesOfDelivery } from './trace.service.ts';
