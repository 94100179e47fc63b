import { z } from 'zod';
import { BigId, VersionNo } from './ids.ts';

/**
 * List views by scope (issue 11 item 4): 我负责的 (owner is me), 下属的 (owners below me: the
 * departments I head and my reports), 全部 (everything in my data scope). A view only narrows the
 * data scope, never widens it.
 */
export const LIST_VIEWS = ['mine', 'subordinates', 'all'] as const;
export type ListView = (typeof LIST_VIEWS)[number];

/** The `view` query parameter of the scoped lists (absent = 全部). */
export const ListViewParam = z.enum(LIST_VIEWS).optional();

/** The counts of the views a user has on one list; `total` is the widest of them (the whole scope). */
export interface ListViewCounts {
  total: number;
  capped: boolean;
  views: { view: ListView; total: number; capped: boolean }[];
}

/** Most rows one bulk action (批量转移, 批量放入公海, 导出所选) takes. */
export const BULK_MAX = 200;

/** The rows of a bulk action: each with the version the user saw (optimistic lock per row), no id twice. */
export const BulkItems = z
  .array(z.object({ id: BigId, version: VersionNo }))
  .min(1)
  // Over the cap: a field error on `items` (validation.too_big.array, "最多 200 项").
  .max(BULK_MAX)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
    message: 'validation.bulk.duplicate',
    params: { key: 'validation.bulk.duplicate' },
  });
export type BulkItems = z.output<typeof BulkItems>;

/** A preference key: `<kind>.<name>`, e.g. `table.customers`. */
export const PreferenceKey = z.string().regex(/^[a-z][a-z0-9-]{0,31}\.[a-z0-9][a-z0-9.-]{0,63}$/);

const ColumnKey = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

/** Column settings of one table (列设置): the columns in the user's order, and the hidden ones. */
export const TableColumnsPreference = z
  .object({
    order: z.array(ColumnKey).max(60),
    hidden: z.array(ColumnKey).max(60),
  })
  .strict();
export type TableColumnsPreference = z.output<typeof TableColumnsPreference>;

/** The value schema of each preference kind (the part of the key before the first dot). */
export const PREFERENCE_KINDS = { table: TableColumnsPreference } as const;

/** Largest stored preference value, as JSON text. */
export const PREFERENCE_MAX_BYTES = 4096;
