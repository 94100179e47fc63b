import type { Client, Org, TestEnv } from '../harness.ts';

/** What a case's request returns: enough to check the status and find the audit rows by request id. */
export type AuditResponse = { statusCode: number; headers: Record<string, unknown> };

/** One mutating route: the audit row it must write, and how to call it successfully. */
export type AuditCase = { entity: string; action: string; run: () => Promise<AuditResponse> };

/** Cases keyed 'METHOD /api/url', exactly as the route table spells the route. */
export type AuditCases = Record<string, AuditCase>;

/** Shared by every case file; built once in beforeAll, after the org is seeded and the clients signed in. */
export interface AuditContext {
  readonly env: TestEnv;
  readonly org: Org;
  /** admin: every platform permission. */
  readonly admin: Client;
  /** rep1, 销售一部. */
  readonly rep: Client;
  /** manager1, head of 销售一部. */
  readonly manager: Client;
  /** Ids shared across cases: later cases read what earlier ones (possibly in other files) stored. */
  readonly ids: Record<string, number>;
  /** The current version of a customer, read as manager1. */
  versionOf(customerId: number): Promise<number>;
}

/** What a case file exports: a function building its cases (called once, cases run in insertion order). */
export type AuditCaseFile = (ctx: AuditContext) => AuditCases;

/**
 * Merges the records of all case files in order. A route key contributed twice fails loudly,
 * naming both groups, instead of one case silently replacing another.
 */
export function mergeAuditCases(groups: Readonly<Record<string, AuditCaseFile>>, ctx: AuditContext): AuditCases {
  const merged: AuditCases = {};
  const from: Record<string, string> = {};
  for (const [group, build] of Object.entries(groups)) {
    for (const [key, c] of Object.entries(build(ctx))) {
      if (from[key] !== undefined) throw new Error(`duplicate audit case '${key}' in '${from[key]}' and '${group}'`);
      from[key] = group;
      merged[key] = c;
    }
  }
  return merged;
}
