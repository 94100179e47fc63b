import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of the deliveries module's mutating routes. */
export function deliveryCases(ctx: AuditContext): AuditCases {
  void ctx;
  return {};
}
