import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';
import type { TimelineChange } from '../../components/Timeline';
import type {
  BatchHit,
  DeliveryDetail,
  DeliveryFilters,
  DeliveryInput,
  DeliveryListItem,
  TraceBatch,
  TraceCustomer,
  TraceCustomerHit,
  TraceDeliveryLines,
} from './types';

export const deliveryKeys = {
  all: ['deliveries'] as const,
  list: (params: QueryParams) => ['deliveries', 'list', params] as const,
  detail: (id: number) => ['deliveries', 'detail', id] as const,
  timeline: (id: number) => ['deliveries', 'detail', id, 'timeline'] as const,
  trace: ['trace'] as const,
};

/** The emergency-release approvals of the note's lines, for everyone who sees the note. */
export function useDeliveryApprovals(id: number) {
  return useQuery({
    queryKey: [...deliveryKeys.detail(id), 'approvals'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApprovalInstance>>(`/api/deliveries/${id}/approvals`, { signal }),
  });
}

export interface DeliveryTimelineItem {
  id: number;
  at: string;
  entityType: string;
  entityId: number;
  action: string;
  actorName: string | null;
  changes: TimelineChange[];
  comment: string | null;
}

export function useDeliveryList(params: DeliveryFilters & { page: number; pageSize: number }) {
  const q = params as unknown as QueryParams;
  return useQuery({
    queryKey: deliveryKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<DeliveryListItem>>('/api/deliveries', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDelivery(id: number) {
  return useQuery({
    queryKey: deliveryKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<DeliveryDetail>(`/api/deliveries/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useDeliveryTimeline(id: number) {
  return useQuery({
    queryKey: deliveryKeys.timeline(id),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<DeliveryTimelineItem>>(`/api/deliveries/${id}/timeline`, { signal }),
  });
}

export function useCreateDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DeliveryInput) => apiFetch<DeliveryDetail>('/api/deliveries', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: deliveryKeys.all });
      void qc.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

/** One state change of a note (inspect, checklist, release, ship, sign, cancel): POST/PUT then refresh. */
export function useDeliveryCommand(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: { path: string; method?: 'POST' | 'PUT'; body: unknown }) =>
      apiFetch<DeliveryDetail>(`/api/deliveries/${id}${path}`, { method, body }),
    onSuccess: (d) => {
      qc.setQueryData(deliveryKeys.detail(id), d);
      void qc.invalidateQueries({ queryKey: deliveryKeys.all });
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: ['stock'] });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export function useBatchSearch(batchNo: string) {
  return useQuery({
    queryKey: [...deliveryKeys.trace, 'search', batchNo],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<BatchHit>>('/api/trace/search', { query: { batchNo }, signal }),
    enabled: batchNo.length > 0,
  });
}

export function useTraceBatch(id: number | null) {
  return useQuery({
    queryKey: [...deliveryKeys.trace, 'batch', id],
    queryFn: ({ signal }) => apiFetch<TraceBatch>(`/api/trace/batches/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useTraceCustomerSearch(keyword: string) {
  return useQuery({
    queryKey: [...deliveryKeys.trace, 'customers', keyword],
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<TraceCustomerHit>>('/api/trace/customers', { query: { keyword }, signal }),
    enabled: keyword.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useTraceCustomer(id: number | null) {
  return useQuery({
    queryKey: [...deliveryKeys.trace, 'customer', id],
    queryFn: ({ signal }) => apiFetch<TraceCustomer>(`/api/trace/customers/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useTraceDelivery(id: number | null) {
  return useQuery({
    queryKey: [...deliveryKeys.trace, 'delivery', id],
    queryFn: ({ signal }) => apiFetch<TraceDeliveryLines>(`/api/trace/deliveries/${id}`, { signal }),
    enabled: id !== null,
  });
}
