import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { Dealer, DealerDetail, PersonOption, ReviewSheet } from './types';

const KEY = ['dealers'] as const;

export function useDealerList(params: QueryParams) {
  return useQuery({
    queryKey: [...KEY, 'list', params],
    queryFn: ({ signal }) => apiFetch<Paged<Dealer>>('/api/dealers', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDealer(id: number) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: ({ signal }) => apiFetch<DealerDetail>(`/api/dealers/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The month's review sheet: the dealers in scope with their figures and saved reviews. */
export function useReviewSheet(params: QueryParams) {
  return useQuery({
    queryKey: [...KEY, 'reviews', params],
    queryFn: ({ signal }) => apiFetch<ReviewSheet>('/api/dealers/reviews', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The people a dealer may be given to or a visit name (the manage scope). */
export function useDealerPeople(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'people'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<PersonOption>>('/api/dealers/people', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** Any dealer command (POST/PUT under /api); every dealer query is refreshed. */
export function useDealerCommand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: { path: string; method?: 'POST' | 'PUT'; body: unknown }) =>
      apiFetch<DealerDetail>(`/api${path}`, { method, body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** The dealer outlet of a customer account, if one is in the viewer's scope (the customer page's link). */
export function useDealerOfCustomer(customerId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'of-customer', customerId],
    queryFn: ({ signal }) =>
      apiFetch<Paged<Dealer>>('/api/dealers', { query: { customerId, pageSize: 1 }, signal }).then(
        (r) => r.items[0] ?? null,
      ),
    enabled,
  });
}
