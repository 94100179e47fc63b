import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Paged, type QueryParams } from '../../app/api';
import type {
  ComplianceItem,
  MyOnboarding,
  QuarterReport,
  StaffDetail,
  StaffRow,
  TrainingPlan,
  TrainingPlanRow,
  TrainingSession,
} from './types';

const valid = (id: number) => Number.isInteger(id) && id > 0;

export function usePlanList(params: QueryParams) {
  return useQuery({
    queryKey: ['training', 'plans', params],
    queryFn: ({ signal }) => apiFetch<Paged<TrainingPlanRow>>('/api/training/plans', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: ['training', 'plan', id],
    queryFn: ({ signal }) => apiFetch<TrainingPlan>(`/api/training/plans/${id}`, { signal }),
    enabled: valid(id),
  });
}

export function useSession(id: number) {
  return useQuery({
    queryKey: ['training', 'session', id],
    queryFn: ({ signal }) => apiFetch<TrainingSession>(`/api/training/sessions/${id}`, { signal }),
    enabled: valid(id),
  });
}

export function useStaffList(params: QueryParams) {
  return useQuery({
    queryKey: ['training', 'staff', params],
    queryFn: ({ signal }) => apiFetch<Paged<StaffRow>>('/api/training/staff', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStaff(id: number) {
  return useQuery({
    queryKey: ['training', 'person', id],
    queryFn: ({ signal }) => apiFetch<StaffDetail>(`/api/training/staff/${id}`, { signal }),
    enabled: valid(id),
  });
}

export function useCompliance() {
  return useQuery({
    queryKey: ['training', 'compliance'],
    queryFn: ({ signal }) =>
      apiFetch<{ today: string; items: ComplianceItem[] }>('/api/training/compliance', { signal }),
  });
}

export function useQuarter(quarter: string | undefined) {
  return useQuery({
    queryKey: ['training', 'quarter', quarter ?? 'current'],
    queryFn: ({ signal }) => apiFetch<QuarterReport>('/api/training/quarters', { query: { quarter }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The signed-in user's onboarding state (why quotes and orders are refused while in training). */
export function useMyOnboarding(enabled = true) {
  return useQuery({
    queryKey: ['training', 'me'],
    queryFn: ({ signal }) => apiFetch<MyOnboarding>('/api/training/me', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** Any training command; every training query (and the to-dos) is refreshed afterwards. */
export function useTrainingCommand<R = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      path,
      method = 'POST',
      body,
      query,
    }: {
      path: string;
      method?: 'POST' | 'PUT' | 'DELETE';
      body?: unknown;
      query?: QueryParams;
    }) => apiFetch<R>(`/api${path}`, { method, body, query }),
    onSuccess: () => {
      for (const key of [['training'], ['tasks']]) void qc.invalidateQueries({ queryKey: key });
    },
  });
}
