import { z } from 'zod';
import { SCHEME_INDICATOR_CODES } from './appraisal-schemes.ts';
import { VersionNo } from './ids.ts';
import { money } from './money.ts';

/**
 * Performance appraisal (绩效考核, SPEC 5.2; seed 002 公司营销工作考核细则, seed 003 绩效考核): a monthly
 * run scores every person in the runner's scope from the system's data, each figure with its evidence.
 */
// The scheme's indicator codes and the supervisor's manual line.
export const APPRAISAL_INDICATORS = [...SCHEME_INDICATOR_CODES, 'manual'] as const;
export type AppraisalIndicator = (typeof APPRAISAL_INDICATORS)[number];

/** How an item came about: computed from data, entered by the supervisor, or an approved objection. */
export const APPRAISAL_ITEM_KINDS = ['auto', 'manual', 'adjustment'] as const;
export type AppraisalItemKind = (typeof APPRAISAL_ITEM_KINDS)[number];

export const APPRAISAL_RUN_STATUSES = ['open', 'closed'] as const;
export type AppraisalRunStatus = (typeof APPRAISAL_RUN_STATUSES)[number];

/**
 * pending → acknowledged, or objected (under approval, appraisal_objection) → adjusted (approved) /
 * rejected (the score stays); a withdrawn or returned objection goes back to pending.
 */
export const APPRAISAL_RESULT_STATUSES = ['pending', 'acknowledged', 'objected', 'adjusted', 'rejected'] as const;
export type AppraisalResultStatus = (typeof APPRAISAL_RESULT_STATUSES)[number];

export const OBJECTION_DECISIONS = ['accept', 'reject'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];

