import { z } from 'zod';
import { VersionNo } from './ids.ts';
import { money } from './money.ts';

/**
 * Appraisal schemes (考核方案, SPEC 5.2): the period kind, the indicators with weights (seed 003
 * 销售业绩占比[X]%, 客户满意度占比[X]%, 服务响应时间占比[X]%) and each indicator's scoring rule.
 */
export const APPRAISAL_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type AppraisalPeriodKind = (typeof APPRAISAL_PERIOD_KINDS)[number];

/** The period text of each kind: 2026-05, 2026-Q2, 2026. */
const PERIOD_FORMS: Record<AppraisalPeriodKind, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};
export const isPeriodOfKind = (kind: AppraisalPeriodKind, v: string) => PERIOD_FORMS[kind].test(v);

/** The kind a period text is of (null when it is none). */
export function periodKindOf(v: string): AppraisalPeriodKind | null {
  return APPRAISAL_PERIOD_KINDS.find((k) => PERIOD_FORMS[k].test(v)) ?? null;
}

/**
 * Seed 002 deductions and seed 000's internal-error returns (deduction rule only), and the scored indicators from the indicator engine and
 * the modules' data. 'manual' is the supervisor's line, never a scheme row.
 */
export const DEDUCTION_INDICATORS = ['revenue', 'profit', 'export', 'complaints', 'discipline', 'returns'] as const;
export const SCORED_INDICATORS = [
  'revenue',
  'sales_volume',
  'new_customers',
  'collections',
  'growth',
  'satisfaction',
  'sla_response',
  'training',
] as const;
export const SCHEME_INDICATOR_CODES = [
  'revenue',
  'profit',
  'export',
  'complaints',
  'discipline',
  'returns',
  'sales_volume',
  'new_customers',
  'collections',
  'growth',
  'satisfaction',
  'sla_response',
  'training',
] as const;
export type SchemeIndicatorCode = (typeof SCHEME_INDICATOR_CODES)[number];

export const SCORING_RULES = ['deduction', 'linear', 'threshold'] as const;
export type ScoringRule = (typeof SCORING_RULES)[number];
export const THRESHOLD_BASES = ['actual', 'percent'] as const;
export type ThresholdBasis = (typeof THRESHOLD_BASES)[number];

/** One band of a threshold rule: a value at or above `from` earns `points`. */
export interface ThresholdBand {
  from: string;
  points: string;
}

/** One indicator row of a scheme. */
export interface SchemeIndicator {
  code: string;
  weight: number;
  /** Absent on rows stored before schemes had rules: deduction (seed 002). */
  rule?: ScoringRule;
  /** Per-person target of the period (revenue: the plan's cells instead). */
  target?: string | null;
  /** linear: the completion ratio counted at most (default 1). */
  capRatio?: string;
  /** threshold: what the bands read, the actual figure or the completion percent. */
  basis?: ThresholdBasis;
  bands?: ThresholdBand[];
}

/** How one indicator scored under its rule (the page words it). */
export interface ScoredResult {
  state: 'no_target' | 'met' | 'below' | 'no_data';
  completionPercent: string | null;
  points: string;
  capped: boolean;
}

/**
 * Linear to target: points = weight × min(actual / target, capRatio), 2 decimals rounded down (a
 * point is never given that was not earned). No or zero target: 无目标, 0 points. Missing data is
 * an actual of 0.
 */
export function linearPoints(weight: string | number, target: string | null, actual: string | null, capRatio = '1') {
  if (target === null || money(target).lte(0))
    return { state: 'no_target', completionPercent: null, points: '0.00', capped: false } satisfies ScoredResult;
  const ratio = money(actual ?? '0').div(target);
  const capped = ratio.gt(capRatio);
  const used = capped ? money(capRatio) : ratio.isNegative() ? money(0) : ratio;
  return {
    state: ratio.gte(1) ? 'met' : 'below',
    completionPercent: ratio.times(100).toDecimalPlaces(2, 1).toFixed(2),
    points: money(weight).times(used).toDecimalPlaces(2, 1).toFixed(2),
    capped,
  } satisfies ScoredResult;
}

/**
 * Threshold bands: the band with the highest `from` the value reaches gives its points; below every
 * band 0. With basis 'percent' the value is actual / target × 100 (无目标 without a target); no
 * data at all (null actual) earns nothing and says so.
 */
export function thresholdPoints(
  bands: ThresholdBand[],
  actual: string | null,
  basis: ThresholdBasis = 'actual',
  target: string | null = null,
): ScoredResult & { band: ThresholdBand | null } {
  if (actual === null) return { state: 'no_data', completionPercent: null, points: '0.00', capped: false, band: null };
  let value = money(actual);
  let completionPercent: string | null = null;
  if (basis === 'percent') {
    if (target === null || money(target).lte(0))
      return { state: 'no_target', completionPercent: null, points: '0.00', capped: false, band: null };
    value = value.div(target).times(100);
    completionPercent = value.toDecimalPlaces(2, 1).toFixed(2);
  }
  const band = [...bands].sort((a, b) => money(b.from).cmp(a.from)).find((b) => value.gte(b.from)) ?? null;
  return {
    state: band ? 'met' : 'below',
    completionPercent,
    points: money(band?.points ?? '0').toFixed(2),
    capped: false,
    band,
  };
}

