export { deleteDecision, retentionDelete, retentionEndsAt } from './retention.ts';
