import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api';

export interface CalendarDay {
  date: string;
  working: boolean;
  source: 'company' | 'official' | 'weekly';
  name: string | null;
  companyDayId: number | null;
}

export interface CalendarSettings {
  timeZone: string;
  weekdays: number[];
  dayStart: string;
  dayEnd: string;
  breakStart: string | null;
  breakEnd: string | null;
  version: number;
  officialLastYear: number;
}

export type CalendarSettingsInput = Omit<CalendarSettings, 'timeZone' | 'officialLastYear'>;

export function useCalendarDays(from: string, to: string) {
  return useQuery({
    queryKey: ['calendar', 'days', from, to],
    queryFn: ({ signal }) =>
      apiFetch<{ items: CalendarDay[]; officialLastYear: number }>('/api/calendar/days', {
        query: { from, to },
        signal,
      }),
  });
}

export function useCalendarSettings() {
  return useQuery({
    queryKey: ['calendar', 'settings'],
    queryFn: ({ signal }) => apiFetch<CalendarSettings>('/api/calendar/settings', { signal }),
  });
}

export function useSaveCalendarSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarSettingsInput) =>
      apiFetch<CalendarSettings>('/api/calendar/settings', { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

/** Sets the company's own decision for a date, or (kind null) drops it. */
export function useSaveCalendarDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, name }: { date: string; kind: 'holiday' | 'workday' | null; name: string | null }) =>
      kind === null
        ? apiFetch(`/api/calendar/days/${date}`, { method: 'DELETE' })
        : apiFetch(`/api/calendar/days/${date}`, { method: 'PUT', body: { kind, name } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar', 'days'] }),
  });
}
