import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type Paged } from '../../app/api';
import { type ApprovalInstance, type ApprovalStatus, approvalKeys } from '../../components/approvalApi';

export type InboxStatus = 'pending' | 'done';

export interface InboxItem {
  taskId: number;
  /** My task: pending / approved / rejected / returned / delegated / cancelled. */
  taskStatus: string;
  step: number;
  stepName: string;
  instanceId: number;
  docType: string;
  docId: number;
  summary: string;
  status: ApprovalStatus;
  facts: Record<string, unknown>;
  /** Facts withheld from this viewer (null in `facts`). */
  maskedFacts?: string[];
  applicantName: string;
  createdAt: string;
  actedAt: string | null;
}

export function useApprovalInbox(status: InboxStatus, page: number, pageSize: number) {
  return useQuery({
    queryKey: approvalKeys.inbox(status, page, pageSize),
    queryFn: ({ signal }) =>
      apiFetch<Paged<InboxItem>>('/api/approvals/inbox', { query: { status, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Pending approvals of the signed-in user (header badge): every minute and when the window regains focus. */
export function useApprovalInboxCount(enabled = true) {
  return useQuery({
    queryKey: approvalKeys.count,
    queryFn: ({ signal }) => apiFetch<{ total: number }>('/api/approvals/inbox/count', { signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
    enabled,
  });
}

export function useApprovalInstance(id: number) {
  return useQuery({
    queryKey: approvalKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<ApprovalInstance>(`/api/approvals/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
