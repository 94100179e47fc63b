import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { LateStep, MilestoneProcess, MilestoneTemplate } from './types';

export const milestoneKeys = {
  all: ['milestones'] as const,
  templates: ['milestones', 'templates'] as const,
  list: (params: QueryParams) => ['milestones', 'list', params] as const,
  detail: (id: number) => ['milestones', 'detail', id] as const,
  late: (params: QueryParams) => ['milestones', 'late', params] as const,
};

export function useMilestoneTemplates(enabled = true) {
  return useQuery({
    queryKey: milestoneKeys.templates,
    queryFn: ({ signal }) => apiFetch<ItemsResponse<MilestoneTemplate>>('/api/milestone-templates', { signal }),
    enabled,
  });
}

export function useMilestoneProcesses(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: milestoneKeys.list(params),
    queryFn: ({ signal }) => apiFetch<Paged<MilestoneProcess>>('/api/milestone-processes', { query: params, signal }),
    enabled,
  });
}

export function useMilestoneProcess(id: number) {
  return useQuery({
    queryKey: milestoneKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<MilestoneProcess>(`/api/milestone-processes/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useLateSteps(params: QueryParams) {
  return useQuery({
    queryKey: milestoneKeys.late(params),
    queryFn: ({ signal }) =>
      apiFetch<Paged<LateStep>>('/api/milestone-processes/late-steps', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A write to the milestones API (templates or processes); refreshes every milestone query. */
export function useMilestoneCommand<R = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: unknown; method?: 'POST' | 'PUT' }) =>
      apiFetch<R>(path, { method, body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: milestoneKeys.all }),
  });
}
