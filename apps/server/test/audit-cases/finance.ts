import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of the finance module's mutating routes. */
export function financeCases(ctx: AuditContext): AuditCases {
  void ctx;
  return {};
}
