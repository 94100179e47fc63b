// Stock: the ledger other modules use (orders reserve, deliveries issue, returns receive — SPEC 3.5).
export {
  type Availability,
  availableQty,
  type BatchInfo,
  batchesById,
  findBatches,
  issueStock,
  lockAvailability,
  lotOnHand,
  receiveStock,
  releaseReservations,
  reservationsOf,
  reserveStock,
  resolveWarehouse,
  warehouseNames,
} from './stock.ledger.ts';
export { type MovementRefResolver, registerMovementRef } from './stock.refs.ts';
export { stockRoutes } from './stock.routes.ts';
