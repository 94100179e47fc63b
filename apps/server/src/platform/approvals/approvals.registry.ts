import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import type { Condition, StepDef } from './approvals.rules.ts';

/** A fact a rule condition may test, shown in the rule editor. */
export interface FactField {
  key: string;
  type: 'money' | 'number' | 'percent' | 'boolean' | 'enum';
  options?: string[];
}

/**
 * How a module plugs a document type into the engine: what facts rules see, and what happens
 * when the chain ends. Hooks run inside the engine's transaction.
 */
export interface ApprovalDocType {
  type: string;
  fields: FactField[];
  /** Facts for rule conditions and a one-line summary for inboxes. Throws 404 when out of scope. */
  describe(tx: Tx, ctx: Ctx, docId: number): Promise<{ facts: Record<string, unknown>; summary: string; link: string }>;
  /** Whether the user may see the document (404 otherwise), for its approval history. */
  assertVisible(ctx: Ctx, docId: number): Promise<void>;
  onApproved(tx: Tx, ctx: Ctx, docId: number): Promise<void>;
  /** Rejected, returned to the applicant, or withdrawn: the document is unlocked again. */
  onClosed(tx: Tx, ctx: Ctx, docId: number, outcome: 'rejected' | 'returned' | 'withdrawn'): Promise<void>;
  /** Rules installed when a company has none for this type yet (editable afterwards). */
  defaultRules?: { name: string; priority: number; conditions: Condition[]; steps: StepDef[] }[];
}

const types = new Map<string, ApprovalDocType>();

export function registerApprovalDocType(t: ApprovalDocType) {
  types.set(t.type, t);
}

export function approvalDocType(type: string): ApprovalDocType | undefined {
  return types.get(type);
}

export function approvalDocTypes(): ApprovalDocType[] {
  return [...types.values()];
}
