import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse } from '../../app/api';

/** A saved customer-list filter (its query-string params), private or shared with the department. */
export interface SavedCustomerFilter {
  id: number;
  name: string;
  shared: boolean;
  filter: Record<string, string>;
  ownerId: number;
  ownerName: string;
  /** The current user's own filter (only he may rename or delete it). */
  mine: boolean;
  version: number;
}

const KEY = ['customers', 'saved-filters'] as const;

export function useSavedCustomerFilters() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiFetch<ItemsResponse<SavedCustomerFilter>>('/api/customer-filters', { signal }),
    staleTime: 60_000,
  });
}

export function useSaveCustomerFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; shared: boolean; filter: Record<string, string> }) =>
      apiFetch<SavedCustomerFilter>('/api/customer-filters', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateCustomerFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; name: string; shared: boolean; version: number }) =>
      apiFetch<SavedCustomerFilter>(`/api/customer-filters/${id}`, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteCustomerFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      apiFetch(`/api/customer-filters/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}
