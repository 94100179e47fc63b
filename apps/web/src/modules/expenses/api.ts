import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';
import { LIST_VIEWS_KEY } from '../../components/useListViews';
import type {
  Budget,
  BudgetDetail,
  ClaimDetail,
  ClaimListItem,
  CostPage,
  EventCost,
  EventOption,
  RepCost,
} from './types';

const valid = (id: number) => Number.isInteger(id) && id > 0;

export function useClaimList(params: QueryParams) {
  return useQuery({
    queryKey: ['expenses', 'claims', params],
    queryFn: ({ signal }) => apiFetch<Paged<ClaimListItem>>('/api/expense-claims', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useClaim(id: number) {
  return useQuery({
    queryKey: ['expenses', 'claim', id],
    queryFn: ({ signal }) => apiFetch<ClaimDetail>(`/api/expense-claims/${id}`, { signal }),
    enabled: valid(id),
  });
}

export function useClaimApprovals(id: number) {
  return useQuery({
    queryKey: ['expenses', 'claim', id, 'approvals'],
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<ApprovalInstance>>(`/api/expense-claims/${id}/approvals`, { signal }),
    enabled: valid(id),
  });
}

export function useBudgetList(params: QueryParams) {
  return useQuery({
    queryKey: ['expenses', 'budgets', params],
    queryFn: ({ signal }) => apiFetch<Paged<Budget>>('/api/expense-budgets', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBudget(id: number | null) {
  return useQuery({
    queryKey: ['expenses', 'budget', id],
    queryFn: ({ signal }) => apiFetch<BudgetDetail>(`/api/expense-budgets/${id}`, { signal }),
    enabled: id !== null && valid(id),
  });
}

export function useEventOptions(keyword: string, enabled = true) {
  return useQuery({
    queryKey: ['expenses', 'events', keyword],
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<EventOption>>('/api/expense-events', { query: { keyword }, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useRepCosts(params: QueryParams) {
  return useQuery({
    queryKey: ['expenses', 'analysis', 'reps', params],
    queryFn: ({ signal }) =>
      apiFetch<CostPage<RepCost> & { summary: { spent: string; acquired: number; perCustomer: string | null } }>(
        '/api/expense-analysis/reps',
        { query: params, signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEventCosts(params: QueryParams) {
  return useQuery({
    queryKey: ['expenses', 'analysis', 'events', params],
    queryFn: ({ signal }) => apiFetch<CostPage<EventCost>>('/api/expense-analysis/events', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Any expenses command (POST/PUT/DELETE under /api); every expenses query is refreshed afterwards. */
export function useExpenseCommand<R = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      path,
      method = 'POST',
      body,
    }: {
      path: string;
      method?: 'POST' | 'PUT' | 'DELETE';
      body?: unknown;
    }) => apiFetch<R>(`/api${path}`, { method, body }),
    onSuccess: () => {
      for (const key of [['expenses'], ['approvals'], ['attachments'], LIST_VIEWS_KEY])
        void qc.invalidateQueries({ queryKey: key });
    },
  });
}
