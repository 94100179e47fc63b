import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/messages.ts';
import type { Condition, StepDef } from './approvals.rules.ts';

/** A fact a rule condition may test, shown in the rule editor. */
export interface FactField {
  key: string;
  type: 'money' | 'number' | 'percent' | 'boolean' | 'enum';
  options?: string[];
}

/** What an inbox or an instance shows of a document: the facts and summary captured at submission. */
export interface ApprovalView {
  facts: Record<string, unknown>;
  summary: string;
}

/** A summary as stored: the zh-CN text, and (since issue 11) its message key and params. */
export interface StoredSummary {
  summary: string;
  summaryKey?: string | null;
  summaryParams?: Record<string, string | number> | null;
}

/** The view as one viewer may see it: facts withheld from them are null and listed in maskedFacts. */
export interface ViewerApprovalView extends ApprovalView {
  maskedFacts: string[];
}

/**
 * How a module plugs a document type into the engine: what facts rules see, and what happens
 * when the chain ends. Hooks run inside the engine's transaction.
 */
export interface ApprovalDocType {
  type: string;
  fields: FactField[];
  /** Facts for rule conditions and a one-line summary for inboxes. Throws 404 when out of scope. */
  describe(
    tx: Tx,
    ctx: Ctx,
    docId: number,
  ): Promise<{
    facts: Record<string, unknown>;
    /** Message key of the one-line summary (amounts as `¥{x:money}`), rendered per reader. */
    summaryKey: string;
    summaryParams: Record<string, string | number>;
    link: string;
  }>;
  /**
   * Masks what this viewer may not see of the captured facts and summary (SPEC 1.2 field masking,
   * e.g. contract prices without `contract.prices`). Decides from the principal only; absent = all shown.
   */
  viewFor?(ctx: Pick<Ctx, 'principal'>, view: ApprovalView): ViewerApprovalView;
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

/** A stored summary in the reader's language (the stored zh-CN text for instances without a key). */
export function renderSummary(locale: Locale, s: StoredSummary): string {
  return s.summaryKey ? translate(locale, s.summaryKey, s.summaryParams ?? {}) : s.summary;
}

/** The facts and summary of an instance of `docType` as this viewer may see them, in their language. */
export function approvalViewFor(
  ctx: Pick<Ctx, 'principal' | 'locale'>,
  docType: string,
  view: StoredSummary & { facts: Record<string, unknown> },
): ViewerApprovalView {
  const captured = { facts: view.facts, summary: renderSummary(ctx.locale, view) };
  const viewFor = types.get(docType)?.viewFor;
  return viewFor ? viewFor(ctx, captured) : { ...captured, maskedFacts: [] };
}
