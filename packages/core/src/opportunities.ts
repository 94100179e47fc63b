import { z } from 'zod';
import { isIsoDate, MoneyString } from './customers.ts';
import { BigId, INT_ID_MAX, IntId, QueryBigId, QueryIntId, VersionNo } from './ids.ts';
import { ListViewParam } from './lists.ts';

/** open 进行中, won 赢单, lost 输单. */
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** What a pipeline stage means: an open step of the funnel, or the won / lost end. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/**
 * Checklist items the system ticks itself: needs_analysis when the 销售需求分析表 is saved,
 * proposal_sent when a proposal is recorded as sent, proposal_accepted when the customer accepts one.
 */
export const CHECKLIST_AUTO = ['needs_analysis', 'proposal_sent', 'proposal_accepted'] as const;
export type ChecklistAuto = (typeof CHECKLIST_AUTO)[number];

/** The customer's answer to a proposal: pending 待回复, accepted 接受, rejected 拒绝. */
export const PROPOSAL_RESPONSES = ['pending', 'accepted', 'rejected'] as const;
export type ProposalResponse = (typeof PROPOSAL_RESPONSES)[number];

/**
 * Lost-reason categories for analysis: price 价格, competitor 竞争对手, budget 预算不足,
 * timing 时机/延期, no_need 需求取消, no_response 客户失联, product 产品不符, other 其他.
 */
export const LOST_CATEGORIES = [
  'price',
  'competitor',
  'budget',
  'timing',
  'no_need',
  'no_response',
  'product',
  'other',
] as const;
export type LostCategory = (typeof LOST_CATEGORIES)[number];

/** Actions per status (transitions are data): the server enforces them, the web shows buttons. */
export const OPPORTUNITY_ACTIONS = [
  'edit',
  'move',
  'checklist',
  'win',
  'lose',
  'reopen',
  'delete',
  'needs_analysis',
  'proposal',
] as const;
export type OpportunityAction = (typeof OPPORTUNITY_ACTIONS)[number];

export const OPPORTUNITY_STATUS_ACTIONS: Record<OpportunityStatus, readonly OpportunityAction[]> = {
  open: ['edit', 'move', 'checklist', 'win', 'lose', 'delete', 'needs_analysis', 'proposal'],
  // A closed opportunity changes only by being reopened explicitly.
  won: ['reopen', 'delete'],
  lost: ['reopen', 'delete'],
};

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
/** YYYY-MM-DD or nothing (empty string → null). */
const optDate = z
  .string()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), dateKey);

const Version = VersionNo;

export const OpportunityInput = z.object({
  name: z.string().trim().min(1).max(100),
  customerId: BigId,
  pipelineId: IntId,
  /** Starting stage; the pipeline's first stage when omitted. */
  stageId: IntId.nullish().transform((v) => v ?? null),
  amount: MoneyString.default('0.00'),
  expectedCloseDate: optDate,
  /** null: follow the stage's probability. */
  probability: z
    .number()
    .int()
    .min(0)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
  ownerId: IntId.nullish().transform((v) => v ?? null),
  remark: optText(1000),
});
export type OpportunityInput = z.output<typeof OpportunityInput>;

/** Editable fields; pipeline and stage change only through the stage use cases. */
export const OpportunityUpdateInput = OpportunityInput.omit({ pipelineId: true, stageId: true }).extend({
  version: Version,
});
export type OpportunityUpdateInput = z.output<typeof OpportunityUpdateInput>;

export const OPPORTUNITY_SORTS = ['updatedAt', 'createdAt', 'expectedCloseDate', 'amount', 'no', 'name'] as const;

const dateQuery = z.string().refine(isIsoDate, dateKey).optional();

/** Filters shared by list, count, kanban and export. */
export const OpportunityFilter = z.object({
  keyword: z.string().trim().max(50).optional(),
  pipelineId: QueryIntId.optional(),
  stageId: QueryIntId.optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  ownerId: QueryIntId.optional(),
  deptId: QueryIntId.optional(),
  customerId: QueryBigId.optional(),
  closeFrom: dateQuery,
  closeTo: dateQuery,
  /** 已归档: only the archived ones (deleted within the retention period), for those who may delete. */
  archived: z.stringbool().optional(),
  /** 我负责的 / 下属的 / 全部 (absent: 全部), within the data scope. */
  view: ListViewParam,
});
export type OpportunityFilter = z.output<typeof OpportunityFilter>;

