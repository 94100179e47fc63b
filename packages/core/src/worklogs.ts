import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { BigId, IntId, QueryIntId } from './ids.ts';

/**
 * Personal work logs (工作日志 / 日报, SPEC 5.1; seed 000 公司销售人员管理流程 "准备" and "日报"):
 * the morning plan, the evening log, the manager's comments; the monthly report (月度工作报告).
 */
const IsoDate = z.string().refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } });
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// A refinement rather than .regex(): the OpenAPI schema stays a plain string (the fuzzer's and
// clients' generators need no pattern support), the check is the same.
const Month = z
  .string()
  .refine((v) => MONTH.test(v), { message: 'validation.month', params: { key: 'validation.month' } });
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const page = {
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const WorkLogSaveInput = z.object({
  date: IsoDate,
  // Customers to follow up that day (the morning plan), prefilled from the follow-ups due.
  planCustomers: z.array(BigId).max(100).default([]),
  planNote: optText(2000),
  done: optText(4000),
  problems: optText(4000),
  tomorrow: optText(2000),
  // true: the evening log is handed in (日报已提交); the morning plan alone stays a draft.
  submit: z.boolean().default(false),
  // 0 for a new log.
  version: z.number().int().min(0).max(2_147_483_647),
});
export type WorkLogSaveInput = z.output<typeof WorkLogSaveInput>;

export const WorkLogAssignInput = z.object({
  userId: IntId,
  date: IsoDate,
  work: z.string().trim().min(1).max(2000),
});
export type WorkLogAssignInput = z.output<typeof WorkLogAssignInput>;

export const WorkLogCommentInput = z.object({ body: z.string().trim().min(1).max(2000) });

export const WorkLogListQuery = z.object({
  userId: QueryIntId.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  ...page,
});
export type WorkLogListQuery = z.output<typeof WorkLogListQuery>;

export const WorkLogDateQuery = z.object({ date: IsoDate.optional() });
export const MonthQuery = z.object({ month: Month.optional() });

export const MonthlyReportSaveInput = z.object({
  month: Month,
  summary: z.string().trim().min(1).max(8000),
  nextMonthPlan: z.string().trim().min(1).max(8000),
  version: z.number().int().min(0).max(2_147_483_647),
});
export type MonthlyReportSaveInput = z.output<typeof MonthlyReportSaveInput>;

export const MonthlyReportListQuery = z.object({
  month: Month.optional(),
  userId: QueryIntId.optional(),
  ...page,
});
export type MonthlyReportListQuery = z.output<typeof MonthlyReportListQuery>;

/** Process health (流程监控, SPEC 5.1): the kinds of stuck items it lists. */
export const HEALTH_KINDS = [
  'quote_approval',
  'contract_review',
  'order_review',
  'delivery_unshipped',
  'return_open',
  'ticket_idle',
  'followup_overdue',
  'receivable_overdue',
  'order_slipped',
] as const;
export type HealthKind = (typeof HEALTH_KINDS)[number];

export const ProcessHealthQuery = z.object({
  kind: z.enum(HEALTH_KINDS).optional(),
  deptId: QueryIntId.optional(),
  ...page,
});
export type ProcessHealthQuery = z.output<typeof ProcessHealthQuery>;
