import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of the orders module's mutating routes. */
export function orderCases(ctx: AuditContext): AuditCases {
  void ctx;
  return {};
}
