import { z } from 'zod';
import { isIsoDate, MoneyString } from './customers.ts';
import { IntId, VersionNo } from './ids.ts';

/**
 * Sales plans and targets (销售目标与计划, SPEC 2.1): an annual plan per company with the assigned
 * task (amount and number of customers) broken down to months and to departments → teams → reps.
 * Each version goes through approval; the approved one is in force until a newer version is approved.
 */
export const SALES_PLAN_STATUSES = ['draft', 'submitted', 'approved', 'superseded'] as const;
export type SalesPlanStatus = (typeof SALES_PLAN_STATUSES)[number];

/** Months of a plan row: index 0 = January. */
export const PLAN_MONTHS = 12;

const Count = z.number().int().min(0).max(100_000_000);

/** One row of the plan grid: a department (userId null) or a rep in their department; 12 months each. */
export const SalesPlanRowInput = z.object({
  deptId: IntId,
  userId: IntId.nullish().transform((v) => v ?? null),
  amounts: z.array(MoneyString).length(PLAN_MONTHS),
  customers: z.array(Count).length(PLAN_MONTHS),
});
export type SalesPlanRowInput = z.output<typeof SalesPlanRowInput>;

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const SalesPlanCreateInput = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(100),
  targetAmount: MoneyString,
  targetCustomers: Count,
  note: optText(1000),
  rows: z.array(SalesPlanRowInput).max(500).default([]),
});
export type SalesPlanCreateInput = z.output<typeof SalesPlanCreateInput>;

export const SalesPlanUpdateInput = SalesPlanCreateInput.omit({ year: true }).extend({ version: VersionNo });
export type SalesPlanUpdateInput = z.output<typeof SalesPlanUpdateInput>;

export const SalesPlanListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type SalesPlanListQuery = z.output<typeof SalesPlanListQuery>;

export const VersionBody = z.object({ version: VersionNo });

/** Plan vs actual: a period (month, quarter or the year) and a level (company / department / rep rows). */
export const PLAN_PERIODS = ['month', 'quarter', 'year'] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];
export const PlanVsActualQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  period: z.enum(PLAN_PERIODS).default('month'),
  // 1–12 for a month, 1–4 for a quarter; absent = the current one.
  index: z.coerce.number().int().min(1).max(12).optional(),
});
export type PlanVsActualQuery = z.output<typeof PlanVsActualQuery>;

/** The plan in force's monthly amounts for one row: a department (its subtree) or the top of the viewer's scope. */
export const MonthlyTargetsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  departmentId: z.coerce.number().int().positive().optional(),
});
export type MonthlyTargetsQuery = z.output<typeof MonthlyTargetsQuery>;

export const LeadTargetQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
});
export type LeadTargetQuery = z.output<typeof LeadTargetQuery>;

/** Personal monthly work plan (个人月度工作计划, 4S manual 1.1 and 公司销售人员管理流程 准备). */
export const WORK_PLAN_STATUSES = ['draft', 'submitted'] as const;
export type WorkPlanStatus = (typeof WORK_PLAN_STATUSES)[number];

/** A month as 'YYYY-MM'. */
export const MonthString = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.month')
  .refine((v) => isIsoDate(`${v}-01`), { message: 'validation.month', params: { key: 'validation.month' } });

export const WorkPlanInput = z.object({
  month: MonthString,
  goals: z.string().trim().min(1).max(2000),
  customers: optText(2000),
  activities: optText(2000),
  submit: z.boolean().default(false),
});
export type WorkPlanInput = z.output<typeof WorkPlanInput>;

export const WorkPlanUpdateInput = WorkPlanInput.omit({ month: true }).extend({ version: VersionNo });
export type WorkPlanUpdateInput = z.output<typeof WorkPlanUpdateInput>;

export const WorkPlanListQuery = z.object({
  month: MonthString.optional(),
  // '1': only the signed-in user's own plans (我的月度工作计划).
  mine: z.enum(['1']).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type WorkPlanListQuery = z.output<typeof WorkPlanListQuery>;

export const WorkPlanMissingQuery = z.object({ month: MonthString.optional() });

/** A first draft from last year's actuals, raised by `growth` percent (−100 … 1000, 2 decimals). */
export const PlanBaselineQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  growth: z
    .string()
    .trim()
    .regex(/^-?\d{1,4}(\.\d{1,2})?$/, 'plans.growth_invalid')
    .refine((v) => Number(v) >= -100 && Number(v) <= 1000, 'plans.growth_invalid')
    .default('0'),
});
export type PlanBaselineQuery = z.output<typeof PlanBaselineQuery>;
