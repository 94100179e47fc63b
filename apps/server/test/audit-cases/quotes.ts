import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of the quotes module's mutating routes. */
export function quoteCases(ctx: AuditContext): AuditCases {
  void ctx;
  return {};
}