/** The target state of a target-based indicator: 无目标 (none or zero), met, or below. */
export const TARGET_STATES = ['no_target', 'met', 'below'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

export interface ShortfallResult {
  state: TargetState;
  /** actual / target × 100, 2 decimals (null without a target). */
  completionPercent: string | null;
  /** Whole percents below the target (seed 002: 每降1%). */
  percentsBelow: number;
  /** Points deducted (positive), after the indicator's cap. */
  points: string;
  /** True when the cap (the indicator's weight) cut the deduction. */
  capped: boolean;
}

/**
 * Seed 002 考核细则: 完成营业收入指标每降1%,扣0.5分 (利润 0.5, 外销 1). "每降1%" counts each FULL
 * percent the completion falls below 100 %: 95.4 % is 4.6 % below → 4 whole percents → 2 points;
 * 95 % exactly → 5 → 2.5. A target of zero or none is 无目标 and deducts nothing. Missing data is an
 * actual of 0 (100 % below). An indicator never loses more than its weight (its share of the 100
 * points, seed 003 销售业绩占比[X]%), so `cap` bounds the deduction.
 */
export function shortfallPoints(
  target: string | null,
  actual: string | null,
  pointsPerPercent: string,
  cap: string | null = null,
): ShortfallResult {
  if (target === null || money(target).lte(0))
    return { state: 'no_target', completionPercent: null, percentsBelow: 0, points: '0.00', capped: false };
  const a = money(actual ?? '0');
  const completion = a.div(target).times(100);
  const below = money(100).minus(completion);
  const percentsBelow = below.gt(0) ? below.floor().toNumber() : 0;
  let points = money(percentsBelow).times(pointsPerPercent);
  let capped = false;
  if (cap !== null && points.gt(cap)) {
    points = money(cap);
    capped = true;
  }
  return {
    state: percentsBelow > 0 ? 'below' : 'met',
    completionPercent: completion.toDecimalPlaces(2, 1).toFixed(2),
    percentsBelow,
    points: points.toFixed(2),
    capped,
  };
}

/** Points of a supervisor's item or an adjustment: −100 … 100, at most 2 decimals, not 0. */
const POINTS = /^-?\d{1,3}(\.\d{1,2})?$/;
const pointsKey = { message: 'appraisal.points_invalid', params: { key: 'appraisal.points_invalid' } };
export const PointsString = z
  .string()
  .trim()
  .refine((v) => POINTS.test(v) && money(v).abs().lte(100) && !money(v).isZero(), pointsKey);

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const periodKey = { message: 'appraisal.period_invalid', params: { key: 'appraisal.period_invalid' } };
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * Run a scheme (the default one when absent) over a period of its kind — 'YYYY-MM', 'YYYY-Qn' or
 * 'YYYY' — for the people in the runner's scope. The server checks the form against the scheme's kind.
 */
export const AppraisalRunInput = z.object({
  period: z
    .string()
    .trim()
    .refine((v) => PERIOD.test(v), periodKey),
  schemeId: z.coerce.number().int().positive().optional(),
});
export type AppraisalRunInput = z.output<typeof AppraisalRunInput>;

export const AppraisalListQuery = z.object({
  status: z.enum(APPRAISAL_RUN_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AppraisalListQuery = z.output<typeof AppraisalListQuery>;

/**
 * The supervisor's score of a manual indicator (团队协作, 技能 …) with its evidence in words. After
 * the run is closed it is a correction: the reason is required and the result gets a new version.
 */
export const AppraisalManualInput = z.object({
  version: VersionNo,
  label: text(100),
  points: PointsString,
  evidence: text(2000),
  reason: optText(1000),
});
export type AppraisalManualInput = z.output<typeof AppraisalManualInput>;

export const AppraisalAcknowledgeInput = z.object({ version: VersionNo, comment: optText(1000) });
export type AppraisalAcknowledgeInput = z.output<typeof AppraisalAcknowledgeInput>;

/**
 * The person's objection: the reason and the points they ask the score to be adjusted by (signed,
 * −100 … 100, not 0). It goes through the approval engine (appraisal_objection); the approved
 * points become an adjustment item.
 */
export const AppraisalObjectInput = z.object({ version: VersionNo, reason: text(2000), points: PointsString });
export type AppraisalObjectInput = z.output<typeof AppraisalObjectInput>;

export const AppraisalCloseInput = z.object({ version: VersionNo });
export type AppraisalCloseInput = z.output<typeof AppraisalCloseInput>;

/** One score tier of the bonus: a score at or above `minScore` earns `coefficient` × the base bonus. */
export interface BonusTier {
  minScore: string;
  coefficient: string;
}

export interface BonusRules {
  /** Any order; the highest tier whose minScore the score reaches applies; below all tiers: 0. */
  tiers: BonusTier[];
  /** The person's base bonus per month (money, 2 decimals). */
  base: string;
  /** The most one result earns in a month (money, 2 decimals). */
  cap: string;
  /** The scheme's pass mark (policy appraisal.passMark): a failed month earns nothing, whatever the tiers. */
  passMark: string;
}

export interface BonusResult {
  coefficient: string;
  /** base × coefficient, capped; money string with 2 decimals. */
  amount: string;
  /** True when the cap cut the amount. */
  capped: boolean;
}

/**
 * The monthly bonus of a result (绩效奖金). Seed 003 绩效考核: 根据评估结果进行奖惩, 对于绩效优秀的员工,
 * 给予奖金 — the seed names the bonus but not its amounts, so the formula is company policy
 * (policies appraisal.bonus*): the score's tier gives a coefficient (defaults ≥95 → 1.2, ≥85 → 1.0,
 * ≥75 → 0.8, ≥60 → 0.5, below → 0; and below the pass mark nothing, whatever the tiers say),
 * times the base bonus (default ¥2,000.00), never more than the cap (default ¥3,000.00), so a
 * raised base or coefficient cannot pay out without limit. Decimal throughout, rounded half up to
 * the fen: 94.99 is tier ≥85, not ≥95.
 */
export function bonusOf(score: string, rules: BonusRules): BonusResult {
  const s = money(score);
  if (s.lt(rules.passMark)) return { coefficient: '0.00', amount: '0.00', capped: false };
  const tier = [...rules.tiers].sort((a, b) => money(b.minScore).cmp(a.minScore)).find((t) => s.gte(t.minScore));
  const coefficient = money(tier?.coefficient ?? '0');
  let amount = money(rules.base).times(coefficient).toDecimalPlaces(2);
  let capped = false;
  if (amount.gt(rules.cap)) {
    amount = money(rules.cap);
    capped = true;
  }
  return { coefficient: coefficient.toFixed(2), amount: amount.toFixed(2), capped };
}

export const APPRAISAL_AWARDS = ['sales_champion', 'best_customer_development', 'best_service'] as const;
export type AppraisalAward = (typeof APPRAISAL_AWARDS)[number];

/** What the awards are chosen from: one line per result of the run. */
export interface AwardCandidate {
  personId: number;
  personName: string;
  score: string;
  /** New customers of the person in the period (the analytics measure new_customers). */
  newCustomers: number;
  /** The complaint deduction of the result (positive points, 0 without complaints). */
  complaintPoints: string;
  /** Average return-visit satisfaction (1–5, 2 decimals) in the period; null without visits. */
  satisfaction: string | null;
}

/** Why the award went to the person: the figures the rule compared (the page words them). */
export interface AwardBasis {
  score?: string;
  newCustomers?: number;
  complaintPoints?: string;
  satisfaction?: string | null;
}

export interface AwardWinner {
  award: AppraisalAward;
  personId: number;
  personName: string;
  basis: AwardBasis;
}

/** The single best of `list` (first under `cmp`), or null on a tie for the best or an empty list. */
function sole<T>(list: T[], cmp: (a: T, b: T) => number): T | null {
  if (list.length === 0) return null;
  const sorted = [...list].sort(cmp);
  if (sorted.length > 1 && cmp(sorted[0], sorted[1]) === 0) return null;
  return sorted[0];
}

/**
 * The awards of a run (issue: 销售冠军, 最佳客户开发, 最佳服务 from the ranking), each to exactly one
 * person or to nobody — the company gives no shared awards (company policy, the seed is silent):
 * - 销售冠军: the highest score; a tie for first names no champion (as the ranking does).
 * - 最佳客户开发: the most new customers in the period; a tie, or nobody with a new customer: none.
 * - 最佳服务: among those who passed (score ≥ pass mark — a failed month is not "best" anything), if
 *   any of them has return-visit satisfaction in the period, the ones with the best average
 *   satisfaction, and of those the fewest complaint points; without any satisfaction, the fewest
 *   complaint points among those who passed. A tie at the end: none.
 */
export function pickAwards(candidates: AwardCandidate[], passMark: string): AwardWinner[] {
  const out: AwardWinner[] = [];
  const champ = sole(candidates, (a, b) => money(b.score).cmp(a.score));
  if (champ)
    out.push({
      award: 'sales_champion',
      personId: champ.personId,
      personName: champ.personName,
      basis: { score: champ.score },
    });
  const dev = sole(
    candidates.filter((c) => c.newCustomers > 0),
    (a, b) => b.newCustomers - a.newCustomers,
  );
  if (dev)
    out.push({
      award: 'best_customer_development',
      personId: dev.personId,
      personName: dev.personName,
      basis: { newCustomers: dev.newCustomers },
    });
  const passed = candidates.filter((c) => money(c.score).gte(passMark));
  const rated = passed.filter((c) => c.satisfaction !== null);
  let pool = passed;
  if (rated.length > 0) {
    const best = rated.reduce(
      (m, c) => (money(c.satisfaction as string).gt(m) ? money(c.satisfaction as string) : m),
      money(0),
    );
    pool = rated.filter((c) => money(c.satisfaction as string).eq(best));
  }
  const svc = sole(pool, (a, b) => money(a.complaintPoints).cmp(b.complaintPoints));
  if (svc)
    out.push({
      award: 'best_service',
      personId: svc.personId,
      personName: svc.personName,
      basis: { complaintPoints: svc.complaintPoints, satisfaction: svc.satisfaction },
    });
  return out;
}

/** One evidence record behind an item: a link to the record's page and the figure it adds. */
export interface EvidenceRecord {
  type: 'order' | 'sales_return' | 'complaint' | 'discipline_record' | 'plan';
  id: number;
  no: string;
  date?: string;
  amount?: string;
  points?: string;
  label?: string;
}

/** What an item was computed from: target, actual, the rule applied, and the records. */
export interface ItemEvidence {
  target?: string | null;
  actual?: string | null;
  completionPercent?: string | null;
  percentsBelow?: number;
  pointsPerPercent?: string;
  cap?: string;
  capped?: boolean;
  state?: 'no_target' | 'met' | 'below' | 'no_data';
  counts?: Record<string, number>;
  /** Scored rules: the rule, the indicator's weight and the rule's parameters. */
  rule?: 'deduction' | 'linear' | 'threshold';
  weight?: string;
  capRatio?: string;
  basis?: 'actual' | 'percent';
  bands?: { from: string; points: string }[];
  /** The band the value reached (threshold), null below every band. */
  band?: { from: string; points: string } | null;
  /** What `actual` measures: money, a count, a quantity, a percent or a 1–5 score. */
  unit?: 'money' | 'count' | 'qty' | 'percent' | 'score';
  /** Growth: the same period a year earlier. */
  previous?: string | null;
  records?: EvidenceRecord[];
}
