// Codes shared with the server. In @sales/core they sit beside the zod schemas (opportunities.ts),
// which would pull zod into the web bundle; these copies are checked against the core types instead.
import type {
  ChecklistAuto,
  LostCategory,
  OpportunityAction,
  OpportunityStatus,
  ProposalResponse,
  StageKind,
} from '@sales/core';

export type { ChecklistAuto, LostCategory, OpportunityAction, OpportunityStatus, ProposalResponse, StageKind };

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const satisfies readonly OpportunityStatus[];
export const STAGE_KINDS = ['open', 'won', 'lost'] as const satisfies readonly StageKind[];
export const CHECKLIST_AUTO = [
  'needs_analysis',
  'proposal_sent',
  'proposal_accepted',
] as const satisfies readonly ChecklistAuto[];
export const PROPOSAL_RESPONSES = ['pending', 'accepted', 'rejected'] as const satisfies readonly ProposalResponse[];
export const LOST_CATEGORIES = [
  'price',
  'competitor',
  'budget',
  'timing',
  'no_need',
  'no_response',
  'product',
  'other',
] as const satisfies readonly LostCategory[];

/** Roles in the 销售需求分析表's decision-maker list (NeedsAnalysisInput). */
export const DECISION_ROLES = ['decision', 'influence', 'user', 'other'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
// Compile-time check that every core code is listed here too.
export const CODES_COMPLETE: [
  Missing<OpportunityStatus, (typeof OPPORTUNITY_STATUSES)[number]>,
  Missing<StageKind, (typeof STAGE_KINDS)[number]>,
  Missing<ChecklistAuto, (typeof CHECKLIST_AUTO)[number]>,
  Missing<ProposalResponse, (typeof PROPOSAL_RESPONSES)[number]>,
  Missing<LostCategory, (typeof LOST_CATEGORIES)[number]>,
] = [true, true, true, true, true];

export const STATUS_COLORS: Record<string, string> = { open: 'processing', won: 'success', lost: 'error' };
export const RESPONSE_COLORS: Record<string, string> = { pending: 'default', accepted: 'green', rejected: 'red' };

export const OPPORTUNITY_VIEW = 'opportunity.view';
export const OPPORTUNITY_CREATE = 'opportunity.create';
export const OPPORTUNITY_EDIT = 'opportunity.edit';
export const OPPORTUNITY_DELETE = 'opportunity.delete';
export const OPPORTUNITY_EXPORT = 'opportunity.export';
export const PIPELINE_MANAGE = 'pipeline.manage';