const key = (k: string) => ({ message: k, params: { key: k } });
const DEC = /^\d{1,12}(\.\d{1,2})?$/;
const Dec = z
  .string()
  .trim()
  .refine((v) => DEC.test(v), key('appraisal.scheme_number_invalid'));

export const SchemeIndicatorInput = z.object({
  code: z.enum(SCHEME_INDICATOR_CODES),
  weight: z.number().int(),
  rule: z.enum(SCORING_RULES),
  target: Dec.nullish().transform((v) => v ?? null),
  capRatio: Dec.optional(),
  basis: z.enum(THRESHOLD_BASES).optional(),
  bands: z
    .array(z.object({ from: Dec, points: Dec }))
    .max(10)
    .optional(),
});
export type SchemeIndicatorInput = z.output<typeof SchemeIndicatorInput>;

// The cross-field checks below run even when a number itself was refused (that issue is already
// reported under its field): they read only the numbers that parsed.
const isDec = (v: string) => DEC.test(v);

/** Checks a scheme's rows; each issue names the row (indicators.N.field) so the form marks it. */
function checkIndicators(rows: SchemeIndicatorInput[], c: z.RefinementCtx) {
  const issue = (path: (string | number)[], k: string, params: Record<string, unknown> = {}) =>
    c.addIssue({ code: 'custom', path, message: k, params: { key: k, ...params } });
  const seen = new Set<string>();
  let sum = 0;
  rows.forEach((r, i) => {
    const row = i + 1;
    if (seen.has(r.code)) issue(['indicators', i, 'code'], 'appraisal.scheme_duplicate', { row });
    seen.add(r.code);
    if (r.weight <= 0 || r.weight > 100) issue(['indicators', i, 'weight'], 'appraisal.scheme_weight_invalid', { row });
    sum += r.weight;
    const deductionOnly = (DEDUCTION_INDICATORS as readonly string[]).includes(r.code) && r.code !== 'revenue';
    const scoredOnly = !(DEDUCTION_INDICATORS as readonly string[]).includes(r.code);
    if ((deductionOnly && r.rule !== 'deduction') || (scoredOnly && r.rule === 'deduction'))
      issue(['indicators', i, 'rule'], 'appraisal.scheme_rule_invalid', { row });
    if (r.rule === 'linear') {
      if (r.capRatio !== undefined && isDec(r.capRatio) && (money(r.capRatio).lt(1) || money(r.capRatio).gt(2)))
        issue(['indicators', i, 'capRatio'], 'appraisal.scheme_cap_invalid', { row });
      if (r.code !== 'revenue' && r.target === null)
        issue(['indicators', i, 'target'], 'appraisal.scheme_target_required', { row });
    }
    if (r.rule === 'threshold') {
      if ((r.bands ?? []).length === 0) issue(['indicators', i, 'bands'], 'appraisal.scheme_bands_required', { row });
      const bands = (r.bands ?? []).filter((b) => isDec(b.from) && isDec(b.points));
      const froms = new Set(bands.map((b) => money(b.from).toFixed(2)));
      if (froms.size !== bands.length) issue(['indicators', i, 'bands'], 'appraisal.scheme_bands_duplicate', { row });
      if (bands.some((b) => money(b.points).gt(r.weight)))
        issue(['indicators', i, 'bands'], 'appraisal.scheme_band_points_invalid', { row });
      if (r.basis === 'percent' && r.code !== 'revenue' && r.target === null)
        issue(['indicators', i, 'target'], 'appraisal.scheme_target_required', { row });
    }
  });
  if (rows.length > 0 && sum !== 100) issue(['indicators'], 'appraisal.scheme_weights_sum', { sum });
}

const name = z.string().trim().min(1).max(100);

export const AppraisalSchemeCreate = z
  .object({
    name,
    periodKind: z.enum(APPRAISAL_PERIOD_KINDS),
    indicators: z.array(SchemeIndicatorInput).min(1).max(20),
  })
  .superRefine((v, c) => checkIndicators(v.indicators, c));
export type AppraisalSchemeCreate = z.output<typeof AppraisalSchemeCreate>;

/** A change makes the next version; the period kind stays (the failed-periods streak counts its periods). */
export const AppraisalSchemeUpdate = z
  .object({ version: VersionNo, name, indicators: z.array(SchemeIndicatorInput).min(1).max(20) })
  .superRefine((v, c) => checkIndicators(v.indicators, c));
export type AppraisalSchemeUpdate = z.output<typeof AppraisalSchemeUpdate>;

export const AppraisalSchemeDeactivate = z.object({ version: VersionNo });
export type AppraisalSchemeDeactivate = z.output<typeof AppraisalSchemeDeactivate>;
