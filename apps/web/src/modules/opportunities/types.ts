import type { ListView } from '../../components/useListViews';
import type {
  ChecklistAuto,
  DecisionRole,
  OpportunityAction,
  OpportunityStatus,
  ProposalResponse,
  StageKind,
} from './constants';

export interface ChecklistItemDef {
  key: string;
  label: string;
  auto: ChecklistAuto | null;
}

export interface PipelineStage {
  id: number;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
  checklist: ChecklistItemDef[];
}

export interface Pipeline {
  id: number;
  code: string | null;
  name: string;
  isDefault: boolean;
  active: boolean;
  version: number;
  updatedAt?: string;
  stages: PipelineStage[];
}

export interface PipelineStageInput {
  id: number | null;
  name: string;
  probability: number;
  kind: StageKind;
  checklist: ChecklistItemDef[];
}

export interface PipelineInput {
  name: string;
  active: boolean;
  isDefault: boolean;
  stages: PipelineStageInput[];
  version?: number;
}

export interface OpportunityListItem {
  id: number;
  no: string;
  name: string;
  customerId: number;
  customerName: string;
  pipelineId: number;
  pipelineName: string;
  stageId: number;
  stageName: string;
  stageKind: StageKind;
  status: OpportunityStatus;
  /** Decimal string, e.g. "1234.50". */
  amount: string;
  probability: number;
  expectedCloseDate: string | null;
  closedOn: string | null;
  lostReason: string | null;
  ownerId: number;
  ownerName: string | null;
  deptName: string | null;
  version: number;
  checklistDone: number;
  checklistTotal: number;
  createdAt: string;
  updatedAt: string;
}

export interface KanbanStage extends PipelineStage {
  count: number;
  amount: string;
  weightedAmount: string;
  cards: OpportunityListItem[];
}

export interface KanbanData {
  pipeline: { id: number; name: string; isDefault: boolean; active: boolean };
  stages: KanbanStage[];
  open: { count: number; amount: string; weightedAmount: string };
}

export interface ChecklistItemState extends ChecklistItemDef {
  done: boolean;
  doneAt: string | null;
  doneByName: string | null;
}

export interface DetailStage {
  id: number;
  name: string;
  position: number;
  kind: StageKind;
  probability: number;
  current: boolean;
  checklist: ChecklistItemState[];
}

export interface DecisionMaker {
  name: string;
  title: string | null;
  role: DecisionRole;
  attitude: string | null;
}

export interface Competitor {
  name: string;
  strengths: string | null;
  weaknesses: string | null;
}

export interface NeedsAnalysisData {
  needs: string;
  budget: string | null;
  budgetNote: string | null;
  decisionMakers: DecisionMaker[];
  timeline: string | null;
  expectedPurchaseDate: string | null;
  competitors: Competitor[];
  painPoints: string | null;
  remark: string | null;
}

export interface NeedsAnalysis extends NeedsAnalysisData {
  version: number;
  updatedByName: string | null;
  updatedAt: string;
}

export interface Proposal {
  id: number;
  opportunityId: number;
  title: string;
  items: string;
  price: string;
  deliveryTerm: string | null;
  sentOn: string | null;
  response: ProposalResponse;
  respondedOn: string | null;
  responseNote: string | null;
  remark: string | null;
  version: number;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalInput {
  title: string;
  items: string;
  price: string;
  deliveryTerm: string | null;
  sentOn: string | null;
  remark: string | null;
}

export interface OpportunityDetail extends Omit<OpportunityListItem, 'checklistDone' | 'checklistTotal'> {
  customerNo: string;
  probabilityOverride: number | null;
  lostCategory: string | null;
  remark: string | null;
  ownerDeptId: number;
  createdByName: string | null;
  stages: DetailStage[];
  missingToAdvance: string[];
  allowedActions: OpportunityAction[];
  needsAnalysis: NeedsAnalysis | null;
  proposals: Proposal[];
}

export interface OpportunityInput {
  name: string;
  customerId: number;
  amount: string;
  expectedCloseDate: string | null;
  probability: number | null;
  ownerId: number | null;
  remark: string | null;
  /** Create only: pipeline and starting stage change later only through stage moves. */
  pipelineId?: number;
  stageId?: number | null;
  version?: number;
}

// a type alias (not interface) so it is assignable to QueryParams
export type OpportunityFilters = {
  /** 我负责的 / 下属的 / 全部 (absent: 全部). */
  view?: ListView;
  keyword?: string;
  pipelineId?: number;
  stageId?: number;
  status?: OpportunityStatus;
  ownerId?: number;
  customerId?: number;
  closeFrom?: string;
  closeTo?: string;
  sort?: string;
  order?: 'asc' | 'desc';
};
