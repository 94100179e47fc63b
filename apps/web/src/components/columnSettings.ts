import type { ColumnType } from 'antd/es/table';
import type { TableColumnsPreference } from './usePreferences';

type Col<T> = ColumnType<T> & { children?: unknown };

/** A column's stable id: its key, else its dataIndex ('a.b' for a path). */
export function columnId<T>(col: Col<T>): string {
  if (col.key !== undefined) return String(col.key);
  const d = col.dataIndex;
  return Array.isArray(d) ? d.join('.') : String(d ?? '');
}

/** What a table's column settings resolve to: every column in the user's order, and which are shown. */
export interface ResolvedColumns<T> {
  ordered: Col<T>[];
  hidden: Set<string>;
}

/**
 * Applies the user's 列设置 to a table's columns: their order (columns the saved order does not
 * know, e.g. added later, keep their place after the known ones) and the hidden set (the
 * table's defaults until the user saves). Key columns are never hidden; columns fixed to an
 * edge stay at that edge (antd needs fixed columns first / last).
 */
export function resolveColumns<T>(
  columns: Col<T>[],
  pref: TableColumnsPreference | undefined,
  keyColumns: readonly string[],
  defaultHidden: readonly string[],
): ResolvedColumns<T> {
  const rank = (c: Col<T>, i: number) => {
    const at = pref ? pref.order.indexOf(columnId(c)) : -1;
    return at >= 0 ? at : (pref?.order.length ?? 0) + i;
  };
  const edge = (c: Col<T>) => (c.fixed === 'left' || c.fixed === true ? 0 : c.fixed === 'right' ? 2 : 1);
  const ordered = columns
    .map((c, i) => ({ c, i, r: rank(c, i) }))
    .sort((a, b) => edge(a.c) - edge(b.c) || (edge(a.c) === 1 ? a.r - b.r : a.i - b.i))
    .map((x) => x.c);
  const hidden = new Set(pref ? pref.hidden : defaultHidden);
  for (const k of keyColumns) hidden.delete(k);
  return { ordered, hidden };
}

/** Moves column `id` one place up (-1) or down (+1) among the movable (not fixed) columns. */
export function moveColumn<T>(ordered: Col<T>[], id: string, delta: -1 | 1): string[] {
  const ids = ordered.map(columnId);
  const from = ids.indexOf(id);
  const to = from + delta;
  const movable = (i: number) => i >= 0 && i < ordered.length && !ordered[i].fixed;
  if (!movable(from) || !movable(to)) return ids;
  [ids[from], ids[to]] = [ids[to], ids[from]];
  return ids;
}

/**
 * Gives each column its width from `widths` (by column id) and cuts the text of the `ellipsis`
 * ones: with every width set, the table holds them and fits its frame (issue 11: lists at
 * 1366 px), long names ending in "…" (their full text on hover) instead of widening the table.
 */
export function sized<T>(
  columns: Col<T>[],
  widths: Record<string, number>,
  ellipsis: readonly string[] = [],
): Col<T>[] {
  return columns.map((c) => {
    const id = columnId(c);
    return { ...c, width: widths[id] ?? c.width, ...(ellipsis.includes(id) ? { ellipsis: true } : {}) };
  });
}
