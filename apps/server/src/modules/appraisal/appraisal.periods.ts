import { type AppraisalPeriodKind, periodKindOf } from '@sales/core';

export interface Period {
  kind: AppraisalPeriodKind;
  /** As entered: 2026-05, 2026-Q2, 2026. */
  label: string;
  start: string;
  end: string;
  year: number;
  /** The calendar months the period spans (1–12). */
  months: number[];
}

const ymd = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** 'YYYY-MM' | 'YYYY-Qn' | 'YYYY' → the period's first and last day and its months (null: not a period). */
export function periodOf(label: string): Period | null {
  const kind = periodKindOf(label);
  if (!kind) return null;
  const year = Number(label.slice(0, 4));
  const first =
    kind === 'month' ? Number(label.slice(5, 7)) : kind === 'quarter' ? (Number(label.slice(6)) - 1) * 3 + 1 : 1;
  const count = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const months = Array.from({ length: count }, (_, i) => first + i);
  const lastMonth = months[months.length - 1];
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { kind, label, start: ymd(year, first, 1), end: ymd(year, lastMonth, lastDay), year, months };
}

/** The period just before (month, quarter or year of the same kind). */
export function previousPeriod(p: Period): Period {
  const step = p.months.length;
  const first = p.months[0] - step;
  const year = first < 1 ? p.year - 1 : p.year;
  const m = first < 1 ? first + 12 : first;
  const label =
    p.kind === 'month'
      ? `${year}-${String(m).padStart(2, '0')}`
      : p.kind === 'quarter'
        ? `${year}-Q${(m - 1) / 3 + 1}`
        : String(year);
  return periodOf(label) as Period;
}

/** The same period a year earlier (growth rate). */
export function yearEarlier(p: Period): Period {
  return periodOf(`${p.year - 1}${p.label.slice(4)}`) as Period;
}

/** The period's label from its first and last day: 2026-05, 2026-Q2 or 2026. */
export function periodLabel(start: string, end: string): string {
  const months =
    (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
    Number(end.slice(5, 7)) -
    Number(start.slice(5, 7)) +
    1;
  if (months === 12) return start.slice(0, 4);
  if (months === 3) return `${start.slice(0, 4)}-Q${(Number(start.slice(5, 7)) - 1) / 3 + 1}`;
  return start.slice(0, 7);
}
