import type { Ctx } from '../../platform/context.ts';
import { can } from '../../platform/permissions/principal.ts';
import type { Permission } from '../../platform/permissions/registry.ts';

/** One document waiting for the user, as a work-item source reads it (one row of one SQL). */
export interface WorkItemRow {
  id: number;
  /** Document number, when the document has one. */
  no: string | null;
  /** What to show: customer, subject, visitor… (plain text, never an id). */
  title: string;
  /** The date the item is due or has waited since (YYYY-MM-DD). */
  date: string | null;
  /** Money as a string, when the item has an amount. */
  amount: string | null;
  /** The document's state code; the web shows it through its own status labels. */
  state: string | null;
}

/**
 * A source of work items (SPEC 1.6, issue 13 item 6: "what needs me today"). Each module registers
 * its own: one SQL through the module's scope-checked helpers, ordered, at most `limit` rows.
 */
export interface WorkItemSource {
  /** Stable key, e.g. 'payments.toConfirm'; the web labels it `workbench.source.<key>`. */
  key: string;
  /** 'action': waiting for me now; 'deadline': due within the coming days. */
  group: 'action' | 'deadline';
  /** Read only for users holding this permission (no permission: every user). */
  permission?: Permission;
  /** Further condition, e.g. "the user's scope goes beyond themself" for team sources. */
  applies?(ctx: Ctx): Promise<boolean>;
  /** The page listing all of them (the "more" link), in the web app. */
  listLink: string;
  /** The record's page. */
  link(row: WorkItemRow): string;
  /** Runs the one query: rows in display order, at most `limit`. */
  read(ctx: Ctx, q: { today: string; horizon: string; limit: number }): Promise<WorkItemRow[]>;
}

const sources: WorkItemSource[] = [];

/** Adds a work-item source; a key given twice throws at start-up. */
export function registerWorkItemSource(source: WorkItemSource) {
  if (sources.some((s) => s.key === source.key)) throw new Error(`work-item source '${source.key}' registered twice`);
  sources.push(source);
}

/** The sources that apply to the user, in registration order. */
export async function sourcesFor(ctx: Ctx): Promise<WorkItemSource[]> {
  const held = sources.filter((s) => !s.permission || can(ctx.principal, s.permission));
  const applies = await Promise.all(held.map((s) => (s.applies ? s.applies(ctx) : true)));
  return held.filter((_, i) => applies[i]);
}

/** Items per source are counted up to this many; beyond it the count shows as "99+". */
export const ITEM_CAP = 99;
