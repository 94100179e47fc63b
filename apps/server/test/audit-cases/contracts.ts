import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of the contracts module's mutating routes. */
export function contractCases(ctx: AuditContext): AuditCases {
  void ctx;
  return {};
}
