import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';
import type { TimelineEntry } from '../../components/Timeline';
import type {
  Amendment,
  ContractDetail,
  ContractFilters,
  ContractListItem,
  ContractTemplate,
  ContractTermsBody,
  Dispute,
} from './types';

export const contractKeys = {
  all: ['contracts'] as const,
  list: (params: QueryParams) => ['contracts', 'list', params] as const,
  detail: (id: number) => ['contracts', 'detail', id] as const,
  amendments: (id: number) => ['contracts', 'detail', id, 'amendments'] as const,
  disputes: (id: number) => ['contracts', 'detail', id, 'disputes'] as const,
  timeline: (id: number) => ['contracts', 'detail', id, 'timeline'] as const,
  // Under approvalKeys.all: a decision taken in the tab refreshes it.
  reviews: (id: number) => ['approvals', 'contracts', id, 'reviews'] as const,
  disputeList: (params: QueryParams) => ['contracts', 'disputes', params] as const,
  templates: (all: boolean) => ['contract-templates', all] as const,
};

export function useContractList(params: ContractFilters & { page: number; pageSize: number }) {
  const q = params as unknown as QueryParams;
  return useQuery({
    queryKey: contractKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<ContractListItem>>('/api/contracts', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: number) {
  return useQuery({
    queryKey: contractKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<ContractDetail>(`/api/contracts/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useAmendments(id: number) {
  return useQuery({
    queryKey: contractKeys.amendments(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<Amendment>>(`/api/contracts/${id}/amendments`, { signal }),
  });
}

/** The contract's reviews (合同评审), for everyone who sees the contract. */
export function useContractReviews(id: number) {
  return useQuery({
    queryKey: contractKeys.reviews(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApprovalInstance>>(`/api/contracts/${id}/approvals`, { signal }),
  });
}

export function useContractTimeline(id: number) {
  return useQuery({
    queryKey: contractKeys.timeline(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<TimelineEntry>>(`/api/contracts/${id}/timeline`, { signal }),
  });
}

export function useContractDisputes(id: number) {
  return useQuery({
    queryKey: contractKeys.disputes(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<Dispute>>(`/api/contracts/${id}/disputes`, { signal }),
  });
}

export function useDisputeList(params: { status?: 'open' | 'resolved'; page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: contractKeys.disputeList(q),
    queryFn: ({ signal }) => apiFetch<Paged<Dispute>>('/api/contract-disputes', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContractTemplates(all = false) {
  return useQuery({
    queryKey: contractKeys.templates(all),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<ContractTemplate>>(all ? '/api/contract-templates/manage' : '/api/contract-templates', {
        signal,
      }),
    staleTime: 60_000,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: contractKeys.all });
    void qc.invalidateQueries({ queryKey: ['approvals'] });
  };
}

export type ContractBody = ContractTermsBody & {
  title: string;
  customerId?: number;
  templateId?: number | null;
  /** The accepted proposal (销售提案) the contract is drafted from. */
  proposalId?: number | null;
  version?: number;
};

export function useSaveContract(id?: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ContractBody) =>
      apiFetch<{ id: number }>(id ? `/api/contracts/${id}` : '/api/contracts', { method: id ? 'PUT' : 'POST', body }),
    onSuccess: invalidate,
  });
}

/** One POST to /api/contracts/:id/<action> (submit, sign, complete, terminate, amendments, disputes). */
export function useContractCommand(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body: object }) =>
      apiFetch<{ id: number }>(`/api/contracts/${id}/${action}`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useResolveDispute() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; version: number; resolution: string }) =>
      apiFetch(`/api/contract-disputes/${id}/resolve`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<ContractTemplate> & { id?: number }) =>
      id
        ? apiFetch(`/api/contract-templates/${id}`, { method: 'PUT', body })
        : apiFetch('/api/contract-templates', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['contract-templates'] }),
  });
}
