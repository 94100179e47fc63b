import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { DisciplineDetail, DisciplineRecord, LevelPreview, PersonOption } from './types';

const KEY = ['discipline'] as const;

export function useDisciplineList(params: QueryParams) {
  return useQuery({
    queryKey: [...KEY, 'list', params],
    queryFn: ({ signal }) => apiFetch<Paged<DisciplineRecord>>('/api/discipline-records', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDisciplineRecord(id: number) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: ({ signal }) => apiFetch<DisciplineDetail>(`/api/discipline-records/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The people whose records the user may write (the person picker). */
export function useRecordablePeople(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'people'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<PersonOption>>('/api/discipline-records/people', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** The level a draft would get (the form's live preview). */
export function useLevelPreview(params: { personId?: number; occurredOn?: string; lossAmount?: string | null }) {
  const ready = !!params.personId && !!params.occurredOn;
  return useQuery({
    queryKey: [...KEY, 'level', params],
    queryFn: ({ signal }) =>
      apiFetch<LevelPreview>('/api/discipline-records/level', {
        query: { personId: params.personId, occurredOn: params.occurredOn, lossAmount: params.lossAmount || '0' },
        signal,
      }),
    enabled: ready,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Any discipline command (POST/PUT under /api); every discipline query and the to-dos are refreshed. */
export function useDisciplineCommand<R = DisciplineDetail>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: { path: string; method?: 'POST' | 'PUT'; body: unknown }) =>
      apiFetch<R>(`/api${path}`, { method, body }),
    onSuccess: () => {
      for (const key of [KEY, ['tasks']]) void qc.invalidateQueries({ queryKey: key });
    },
  });
}
