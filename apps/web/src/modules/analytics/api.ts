import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from '../../app/api';
import type { AnalyticsRecords, Dashboard } from './types';

export const analyticsKeys = {
  dashboard: (params: QueryParams) => ['analytics', 'dashboard', params] as const,
  records: (params: QueryParams) => ['analytics', 'records', params] as const,
  aging: ['analytics', 'aging'] as const,
};

export function useDashboard(params: QueryParams) {
  return useQuery({
    queryKey: analyticsKeys.dashboard(params),
    queryFn: ({ signal }) => apiFetch<Dashboard>('/api/analytics/dashboard', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAnalyticsRecords(params: QueryParams) {
  return useQuery({
    queryKey: analyticsKeys.records(params),
    queryFn: ({ signal }) => apiFetch<AnalyticsRecords>('/api/analytics/records', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

type AgingTotals = Record<string, string> & { outstanding: string };

/** Receivables aging from finance's maintained balances (ADR 0003): only the totals of the scope. */
export function useReceivablesAging(enabled: boolean) {
  return useQuery({
    queryKey: analyticsKeys.aging,
    queryFn: ({ signal }) => apiFetch<{ totals: AgingTotals }>('/api/receivables', { query: { pageSize: 1 }, signal }),
    enabled,
  });
}
