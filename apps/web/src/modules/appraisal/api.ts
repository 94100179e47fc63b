import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';
import type { AppraisalResultDetail, AppraisalRun, AppraisalRunDetail, AppraisalScheme, RunScheme } from './types';

const KEY = ['appraisal'] as const;

export function useAppraisalRuns(params: QueryParams) {
  return useQuery({
    queryKey: [...KEY, 'runs', params],
    queryFn: ({ signal }) => apiFetch<Paged<AppraisalRun>>('/api/appraisal-runs', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAppraisalRun(id: number) {
  return useQuery({
    queryKey: [...KEY, 'run', id],
    queryFn: ({ signal }) => apiFetch<AppraisalRunDetail>(`/api/appraisal-runs/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useAppraisalResult(id: number) {
  return useQuery({
    queryKey: [...KEY, 'result', id],
    queryFn: ({ signal }) => apiFetch<AppraisalResultDetail>(`/api/appraisal-results/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The approvals of a result's objections (考核申诉), oldest first. */
export function useObjectionApprovals(id: number, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'result', id, 'approvals'],
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<ApprovalInstance>>(`/api/appraisal-results/${id}/approvals`, { signal }),
    enabled: enabled && Number.isInteger(id) && id > 0,
  });
}

/** Any appraisal command (POST under /api); every appraisal query and the to-dos are refreshed. */
export function useAppraisalCommand<R = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      apiFetch<R>(`/api${path}`, { method: 'POST', body }),
    onSuccess: () => {
      for (const key of [KEY, ['tasks']]) void qc.invalidateQueries({ queryKey: key });
    },
  });
}

/** The active schemes a run may use (appraisal.manage). */
export function useRunSchemes(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'run-schemes'],
    queryFn: ({ signal }) => apiFetch<{ items: RunScheme[] }>('/api/appraisal-runs/schemes', { signal }),
    enabled,
  });
}

/** Every scheme (appraisal.scheme). */
export function useAppraisalSchemes() {
  return useQuery({
    queryKey: [...KEY, 'schemes'],
    queryFn: ({ signal }) => apiFetch<{ items: AppraisalScheme[] }>('/api/appraisal-schemes', { signal }),
  });
}

/** Create (no id), update (PUT, the next version) or deactivate a scheme; the scheme lists are refreshed. */
export function useSchemeCommand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PUT'; path: string; body: unknown }) =>
      apiFetch<AppraisalScheme>(`/api${path}`, { method, body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}
