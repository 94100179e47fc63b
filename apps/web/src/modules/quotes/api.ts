import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';
import type {
  ContactOption,
  QuoteBody,
  QuoteDetail,
  QuoteFilters,
  QuoteListItem,
  QuoteTimelineItem,
  QuoteVersion,
} from './types';

export const quoteKeys = {
  all: ['quotes'] as const,
  list: (params: QueryParams) => ['quotes', 'list', params] as const,
  // Under approvalKeys.all too, so an approval decision taken on the page refreshes the quote.
  detail: (id: number) => ['approvals', 'quotes', id] as const,
  versions: (id: number) => ['quotes', 'versions', id] as const,
  // Under approvalKeys.all: a decision taken in the tab refreshes it.
  approvals: (id: number) => ['approvals', 'quotes', id, 'history'] as const,
  timeline: (id: number) => ['quotes', 'timeline', id] as const,
  contacts: (customerId: number) => ['customers', customerId, 'contacts', 'quotes'] as const,
};

export function useQuoteList(params: QuoteFilters & { page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: quoteKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<QuoteListItem>>('/api/quotes', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useQuote(id: number) {
  return useQuery({
    queryKey: quoteKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<QuoteDetail>(`/api/quotes/${id}`, { signal }),
    enabled: id > 0,
  });
}

/** The quote's internal approvals, for everyone who sees the quote. */
export function useQuoteApprovals(id: number) {
  return useQuery({
    queryKey: quoteKeys.approvals(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApprovalInstance>>(`/api/quotes/${id}/approvals`, { signal }),
  });
}

export function useQuoteVersions(id: number) {
  return useQuery({
    queryKey: quoteKeys.versions(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<QuoteVersion>>(`/api/quotes/${id}/versions`, { signal }),
  });
}

export function useQuoteTimeline(id: number) {
  return useQuery({
    queryKey: quoteKeys.timeline(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<QuoteTimelineItem>>(`/api/quotes/${id}/timeline`, { signal }),
  });
}

/** The customer's opportunities a quote may be made for (issue 11 item 3: quotes link to their opportunity). */
export function useCustomerOpportunities(customerId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['opportunities', 'of-customer', customerId ?? 0],
    queryFn: ({ signal }) =>
      apiFetch<Paged<{ id: number; no: string; name: string; status: string }>>('/api/opportunities', {
        query: { customerId, pageSize: 50 },
        signal,
      }),
    enabled: enabled && !!customerId,
  });
}

export function useCustomerContacts(customerId: number | undefined) {
  return useQuery({
    queryKey: quoteKeys.contacts(customerId ?? 0),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<ContactOption>>(`/api/customers/${customerId}/contacts`, { signal }),
    enabled: !!customerId,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: quoteKeys.all });
    void qc.invalidateQueries({ queryKey: ['approvals'] });
  };
}

export function useSaveQuote(id?: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: QuoteBody): Promise<{ id: number }> =>
      id
        ? apiFetch<{ id: number; version: number }>(`/api/quotes/${id}`, { method: 'PUT', body })
        : apiFetch<{ id: number; no: string }>('/api/quotes', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export type QuoteCommand =
  | { action: 'submit' | 'send' | 'revise'; version: number }
  | { action: 'respond'; version: number; response: 'accepted' | 'rejected'; note?: string | null }
  | { action: 'convert'; version: number; target: 'order' | 'contract'; requestedDate?: string };

export interface QuoteCommandResult {
  id: number;
  status?: string;
  orderId?: number | null;
  contractId?: number | null;
}

export function useQuoteCommand(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ action, ...body }: QuoteCommand) =>
      apiFetch<QuoteCommandResult>(`/api/quotes/${id}/${action}`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}
