import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../app/api';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn';
export type ApprovalHistoryAction =
  | 'submit'
  | 'approve'
  | 'reject'
  | 'return'
  | 'withdraw'
  | 'delegate'
  | 'auto_approve';
export type ApprovalDecision = 'approve' | 'reject' | 'return' | 'withdraw' | 'delegate';

export interface ApprovalTask {
  id?: number;
  approverName: string;
  /** pending / approved / rejected / returned / delegated / cancelled. */
  status: string;
  comment: string | null;
  actedAt: string | null;
}

export interface ApprovalStep {
  name: string;
  mode: 'any' | 'all';
  tasks: ApprovalTask[];
}

export interface ApprovalHistoryEntry {
  id?: number;
  action: ApprovalHistoryAction;
  actorName: string | null;
  targetName: string | null;
  comment: string | null;
  at: string;
  step: number | null;
}

/** GET /api/approvals/:id (and each item of a document's approval history). */
export interface ApprovalInstance {
  id: number;
  docType: string;
  docId: number;
  /** Where the document is, when the user may see it. */
  link: string | null;
  ruleName: string;
  summary: string;
  facts: Record<string, unknown>;
  /** Facts withheld from this viewer (null in `facts`), e.g. a contract amount without contract.prices. */
  maskedFacts?: string[];
  status: ApprovalStatus;
  currentStep: number;
  applicantId?: number;
  applicantName: string;
  createdAt?: string;
  finishedAt?: string | null;
  steps: ApprovalStep[];
  actions: ApprovalHistoryEntry[];
  myPendingTask: boolean;
  canWithdraw: boolean;
}

export interface ApprovalActInput {
  comment?: string | null;
  /** return: null = back to the applicant, else an earlier step index. */
  toStep?: number | null;
  /** delegate: the new approver. */
  toUserId?: number;
}

export const approvalKeys = {
  all: ['approvals'] as const,
  count: ['approvals', 'count'] as const,
  inbox: (status: string, page: number, pageSize: number) => ['approvals', 'inbox', status, page, pageSize] as const,
  detail: (id: number) => ['approvals', 'detail', id] as const,
};

/** Cached data of the approved document that an approval decision may change (per doc type). */
const DOC_QUERIES: Record<string, QueryKey[]> = {
  customer_credit: [['customers']],
  price_adjustment: [['products']],
  quote: [['quotes']],
  contract: [['contracts']],
  contract_amendment: [['contracts']],
  order_credit_override: [['orders'], ['stock']],
  emergency_release: [['deliveries']],
  bad_debt_writeoff: [['finance'], ['orders']],
  sales_return: [['returns'], ['stock'], ['deliveries']],
  complaint_compensation: [['complaints']],
  event: [['events']],
  expense_claim: [['expenses']],
  appraisal_objection: [['appraisal'], ['tasks']],
};

/** Approve / reject / return / delegate / withdraw one instance; refreshes inbox, badge, bell and the document. */
export function useApprovalAction(instance: Pick<ApprovalInstance, 'id' | 'docType'>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: ApprovalActInput & { action: ApprovalDecision }) =>
      apiFetch<{ status: ApprovalStatus; step?: number }>(`/api/approvals/${instance.id}/${action}`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      for (const key of DOC_QUERIES[instance.docType] ?? []) void qc.invalidateQueries({ queryKey: key });
    },
  });
}
