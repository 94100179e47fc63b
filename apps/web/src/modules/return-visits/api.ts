import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Paged, type QueryParams } from '../../app/api';

export interface VisitListItem {
  id: number;
  status: 'planned' | 'done' | 'cancelled';
  subject: string;
  sourceType: string;
  dueDate: string;
  satisfaction: number | null;
  outcome: string | null;
  complaintId: number | null;
  customerId: number;
  customerName: string;
  ownerName: string;
  version: number;
}

export interface VisitDetail {
  id: number;
  status: 'planned' | 'done' | 'cancelled';
  customerId: number;
  customerName: string;
  sourceType: string;
  deliveryId: number | null;
  deliveryNo: string | null;
  ticketId: number | null;
  ticketNo: string | null;
  surveyTitle: string | null;
  productName: string | null;
  ownerName: string | null;
  repName: string | null;
  engineerName: string | null;
  subject: string;
  script: string;
  dueDate: string;
  outcome: string | null;
  satisfaction: number | null;
  comments: string | null;
  doneAt: string | null;
  doneByName: string | null;
  complaintId: number | null;
  complaintNo: string | null;
  version: number;
  canRecord: boolean;
}

export interface SatisfactionRow {
  label: string;
  visits: number;
  average: string;
  low: number;
  satisfied: number;
}

const keys = {
  all: ['return-visits'] as const,
  list: (q: QueryParams) => ['return-visits', 'list', q] as const,
  detail: (id: number) => ['return-visits', 'detail', id] as const,
};

export function useVisitList(q: QueryParams) {
  return useQuery({
    queryKey: keys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<VisitListItem>>('/api/return-visits', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useVisit(id: number) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiFetch<VisitDetail>(`/api/return-visits/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useRecordVisit(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<VisitDetail>(`/api/return-visits/${id}/record`, { method: 'POST', body }),
    onSuccess: (data) => {
      qc.setQueryData(keys.detail(id), data);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useSatisfaction(q: { groupBy: string; from: string; to: string }) {
  return useQuery({
    queryKey: ['satisfaction', q],
    queryFn: ({ signal }) =>
      apiFetch<{ groupBy: string; items: SatisfactionRow[] }>('/api/satisfaction-results', {
        query: q as unknown as QueryParams,
        signal,
      }),
  });
}