export const OpportunityListQuery = OpportunityFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(OPPORTUNITY_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type OpportunityListQuery = z.output<typeof OpportunityListQuery>;

export const KanbanQuery = OpportunityFilter.omit({ stageId: true, status: true }).extend({
  /** Cards per stage (the per-stage count and amount cover all of them). */
  perStage: z.coerce.number().int().min(1).max(100).default(20),
});
export type KanbanQuery = z.output<typeof KanbanQuery>;

export const MoveStageInput = z.object({
  stageId: IntId,
  version: Version,
  /** Required when the target is a lost stage. */
  lostReason: optText(500),
  lostCategory: z
    .enum(LOST_CATEGORIES)
    .nullish()
    .transform((v) => v ?? null),
  closedOn: optDate,
});
export type MoveStageInput = z.output<typeof MoveStageInput>;

export const WinInput = z.object({ version: Version, closedOn: optDate });
export type WinInput = z.output<typeof WinInput>;

export const LoseInput = z.object({
  version: Version,
  reason: z.string().trim().min(1).max(500),
  category: z
    .enum(LOST_CATEGORIES)
    .nullish()
    .transform((v) => v ?? null),
  closedOn: optDate,
});
export type LoseInput = z.output<typeof LoseInput>;

export const ReopenInput = z.object({
  version: Version,
  /** An open stage; the stage before closing when omitted. */
  stageId: IntId.nullish().transform((v) => v ?? null),
  reason: optText(500),
});
export type ReopenInput = z.output<typeof ReopenInput>;

export const ChecklistInput = z.object({
  stageId: IntId,
  key: z.string().min(1).max(40),
  done: z.boolean(),
  version: Version,
});
export type ChecklistInput = z.output<typeof ChecklistInput>;

/** 销售需求分析表 (SPEC 3.1). */
export const NeedsAnalysisInput = z.object({
  /** Customer's needs (客户需求), the one required answer. */
  needs: z.string().trim().min(1).max(2000),
  budget: MoneyString.nullish().transform((v) => v ?? null),
  budgetNote: optText(500),
  decisionMakers: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(50),
        title: optText(50),
        /** decision 决策者, influence 影响者, user 使用者, other 其他. */
        role: z.enum(['decision', 'influence', 'user', 'other']).default('decision'),
        attitude: optText(100),
      }),
    )
    .max(20)
    .default([]),
  /** Purchase timeline (采购时间计划). */
  timeline: optText(500),
  expectedPurchaseDate: optDate,
  competitors: z
    .array(z.object({ name: z.string().trim().min(1).max(100), strengths: optText(300), weaknesses: optText(300) }))
    .max(20)
    .default([]),
  painPoints: optText(2000),
  remark: optText(1000),
  /** 0 for the first save. */
  version: z.number().int().min(0).max(INT_ID_MAX),
});
export type NeedsAnalysisInput = z.output<typeof NeedsAnalysisInput>;

export const ProposalInput = z.object({
  title: z.string().trim().min(1).max(100),
  /** Products / items offered, as text (the quote module holds priced lines). */
  items: z.string().trim().min(1).max(4000),
  price: MoneyString,
  deliveryTerm: optText(500),
  sentOn: optDate,
  remark: optText(1000),
});
export type ProposalInput = z.output<typeof ProposalInput>;
export const ProposalUpdateInput = ProposalInput.extend({ version: Version });
export type ProposalUpdateInput = z.output<typeof ProposalUpdateInput>;

export const ProposalResponseInput = z.object({
  response: z.enum(PROPOSAL_RESPONSES),
  respondedOn: optDate,
  note: optText(1000),
  version: Version,
});
export type ProposalResponseInput = z.output<typeof ProposalResponseInput>;

const ChecklistItem = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_]+$/, { message: 'validation.invalid_format' }),
  label: z.string().trim().min(1).max(60),
  auto: z
    .enum(CHECKLIST_AUTO)
    .nullish()
    .transform((v) => v ?? null),
});

export const StageInput = z.object({
  /** An existing stage's id; omitted for a new stage. */
  id: IntId.nullish().transform((v) => v ?? null),
  name: z.string().trim().min(1).max(30),
  probability: z.number().int().min(0).max(100),
  kind: z.enum(STAGE_KINDS).default('open'),
  checklist: z.array(ChecklistItem).max(20).default([]),
});
export type StageInput = z.output<typeof StageInput>;

/** A pipeline with its stages in order (open stages first; the won and lost stages close it). */
export const PipelineInput = z.object({
  name: z.string().trim().min(1).max(50),
  active: z.boolean().default(true),
  isDefault: z.boolean().default(false),
  stages: z.array(StageInput).min(3).max(30),
});
export type PipelineInput = z.output<typeof PipelineInput>;
export const PipelineUpdateInput = PipelineInput.extend({ version: Version });
export type PipelineUpdateInput = z.output<typeof PipelineUpdateInput>;
