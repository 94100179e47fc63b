export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'superseded';
export type PlanRowKind = 'company' | 'department' | 'rep';

export interface PlanListItem {
  id: number;
  year: number;
  planVersion: number;
  title: string;
  status: PlanStatus;
  targetAmount: string | null;
  targetCustomers: number | null;
  createdByName: string;
  approvedAt: string | null;
  updatedAt: string;
}

export interface PlanRowInput {
  deptId: number;
  userId: number | null;
  amounts: string[];
  customers: number[];
}

export interface PlanRow extends PlanRowInput {
  key: string;
  name: string;
  kind: PlanRowKind;
  parentKey: string | null;
  depth: number;
  totalAmount: string;
  totalCustomers: number;
  editable: boolean;
}

export interface LastYearRow {
  key: string;
  amounts: string[];
  customers: number[];
  totalAmount: string;
  totalCustomers: number;
}

export interface PlanVersion {
  id: number;
  planVersion: number;
  status: PlanStatus;
  submittedAt: string | null;
  approvedAt: string | null;
  supersededAt: string | null;
  updatedAt: string;
}

export interface PlanDetail {
  id: number;
  year: number;
  planVersion: number;
  title: string;
  status: PlanStatus;
  targetAmount: string | null;
  targetCustomers: number | null;
  note: string | null;
  basedOnId: number | null;
  createdByName: string;
  submittedAt: string | null;
  approvedAt: string | null;
  version: number;
  rows: PlanRow[];
  lastYear: LastYearRow[] | null;
  versions: PlanVersion[];
  actions: { edit: boolean; editTask: boolean; submit: boolean; revise: boolean };
}

export interface PlanBaseline {
  year: number;
  growth: string;
  targetAmount: string;
  targetCustomers: number;
  rows: PlanRowInput[];
}

export interface VsActualRow {
  key: string;
  name: string;
  kind: PlanRowKind;
  depth: number;
  deptId: number | null;
  userId: number | null;
  targetAmount: string;
  actualAmount: string;
  amountRate: string | null;
  targetCustomers: number;
  actualCustomers: number;
  customersRate: string | null;
}

export interface VsActual {
  year: number;
  period: 'month' | 'quarter' | 'year';
  index: number;
  from: string;
  to: string;
  planId: number | null;
  planVersion: number | null;
  rows: VsActualRow[];
}

export interface LeadTargets {
  year: number;
  month: number;
  months: number;
  from: string;
  to: string;
  leads: number;
  deals: number;
  rate: string | null;
  planId: number | null;
  rows: { key: string; name: string; kind: PlanRowKind; depth: number; target: number; leadTarget: number | null }[];
}

export interface WorkPlan {
  id: number;
  userId: number;
  userName: string;
  deptName: string;
  month: string;
  goals: string;
  customers: string | null;
  activities: string | null;
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  version: number;
  updatedAt: string;
  editable?: boolean;
}

export interface MissingWorkPlans {
  month: string;
  dueDate: string;
  items: { userId: number; name: string; deptName: string; status: 'none' | 'draft' }[];
  /** More people are missing than the list shows. */
  more: boolean;
}
