/**
 * Half-year periods of market research (seed 003: 每半年撰写一份市场调研报告): 'YYYY-H1' is January to
 * June, 'YYYY-H2' July to December. Pure functions, no I/O.
 */
export type HalfYear = `${number}-H${1 | 2}`;

/** The half-year of a company date 'YYYY-MM-DD'. */
export function periodOf(date: string): HalfYear {
  return `${Number(date.slice(0, 4))}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}` as HalfYear;
}

/** First and last day of a period (the report is due on its last day). */
export function periodRange(p: string): { from: string; to: string } {
  const y = p.slice(0, 4);
  return p.endsWith('H1') ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
}

/** The period before `p`. */
export function previousPeriod(p: string): HalfYear {
  const y = Number(p.slice(0, 4));
  return (p.endsWith('H2') ? `${y}-H1` : `${y - 1}-H2`) as HalfYear;
}

/** Days from date `a` to date `b` (both 'YYYY-MM-DD'). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A small integer key of a period for task references: 2026-H2 → 20262. */
export const periodRef = (p: string) => Number(p.slice(0, 4)) * 10 + Number(p.slice(6, 7));

/**
 * The reminder opens this many days before a period's last day (seed 003 names the half-year
 * cycle, not the lead time; a month leaves time to write the report).
 */
export const REPORT_REMINDER_DAYS = 30;

/** The dedupe key of an owner's reminder for a period: one task per owner and half-year. */
export const reminderKey = (userId: number, period: string) => `research-report:${userId}:${period}`;
