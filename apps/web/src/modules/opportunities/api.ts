import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { TimelineChange } from '../../components/Timeline';
import type {
  KanbanData,
  OpportunityDetail,
  OpportunityFilters,
  OpportunityInput,
  OpportunityListItem,
  Pipeline,
  PipelineInput,
  Proposal,
  ProposalInput,
} from './types';

export interface OpportunityTimelineItem {
  id: number;
  at: string;
  entityType: string;
  entityId: number;
  action: string;
  actorName: string | null;
  changes: TimelineChange[];
  comment: string | null;
}

export interface CustomerOption {
  id: number;
  no: string;
  name: string;
}

export const opportunityKeys = {
  all: ['opportunities'] as const,
  list: (params: QueryParams) => ['opportunities', 'list', params] as const,
  kanban: (params: QueryParams) => ['opportunities', 'kanban', params] as const,
  detail: (id: number) => ['opportunities', 'detail', id] as const,
  timeline: (id: number) => ['opportunities', 'detail', id, 'timeline'] as const,
  pipelines: (includeInactive: boolean) => ['pipelines', includeInactive] as const,
  customerSearch: (q: string) => ['customers', 'search', q] as const,
};

export function usePipelines(includeInactive = false) {
  return useQuery({
    queryKey: opportunityKeys.pipelines(includeInactive),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<Pipeline>>('/api/pipelines', {
        query: { includeInactive: includeInactive ? 'true' : undefined },
        signal,
      }),
    staleTime: 60_000,
  });
}

export function useSavePipeline(id?: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PipelineInput) =>
      id
        ? apiFetch<Pipeline>(`/api/pipelines/${id}`, { method: 'PUT', body })
        : apiFetch<Pipeline>('/api/pipelines', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pipelines'] });
      void qc.invalidateQueries({ queryKey: opportunityKeys.all });
    },
  });
}

export function useOpportunityList(params: OpportunityFilters & { page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: opportunityKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<OpportunityListItem>>('/api/opportunities', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useKanban(params: { pipelineId?: number; keyword?: string; ownerId?: number; perStage?: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: opportunityKeys.kanban(q),
    queryFn: ({ signal }) => apiFetch<KanbanData>('/api/opportunities/kanban', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: number) {
  return useQuery({
    queryKey: opportunityKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<OpportunityDetail>(`/api/opportunities/${id}`, { signal }),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useOpportunityTimeline(id: number) {
  return useQuery({
    queryKey: opportunityKeys.timeline(id),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<OpportunityTimelineItem>>(`/api/opportunities/${id}/timeline`, { signal }),
  });
}

/** Customer picker: GET /api/customers/search (number or name, within the user's scope). */
export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: opportunityKeys.customerSearch(q),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<CustomerOption>>('/api/customers/search', { query: { q }, signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** After a change: put the returned detail in the cache, refresh lists, board and the detail's tabs. */
function useApplyDetail() {
  const qc = useQueryClient();
  return (detail?: OpportunityDetail, id?: number) => {
    if (detail) qc.setQueryData(opportunityKeys.detail(detail.id), detail);
    void qc.invalidateQueries({ queryKey: ['opportunities', 'list'] });
    void qc.invalidateQueries({ queryKey: ['opportunities', 'kanban'] });
    const key = detail?.id ?? id;
    if (key) {
      void qc.invalidateQueries({
        queryKey: opportunityKeys.detail(key),
        // the detail itself is fresh when the server returned it
        predicate: (q) => !detail || q.queryKey.length > 3,
      });
    }
  };
}

export function useSaveOpportunity(id?: number) {
  const apply = useApplyDetail();
  return useMutation({
    mutationFn: (body: OpportunityInput) =>
      id
        ? apiFetch<OpportunityDetail>(`/api/opportunities/${id}`, { method: 'PUT', body })
        : apiFetch<OpportunityDetail>('/api/opportunities', { method: 'POST', body }),
    onSuccess: (detail) => apply(detail),
  });
}

export function useDeleteOpportunity(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      apiFetch<void>(`/api/opportunities/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: opportunityKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: ['opportunities', 'list'] });
      void qc.invalidateQueries({ queryKey: ['opportunities', 'kanban'] });
    },
  });
}

/** Stage and checklist commands; each answers the opportunity's new detail. */
export type OpportunityCommand =
  | { command: 'move'; body: { stageId: number; version: number; lostReason?: string; lostCategory?: string | null } }
  | { command: 'win'; body: { version: number } }
  | { command: 'lose'; body: { version: number; reason: string; category?: string | null } }
  | { command: 'reopen'; body: { version: number } }
  | { command: 'checklist'; body: { stageId: number; key: string; done: boolean; version: number } }
  | { command: 'needs-analysis'; body: Record<string, unknown> & { version: number } };

const PUT_COMMANDS = new Set(['checklist', 'needs-analysis']);

export function useOpportunityCommand() {
  const apply = useApplyDetail();
  return useMutation({
    mutationFn: ({ id, command, body }: OpportunityCommand & { id: number }) =>
      apiFetch<OpportunityDetail>(`/api/opportunities/${id}/${command}`, {
        method: PUT_COMMANDS.has(command) ? 'PUT' : 'POST',
        body,
      }),
    onSuccess: (detail) => apply(detail),
  });
}

/** Proposal changes answer the proposal; the opportunity (checklist, version) is refetched. */
export function useSaveProposal(opportunityId: number) {
  const apply = useApplyDetail();
  return useMutation({
    mutationFn: ({ id, ...body }: ProposalInput & { id?: number; version?: number }) =>
      id
        ? apiFetch<Proposal>(`/api/opportunity-proposals/${id}`, { method: 'PUT', body })
        : apiFetch<Proposal>(`/api/opportunities/${opportunityId}/proposals`, { method: 'POST', body }),
    onSuccess: () => apply(undefined, opportunityId),
  });
}

export function useRespondProposal(opportunityId: number) {
  const apply = useApplyDetail();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: number;
      response: string;
      respondedOn: string | null;
      note: string | null;
      version: number;
    }) => apiFetch<Proposal>(`/api/opportunity-proposals/${id}/response`, { method: 'POST', body }),
    onSuccess: () => apply(undefined, opportunityId),
  });
}

export function useDeleteProposal(opportunityId: number) {
  const apply = useApplyDetail();
  return useMutation({
    mutationFn: (p: { id: number; version: number }) =>
      apiFetch<void>(`/api/opportunity-proposals/${p.id}`, { method: 'DELETE', query: { version: p.version } }),
    onSuccess: () => apply(undefined, opportunityId),
  });
}
