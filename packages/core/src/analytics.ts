import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { QueryBigId, QueryIntId } from './ids.ts';

/**
 * The indicator engine's vocabulary (SPEC 5.1), shared by the server engine and the dashboards.
 * Sources per measure: sales from confirmed ORDERS (net of cancellations and returns), invoiced
 * amount from INVOICES, collections from PAYMENTS counted by finance (docs/admin-guide.md 指标口径).
 */
export const MEASURES = [
  'sales_amount',
  'sales_net_amount',
  'sales_volume',
  'gross_margin',
  'orders',
  'invoiced_amount',
  'collections',
  'new_customers',
  'leads',
  'front_desk_visits',
  'lead_deals',
  'quotes',
  'quote_amount',
  'follow_ups',
  'stage_entries',
] as const;
export type Measure = (typeof MEASURES)[number];

export const DIMENSIONS = [
  'day',
  'week',
  'month',
  'quarter',
  'half',
  'year',
  'department',
  'rep',
  'product',
  'category',
  'region',
  'channel',
  'stage',
  'kind',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const ANALYTICS_PERIODS = ['month', 'quarter', 'half', 'year'] as const;
export type AnalyticsPeriod = (typeof ANALYTICS_PERIODS)[number];

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const dateQuery = z.string().refine(isIsoDate, dateKey).optional();

/** Filters every figure and its drill-down accept (the same filter on both, SPEC 5.1 drill-down). */
export const MeasureFilter = z.object({
  measure: z.enum(MEASURES).default('sales_amount'),
  /** Omitted: the first day of the current month. */
  from: dateQuery,
  /** Omitted: today. */
  to: dateQuery,
  departmentId: QueryIntId.optional(),
  repId: QueryIntId.optional(),
  productId: QueryBigId.optional(),
  categoryId: QueryIntId.optional(),
  region: z.string().trim().max(50).optional(),
  channel: z.string().trim().max(50).optional(),
  customerId: QueryBigId.optional(),
  stageId: QueryIntId.optional(),
});
export type MeasureFilter = z.output<typeof MeasureFilter>;

/** GET /analytics/measure: absent groupBy = by rep (a ranking); `groupBy=` (empty) = one total. */
export const MeasureRouteQuery = MeasureFilter.extend({
  groupBy: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? ['rep'] : v.split(',').filter(Boolean)))
    .pipe(z.array(z.enum(DIMENSIONS)).max(3)),
  top: z.coerce.number().int().min(1).max(100).optional(),
});
export type MeasureRouteQuery = z.output<typeof MeasureRouteQuery>;

/** GET /analytics/records: the records behind a figure, one page. */
export const AnalyticsRecordsQuery = MeasureFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AnalyticsRecordsQuery = z.output<typeof AnalyticsRecordsQuery>;

/** GET /analytics/dashboard: one period (the one holding `date`) and a department within scope. */
export const DashboardQuery = z.object({
  period: z.enum(ANALYTICS_PERIODS).default('month'),
  /** Any day of the period; omitted: today. */
  date: dateQuery,
  departmentId: QueryIntId.optional(),
});
export type DashboardQuery = z.output<typeof DashboardQuery>;

/** The first and last day of the period holding `date` ('YYYY-MM-DD'), calendar periods. */
export function periodRange(period: AnalyticsPeriod, date: string): { from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const [first, months] =
    period === 'month'
      ? [m, 1]
      : period === 'quarter'
        ? [Math.floor((m - 1) / 3) * 3 + 1, 3]
        : period === 'half'
          ? [m <= 6 ? 1 : 7, 6]
          : [1, 12];
  const last = first + months - 1;
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay)}` };
}

/** The same period one year earlier (同比). */
export function previousYear(r: { from: string; to: string }): { from: string; to: string } {
  const back = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    // 29 Feb of a leap year → 28 Feb.
    const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
    return `${y}-${md}`;
  };
  return { from: back(r.from), to: back(r.to) };
}
