import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';
import type {
  LeadTargets,
  MissingWorkPlans,
  PlanBaseline,
  PlanDetail,
  PlanListItem,
  VsActual,
  WorkPlan,
} from './types';

const valid = (id: number) => Number.isInteger(id) && id > 0;

export function usePlanList(params: QueryParams) {
  return useQuery({
    queryKey: ['plans', 'list', params],
    queryFn: ({ signal }) => apiFetch<Paged<PlanListItem>>('/api/sales-plans', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: ['plans', 'detail', id],
    queryFn: ({ signal }) => apiFetch<PlanDetail>(`/api/sales-plans/${id}`, { signal }),
    enabled: valid(id),
  });
}

export function usePlanApprovals(id: number) {
  return useQuery({
    queryKey: ['plans', 'detail', id, 'approvals'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApprovalInstance>>(`/api/sales-plans/${id}/approvals`, { signal }),
    enabled: valid(id),
  });
}

export const fetchBaseline = (year: number, growth: string) =>
  apiFetch<PlanBaseline>('/api/sales-plans/baseline', { query: { year, growth } });

/** The plan in force's 12 monthly amounts of a department (or the top of the viewer's scope), or none. */
export interface MonthlyTargets {
  year: number;
  planId: number | null;
  name: string | null;
  amounts: string[] | null;
}

export function useMonthlyTargets(year: string | undefined, departmentId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'monthly-targets', year, departmentId],
    queryFn: ({ signal }) =>
      apiFetch<MonthlyTargets>('/api/sales-plans/monthly-targets', { query: { year, departmentId }, signal }),
    enabled: enabled && year !== undefined,
  });
}

export function useVsActual(params: QueryParams) {
  return useQuery({
    queryKey: ['plans', 'vs-actual', params],
    queryFn: ({ signal }) => apiFetch<VsActual>('/api/sales-plans/vs-actual', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLeadTargets(params: QueryParams) {
  return useQuery({
    queryKey: ['plans', 'lead-target', params],
    queryFn: ({ signal }) => apiFetch<LeadTargets>('/api/sales-plans/lead-target', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWorkPlans(params: QueryParams) {
  return useQuery({
    queryKey: ['work-plans', 'list', params],
    queryFn: ({ signal }) => apiFetch<Paged<WorkPlan>>('/api/work-plans', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMissingWorkPlans(month: string | undefined) {
  return useQuery({
    queryKey: ['work-plans', 'missing', month],
    queryFn: ({ signal }) => apiFetch<MissingWorkPlans>('/api/work-plans/missing', { query: { month }, signal }),
  });
}

/** A write to the plans or work-plans API; refreshes both, and the approvals inbox. */
export function usePlanCommand<R = PlanDetail>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: { path: string; method?: 'POST' | 'PUT'; body: unknown }) =>
      apiFetch<R>(`/api${path}`, { method, body }),
    onSuccess: () => {
      for (const key of [['plans'], ['work-plans'], ['approvals'], ['tasks']])
        void qc.invalidateQueries({ queryKey: key });
    },
  });
}
