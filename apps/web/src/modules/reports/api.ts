import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from '../../app/api';
import type { DailyReport, DealRegister, HalfYearReport, Review, WeeklyReport } from './types';

export type ReportPath = 'daily' | 'weekly' | 'half-year' | 'deals';

function useReport<T>(path: ReportPath, params: QueryParams) {
  return useQuery({
    queryKey: ['reports', path, params],
    queryFn: ({ signal }) => apiFetch<T>(`/api/reports/${path}`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useDailyReport = (p: QueryParams) => useReport<DailyReport>('daily', p);
export const useWeeklyReport = (p: QueryParams) => useReport<WeeklyReport>('weekly', p);
export const useHalfYearReport = (p: QueryParams) => useReport<HalfYearReport>('half-year', p);
export const useDealRegister = (p: QueryParams) => useReport<DealRegister>('deals', p);

export interface ReviewInput {
  period: string;
  departmentId: number;
  themeReview: string;
  suggestions: string;
  version?: number;
}

export function useSaveReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewInput) => apiFetch<Review>('/api/reports/half-year/review', { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports', 'half-year'] }),
  });
}
