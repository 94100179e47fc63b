export { idempotent, type StoredResponse } from './idempotency.service.ts';
