import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Paged, type QueryParams } from '../../app/api';

export interface PlannedCustomer {
  customerId: number;
  name: string;
}
export interface WorkLogComment {
  id: number;
  body: string;
  authorName: string;
  createdAt: string;
}
export interface WorkLog {
  id: number | null;
  userId: number;
  userName?: string;
  deptName?: string;
  logDate: string;
  planCustomers: PlannedCustomer[];
  planNote: string | null;
  assignedWork: string | null;
  assignedByName: string | null;
  done: string | null;
  problems: string | null;
  tomorrow: string | null;
  submittedAt: string | null;
  version: number;
  comments: WorkLogComment[] | number;
  dueCustomers?: PlannedCustomer[];
  canComment?: boolean;
}
export interface TeamRow {
  userId: number;
  userName: string;
  deptName: string;
  logId: number | null;
  status: 'submitted' | 'planned' | 'missing';
  comments: number;
}
export interface MonthlyReport {
  id: number;
  userId: number;
  userName: string;
  deptName: string;
  month: string;
  summary: string;
  nextMonthPlan: string;
  submittedAt: string;
  version: number;
}
export interface MissingRow {
  userId: number;
  userName: string;
  deptName: string;
}

export const worklogKeys = {
  all: ['worklogs'] as const,
  mine: (date: string | undefined) => ['worklogs', 'mine', date] as const,
  detail: (id: number) => ['worklogs', 'detail', id] as const,
  list: (p: QueryParams) => ['worklogs', 'list', p] as const,
  team: (date: string | undefined) => ['worklogs', 'team', date] as const,
  reports: ['monthly-reports'] as const,
};

export function useMyWorkLog(date?: string) {
  return useQuery({
    queryKey: worklogKeys.mine(date),
    queryFn: ({ signal }) => apiFetch<WorkLog>('/api/work-logs/mine', { query: { date }, signal }),
  });
}
export function useWorkLog(id: number) {
  return useQuery({
    queryKey: worklogKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<WorkLog>(`/api/work-logs/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
export function useWorkLogs(params: QueryParams) {
  return useQuery({
    queryKey: worklogKeys.list(params),
    queryFn: ({ signal }) => apiFetch<Paged<WorkLog>>('/api/work-logs', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useTeamLogs(date?: string) {
  return useQuery({
    queryKey: worklogKeys.team(date),
    queryFn: ({ signal }) =>
      apiFetch<{ date: string; items: TeamRow[]; more: boolean }>('/api/work-logs/team', { query: { date }, signal }),
  });
}

export interface SaveLogInput {
  date: string;
  planCustomers: number[];
  planNote?: string | null;
  done?: string | null;
  problems?: string | null;
  tomorrow?: string | null;
  submit: boolean;
  version: number;
}
export function useSaveMyLog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveLogInput) => apiFetch<WorkLog>('/api/work-logs/mine', { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: worklogKeys.all }),
  });
}
export function useCommentLog(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch<WorkLog>(`/api/work-logs/${id}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: worklogKeys.all }),
  });
}
export function useAssignWork() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: number; date: string; work: string }) =>
      apiFetch('/api/work-logs/assign', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: worklogKeys.all }),
  });
}

export function useMyMonthlyReport(month?: string, enabled = true) {
  return useQuery({
    queryKey: [...worklogKeys.reports, 'mine', month],
    queryFn: ({ signal }) =>
      apiFetch<{ month: string; report: MonthlyReport | null }>('/api/monthly-reports/mine', {
        query: { month },
        signal,
      }),
    enabled,
  });
}
export function useMonthlyReports(params: QueryParams) {
  return useQuery({
    queryKey: [...worklogKeys.reports, 'list', params],
    queryFn: ({ signal }) => apiFetch<Paged<MonthlyReport>>('/api/monthly-reports', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useMissingReports(month?: string) {
  return useQuery({
    queryKey: [...worklogKeys.reports, 'missing', month],
    queryFn: ({ signal }) =>
      apiFetch<{ month: string; items: MissingRow[]; more: boolean }>('/api/monthly-reports/missing', {
        query: { month },
        signal,
      }),
  });
}
export function useSaveMonthlyReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { month: string; summary: string; nextMonthPlan: string; version: number }) =>
      apiFetch('/api/monthly-reports/mine', { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: worklogKeys.reports }),
  });
}
