import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';
import type { ReturnableLines, ReturnDetail, ReturnListItem } from './types';

export const returnKeys = {
  all: ['returns'] as const,
  list: (params: QueryParams) => ['returns', 'list', params] as const,
  detail: (id: number) => ['returns', 'detail', id] as const,
  returnable: (deliveryId: number) => ['returns', 'returnable', deliveryId] as const,
};
export function useReturnList(params: QueryParams) {
  return useQuery({
    queryKey: returnKeys.list(params),
    queryFn: ({ signal }) => apiFetch<Paged<ReturnListItem>>('/api/sales-returns', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReturn(id: number) {
  return useQuery({
    queryKey: returnKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<ReturnDetail>(`/api/sales-returns/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The return's approval chain, for everyone who sees the return. */
export function useReturnApprovals(id: number) {
  return useQuery({
    queryKey: [...returnKeys.detail(id), 'approvals'],
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<ApprovalInstance>>(`/api/sales-returns/${id}/approvals`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useReturnableLines(deliveryId: number) {
  return useQuery({
    queryKey: returnKeys.returnable(deliveryId),
    queryFn: ({ signal }) => apiFetch<ReturnableLines>(`/api/deliveries/${deliveryId}/returnable-lines`, { signal }),
    enabled: Number.isInteger(deliveryId) && deliveryId > 0,
  });
}

/** A POST to the returns API; refreshes returns, approvals, stock and finance. */
export function useReturnCommand<R = ReturnDetail>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      apiFetch<R>(`/api/sales-returns${path}`, { method: 'POST', body }),
    onSuccess: () => {
      for (const key of [['returns'], ['approvals'], ['stock'], ['finance'], ['deliveries']])
        void qc.invalidateQueries({ queryKey: key });
    },
  });
}
