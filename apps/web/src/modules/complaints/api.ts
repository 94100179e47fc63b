import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';

export type ComplaintStatus = 'open' | 'investigating' | 'decided' | 'closed' | 'cancelled';

export interface ComplaintListItem {
  id: number;
  no: string;
  status: ComplaintStatus;
  category: string;
  severity: string;
  subject: string;
  qualityIncident: boolean;
  decision: string | null;
  verificationResult: string | null;
  customerId: number;
  customerName: string;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
}

export interface ComplaintDetail {
  id: number;
  no: string;
  status: ComplaintStatus;
  customerId: number;
  customerName: string;
  orderId: number | null;
  orderNo: string | null;
  deliveryId: number | null;
  deliveryNo: string | null;
  category: string;
  severity: string;
  subject: string;
  description: string;
  qualityIncident: boolean;
  sourceType: string | null;
  sourceId: number | null;
  ownerName: string | null;
  reportedByName: string | null;
  handlerName: string | null;
  cause: string | null;
  decision: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  compensationAmount: string | null;
  compensationState: string;
  approvalInstanceId: number | null;
  ticketId: number | null;
  ticketNo: string | null;
  ticketStatus: string | null;
  replacementDeliveryId: number | null;
  replacementDeliveryNo: string | null;
  replacementDeliveryStatus: string | null;
  verificationResult: string | null;
  verificationNote: string | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: string;
  investigators: {
    userId: number;
    name: string;
    role: string;
    dueDate: string;
    finding: string | null;
    foundAt: string | null;
  }[];
  affected: {
    deliveryId: number;
    deliveryNo: string;
    customerId: number;
    customerName: string;
    ownerName: string;
    batchNo: string;
    qty: string;
  }[];
  files: { id: number; fileName: string }[];
  actions: string[];
}

export interface ComplaintStat {
  month: string;
  severity: string;
  total: number;
  verified: number;
  unverified: number;
  open: number;
  incidents: number;
}

const keys = {
  all: ['complaints'] as const,
  list: (q: QueryParams) => ['complaints', 'list', q] as const,
  detail: (id: number) => ['complaints', 'detail', id] as const,
};

export function useComplaintList(q: QueryParams) {
  return useQuery({
    queryKey: keys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<ComplaintListItem>>('/api/complaints', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The complaint's compensation approval, for everyone who sees the complaint. */
export function useComplaintApprovals(id: number) {
  return useQuery({
    queryKey: [...keys.detail(id), 'approvals'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApprovalInstance>>(`/api/complaints/${id}/approvals`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useComplaint(id: number) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiFetch<ComplaintDetail>(`/api/complaints/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useComplaintStats(q: { from: string; to: string }) {
  return useQuery({
    queryKey: ['complaints', 'stats', q],
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<ComplaintStat>>('/api/complaints/stats', { query: q as unknown as QueryParams, signal }),
  });
}

export function useCreateComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<ComplaintDetail>('/api/complaints', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

/** One complaint action (investigate, findings, decide, verify, cancel, incident). */
export function useComplaintAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: Record<string, unknown> }) =>
      apiFetch<ComplaintDetail>(`/api/complaints/${id}/${path}`, { method: 'POST', body }),
    onSuccess: (data) => {
      qc.setQueryData(keys.detail(id), data);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}
