/** A claim in the list (GET /api/expense-claims). */
export interface ClaimListItem {
  id: number;
  no: string;
  title: string;
  claimantName: string;
  deptName: string;
  eventTheme: string | null;
  total: string;
  status: string;
  overBudget: boolean;
  rejectReason: string | null;
  createdAt: string;
  submittedAt: string | null;
}

export interface ClaimLine {
  lineNo: number;
  category: string;
  amount: string;
  spentOn: string;
  description: string;
  budgetId: number | null;
}

/** A budget a claim asks of, against what is left of it. */
export interface BudgetAsk {
  id: number;
  category: string;
  deptName: string;
  eventTheme: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  amount: string;
  reserved: string;
  used: string;
  remaining: string;
  claimed: string;
  over: string;
}

export interface ClaimDetail {
  id: number;
  no: string;
  title: string;
  claimantId: number;
  claimantName: string;
  deptName: string;
  eventId: number | null;
  eventTheme: string | null;
  total: string;
  status: string;
  overBudget: boolean;
  overBudgetReason: string | null;
  overrun: string;
  rejectReason: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  paidByName: string | null;
  createdAt: string;
  version: number;
  lines: ClaimLine[];
  budgetCheck: { budgets: BudgetAsk[]; unbudgeted: string; over: string };
  can: { edit: boolean; submit: boolean; delete: boolean; pay: boolean };
}

export interface Budget {
  id: number;
  deptId: number;
  deptName: string;
  eventId: number | null;
  eventTheme: string | null;
  category: string;
  periodStart: string | null;
  periodEnd: string | null;
  amount: string;
  reserved: string;
  used: string;
  remaining: string;
  note: string | null;
  version: number;
  percent: number;
  nearLimit: boolean;
  overrun: boolean;
}

export interface BudgetDetail extends Budget {
  claims: { id: number; no: string; title: string; claimantName: string; status: string; amount: string }[];
}

export interface EventOption {
  id: number;
  theme: string;
  startsAt: string;
}

export interface RepCost {
  repId: number;
  repName: string;
  deptName: string;
  spent: string;
  byCategory: Record<string, string>;
  acquired: number;
  perCustomer: string | null;
}

export interface EventCost {
  eventId: number;
  theme: string;
  startsAt: string;
  spent: string;
  budget: string;
  attended: number;
  deals: number;
  perAttendee: string | null;
  perDeal: string | null;
}

export interface CostPage<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  from: string;
  to: string;
}
