import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { addDays } from './finance.ts';
import { IntId, QueryIntId } from './ids.ts';

/**
 * Generated sales reports (SPEC 5.1, issue 13 item 3): 销售日报, 周报, 半年分析, 成交客户登记表.
 * Every figure comes from the indicator engine; only the half-year review text is stored.
 */
const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const dateQuery = z.string().refine(isIsoDate, dateKey).optional();

/** The measures of the daily and weekly reports, in column order (seed 000 公司销售人员管理流程 日报). */
export const REPORT_MEASURES = [
  'follow_ups',
  'new_customers',
  'leads',
  'quotes',
  'orders',
  'sales_amount',
  'collections',
] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];
/** Measures shown as money (the others are counts). */
export const REPORT_MONEY_MEASURES: readonly ReportMeasure[] = ['sales_amount', 'collections'];

/** GET /reports/daily: one company-calendar day (omitted: today) and a department within scope. */
export const DailyReportQuery = z.object({ date: dateQuery, departmentId: QueryIntId.optional() });
export type DailyReportQuery = z.output<typeof DailyReportQuery>;

/** GET /reports/weekly: the Mon–Sun week holding `date` (omitted: last week) against the week before. */
export const WeeklyReportQuery = z.object({ date: dateQuery, departmentId: QueryIntId.optional() });
export type WeeklyReportQuery = z.output<typeof WeeklyReportQuery>;

/** GET /reports/half-year: the calendar half holding `date` (omitted: the current half). */
export const HalfYearReportQuery = z.object({ date: dateQuery, departmentId: QueryIntId.optional() });
export type HalfYearReportQuery = z.output<typeof HalfYearReportQuery>;

/** GET /reports/deals: 成交客户登记表 over [from, to] (omitted: this month to date). */
export const DealRegisterQuery = z.object({ from: dateQuery, to: dateQuery, departmentId: QueryIntId.optional() });
export type DealRegisterQuery = z.output<typeof DealRegisterQuery>;

/** A calendar half: '2026-H1'. */
export const HALF_PERIOD = /^\d{4}-H[12]$/;

/** PUT /reports/half-year/review: the author's 广告主题回顾 and 建议 for one half and department. */
export const HalfYearReviewBody = z.object({
  period: z.string().regex(HALF_PERIOD, { message: 'report.period_invalid' }),
  departmentId: IntId,
  themeReview: z.string().trim().max(5000).default(''),
  suggestions: z.string().trim().max(5000).default(''),
  /** The version read (absent when there was no review yet): a concurrent edit answers 409. */
  version: z.number().int().min(1).optional(),
});
export type HalfYearReviewBody = z.output<typeof HalfYearReviewBody>;

/** Monday and Sunday of the ISO week holding `date` ('YYYY-MM-DD'). */
export function weekRange(date: string): { from: string; to: string } {
  const offset = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(date, -offset);
  return { from, to: addDays(from, 6) };
}

/** The half ('2026-H1') holding `date`. */
export function halfOf(date: string): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}
