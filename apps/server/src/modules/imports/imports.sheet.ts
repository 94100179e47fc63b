import type { ImportColumn } from '@sales/core';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import type { SheetRow } from './imports.read.ts';
import type { ImportProblem } from './imports.schema.ts';

/** What each created record's history says about where it came from: the file, by name. */
export const importComment = (fileName: string) => `数据导入：${fileName}`;

/** A zod issue as a message key, the way the HTTP error handler words field errors. */
export function issueKey(i: z.core.$ZodIssue): { key: string; params?: Record<string, unknown> } {
  const custom = (i as { params?: { key?: string } }).params?.key;
  if (custom) return { key: custom };
  if (i.code === 'too_small' && Number(i.minimum) === 1 && i.origin === 'string') return { key: 'validation.required' };
  if (i.code === 'invalid_type' && i.input === undefined) return { key: 'validation.required' };
  if (i.code === 'too_big' && (i.origin === 'string' || i.origin === 'array'))
    return { key: `validation.too_big.${i.origin}`, params: { maximum: Number(i.maximum) } };
  return { key: `validation.${i.code}` };
}

/**
 * Reading a mapped sheet and reporting its problems (SPEC 1.9: row, column, reason): the cell of a
 * field in a row, and a problem named by the file's own column header (the template's when the
 * field is not mapped).
 */
export function sheetAccess<F extends string>(
  ctx: Ctx,
  columns: readonly ImportColumn<F>[],
  headers: string[],
  mapping: Record<string, string | null>,
) {
  const columnOf = new Map<F, number>();
  const headerOf = new Map<F, string>();
  headers.forEach((h, i) => {
    const f = mapping[h] as F | null | undefined;
    if (f && !columnOf.has(f)) {
      columnOf.set(f, i);
      headerOf.set(f, h);
    }
  });
  const template = new Map(columns.map((c) => [c.key, c.headers[ctx.locale]]));
  return {
    mapped: (f: F) => columnOf.has(f),
    get: (r: SheetRow, f: F) => {
      const i = columnOf.get(f);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    },
    problem: (out: ImportProblem[], row: number, f: F, key: string, params: Record<string, unknown> = {}) =>
      out.push({ row, column: headerOf.get(f) ?? template.get(f) ?? f, message: translate(ctx.locale, key, params) }),
  };
}

/** Every issue of a failed parse as a problem of the field its path starts with. */
export function zodProblems<F extends string>(
  issues: z.core.$ZodIssue[],
  fieldOf: (path: PropertyKey[]) => F,
  report: (f: F, key: string, params?: Record<string, unknown>) => void,
) {
  for (const i of issues) {
    const { key, params } = issueKey(i);
    report(fieldOf(i.path), key, params);
  }
}

/** A date cell: an xlsx date serial (days since 1899-12-30) or text like 2026-01-31, 2026/1/31, 2026.1.31. */
export function cellDate(v: string): string | null | undefined {
  if (!v) return null;
  if (/^\d{4,5}(\.\d+)?$/.test(v)) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(v)) * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** A yes/no cell (是/否, yes/no, true/false, 1/0, Y/N); empty → the default, unrecognised → undefined. */
export function cellBool(v: string, dflt: boolean): boolean | undefined {
  if (!v) return dflt;
  const k = v.toLowerCase();
  if (['是', 'yes', 'y', 'true', '1', '启用', '啟用', '√'].includes(k)) return true;
  if (['否', 'no', 'n', 'false', '0', '停用', '×'].includes(k)) return false;
  return undefined;
}

/** A whole-number cell; empty → null, not a whole number → undefined. */
export function cellInt(v: string): number | null | undefined {
  if (!v) return null;
  return /^-?\d+$/.test(v) ? Number(v) : undefined;
}
