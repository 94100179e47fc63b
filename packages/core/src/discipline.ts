import { z } from 'zod';
import { isIsoDate, MoneyString } from './customers.ts';
import { IntId, QueryIntId, VersionNo } from './ids.ts';
import { money } from './money.ts';

/**
 * Discipline (奖惩, SPEC 5.6; seed 000 员工奖惩处理规定): incident records with their error level,
 * the decided penalty or reward, and the person's acknowledgement; rewards recorded too.
 */
export const DISCIPLINE_KINDS = ['incident', 'reward'] as const;
export type DisciplineKind = (typeof DISCIPLINE_KINDS)[number];

export const DISCIPLINE_LEVELS = ['level1', 'level2', 'level3', 'major'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

export const DISCIPLINE_STATUSES = ['draft', 'decided', 'acknowledged', 'void'] as const;
export type DisciplineStatus = (typeof DISCIPLINE_STATUSES)[number];

/** What was decided: 批评警告, 弥补全部损失 + 快乐基金, a penalty the decider sets, or a reward. */
export const DISCIPLINE_OUTCOMES = ['warning', 'compensation', 'penalty', 'reward'] as const;
export type DisciplineOutcome = (typeof DISCIPLINE_OUTCOMES)[number];

/** The policy numbers the level is computed from (policies discipline.*; SPEC 1.5). */
export interface DisciplineThresholds {
  /** 二级: a loss of at least this (seed: 损失在200元以下 is 一级). */
  level2Loss: string;
  /** 三级: a loss of at least this (seed: 损失在1000元以下 is 二级). */
  level3Loss: string;
  /** 重大: a loss of at least this (seed: 3000元以上(含3000元)). */
  majorLoss: string;
  /** 二级: the person's Nth violation this year or later (seed: 本年累计三次以上). */
  level2Repeats: number;
  /** 三级: the person's Nth violation this year or later (seed: 本年累计五次以上). */
  level3Repeats: number;
}

const RANK: Record<DisciplineLevel, number> = { level1: 1, level2: 2, level3: 3, major: 4 };

/** The level a loss alone gives: below level2Loss 一级, below level3Loss 二级, below majorLoss 三级, else 重大. */
export function levelByLoss(loss: string, t: DisciplineThresholds): DisciplineLevel {
  const l = money(loss);
  if (l.gte(t.majorLoss)) return 'major';
  if (l.gte(t.level3Loss)) return 'level3';
  if (l.gte(t.level2Loss)) return 'level2';
  return 'level1';
}

/**
 * The level the yearly repeat count alone gives. `repeatCount` counts this violation too (the 3rd
 * violation of the year is 本年累计三次); "以上" is read as "or more" (SPEC 1.5). A repeat never
 * makes an error 重大 by itself: the seed ties 重大 to the loss only.
 */
export function levelByRepeats(repeatCount: number, t: DisciplineThresholds): DisciplineLevel {
  if (repeatCount >= t.level3Repeats) return 'level3';
  if (repeatCount >= t.level2Repeats) return 'level2';
  return 'level1';
}

/** Seed 000 错误的划分标准: the higher of the level by loss and the level by repeat count ("或"). */
export function disciplineLevel(loss: string, repeatCount: number, t: DisciplineThresholds) {
  const byLoss = levelByLoss(loss, t);
  const byRepeats = levelByRepeats(repeatCount, t);
  const level = RANK[byRepeats] > RANK[byLoss] ? byRepeats : byLoss;
  return { level, byLoss, byRepeats };
}

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const IsoDate = z.string().refine(isIsoDate, dateKey);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const text = (max: number) => z.string().trim().min(1).max(max);

/** The facts of an incident or a reward, recorded as a draft before the decision. */
export const DisciplineInput = z.object({
  kind: z.enum(DISCIPLINE_KINDS),
  personId: IntId,
  occurredOn: IsoDate,
  // Incident: the rule or procedure broken (违反的流程或操作程序); reward: what it is for.
  rule: text(200),
  description: text(4000),
  // Incidents only; a reward carries none.
  lossAmount: MoneyString.default('0'),
});
export type DisciplineInput = z.output<typeof DisciplineInput>;
export const DisciplineUpdateInput = DisciplineInput.extend({ version: VersionNo });
export type DisciplineUpdateInput = z.output<typeof DisciplineUpdateInput>;

/**
 * The decision. A 一级 error is decided by the rule (warning, or full compensation plus the fixed
 * contribution); higher levels take the decider's penalty; a reward its amount.
 */
export const DisciplineDecideInput = z.object({
  version: VersionNo,
  decision: optText(2000),
  compensationAmount: MoneyString.optional(),
  fineAmount: MoneyString.optional(),
  rewardAmount: MoneyString.optional(),
});
export type DisciplineDecideInput = z.output<typeof DisciplineDecideInput>;

export const DisciplineAcknowledgeInput = z.object({ version: VersionNo, comment: optText(1000) });
export type DisciplineAcknowledgeInput = z.output<typeof DisciplineAcknowledgeInput>;

export const DisciplineVoidInput = z.object({ version: VersionNo, reason: text(500) });
export type DisciplineVoidInput = z.output<typeof DisciplineVoidInput>;

export const DisciplineListQuery = z.object({
  personId: QueryIntId.optional(),
  kind: z.enum(DISCIPLINE_KINDS).optional(),
  level: z.enum(DISCIPLINE_LEVELS).optional(),
  status: z.enum(DISCIPLINE_STATUSES).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type DisciplineListQuery = z.output<typeof DisciplineListQuery>;

/** The level a draft would get, for the form's preview. */
export const DisciplineLevelQuery = z.object({
  personId: QueryIntId,
  occurredOn: IsoDate,
  lossAmount: MoneyString.default('0'),
});
export type DisciplineLevelQuery = z.output<typeof DisciplineLevelQuery>;
