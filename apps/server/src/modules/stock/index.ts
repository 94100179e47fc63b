// Stock: the ledger other modules use (orders reserve, deliveries issue, returns receive — SPEC 3.5).
export {
  type Availability,
  availableQty,
  ensureBatch,
  issueStock,
  lockAvailability,
  receiveStock,
  releaseReservations,
  reservationsOf,
  reserveStock,
} from './stock.ledger.ts';
export {
  type BatchInfo,
  batchesById,
  findBatches,
  lotOnHand,
  resolveWarehouse,
  shelfLifeExpiry,
  warehouseNames,
} from './stock.lookups.ts';
export { type MovementRefResolver, registerMovementRef } from './stock.refs.ts';
export { stockRoutes } from './stock.routes.ts';
