import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { DeliveredLine, EngineerOption, SlaPolicy, TicketDetail, TicketFilters, TicketListItem } from './types';

export const ticketKeys = {
  all: ['service-tickets'] as const,
  list: (params: QueryParams) => ['service-tickets', 'list', params] as const,
  detail: (id: number) => ['service-tickets', 'detail', id] as const,
};

export function useTicketList(params: TicketFilters & { page: number; pageSize: number }, enabled = true) {
  const q = params as unknown as QueryParams;
  return useQuery({
    queryKey: ticketKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<TicketListItem>>('/api/service-tickets', { query: q, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTicket(id: number) {
  return useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<TicketDetail>(`/api/service-tickets/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useDeliveredLines(customerId: number | undefined) {
  return useQuery({
    queryKey: ['service-tickets', 'delivered-lines', customerId],
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<DeliveredLine>>('/api/service-tickets/delivered-lines', {
        query: { customerId },
        signal,
      }),
    enabled: !!customerId,
  });
}

export function useEngineers(enabled = true) {
  return useQuery({
    queryKey: ['service-tickets', 'engineers'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<EngineerOption>>('/api/service-tickets/engineers', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCreateTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiFetch<TicketDetail>('/api/service-tickets', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}

/** One action on a ticket (assign, reply, visit, part, sign, confirm…): POST, then show the fresh ticket. */
export function useTicketCommand(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      apiFetch<TicketDetail>(`/api/service-tickets/${id}${path}`, { method: 'POST', body }),
    onSuccess: (d) => {
      qc.setQueryData(ticketKeys.detail(id), d);
      void qc.invalidateQueries({ queryKey: ['service-tickets', 'list'] });
      void qc.invalidateQueries({ queryKey: ['stock'] });
    },
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: ['sla-policies'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<SlaPolicy>>('/api/sla-policies', { signal }),
  });
}

export function useUpdateSlaPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: unknown }) =>
      apiFetch<SlaPolicy>(`/api/sla-policies/${id}`, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['sla-policies'] }),
  });
}
