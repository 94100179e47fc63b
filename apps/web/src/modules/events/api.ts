import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';
import type { EventDetail, EventFigures, EventReport, GuestByToken, GuestSearch, Invitation } from './types';

const valid = (id: number) => Number.isInteger(id) && id > 0;

export function useEventList(params: QueryParams) {
  return useQuery({
    queryKey: ['events', 'list', params],
    queryFn: ({ signal }) => apiFetch<Paged<EventFigures>>('/api/events', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: number) {
  return useQuery({
    queryKey: ['events', 'detail', id],
    queryFn: ({ signal }) => apiFetch<EventDetail>(`/api/events/${id}`, { signal }),
    enabled: valid(id),
  });
}

export function useEventApprovals(id: number) {
  return useQuery({
    queryKey: ['events', 'detail', id, 'approvals'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApprovalInstance>>(`/api/events/${id}/approvals`, { signal }),
    enabled: valid(id),
  });
}

export function useInvitations(id: number, params: QueryParams) {
  return useQuery({
    queryKey: ['events', 'detail', id, 'invitations', params],
    queryFn: ({ signal }) => apiFetch<Paged<Invitation>>(`/api/events/${id}/invitations`, { query: params, signal }),
    enabled: valid(id),
    placeholderData: keepPreviousData,
  });
}

export function useEventReport(id: number) {
  return useQuery({
    queryKey: ['events', 'detail', id, 'report'],
    queryFn: ({ signal }) => apiFetch<EventReport>(`/api/events/${id}/report`, { signal }),
    enabled: valid(id),
  });
}

export function useGuestSearch(id: number, keyword: string) {
  return useQuery({
    queryKey: ['events', 'guests', id, keyword],
    queryFn: ({ signal }) => apiFetch<GuestSearch>(`/api/events/${id}/guests`, { query: { keyword }, signal }),
    enabled: valid(id) && keyword.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useGuestByToken(token: string) {
  return useQuery({
    queryKey: ['events', 'guest', token],
    queryFn: ({ signal }) => apiFetch<GuestByToken>(`/api/event-guests/${token}`, { signal }),
    enabled: token.length >= 16,
  });
}

/** Any event command (POST/PUT under /api); every event query is refreshed afterwards. */
export function useEventCommand<R = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: { path: string; method?: 'POST' | 'PUT'; body: unknown }) =>
      apiFetch<R>(`/api${path}`, { method, body }),
    onSuccess: () => {
      for (const key of [['events'], ['approvals'], ['tasks']]) void qc.invalidateQueries({ queryKey: key });
    },
  });
}
