import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of the products module's mutating routes. */
export function productCases(ctx: AuditContext): AuditCases {
  void ctx;
  return {};
}
