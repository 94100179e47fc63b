import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of the stock module's mutating routes. */
export function stockCases(ctx: AuditContext): AuditCases {
  void ctx;
  return {};
}
