import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Paged, type QueryParams } from '../../app/api';
import type { AuditDetail, AuditRow, Capa, CapaDetail, DocumentDetail, DocumentRow } from './types';

const KEY = ['quality'] as const;
const valid = (id: number) => Number.isInteger(id) && id > 0;

function useList<T>(path: string, params: QueryParams) {
  return useQuery({
    queryKey: [...KEY, path, params],
    queryFn: ({ signal }) => apiFetch<Paged<T>>(`/api${path}`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

function useOne<T>(path: string, id: number) {
  return useQuery({
    queryKey: [...KEY, path, id],
    queryFn: ({ signal }) => apiFetch<T>(`/api${path}/${id}`, { signal }),
    enabled: valid(id),
  });
}

export const useAudits = (params: QueryParams) => useList<AuditRow>('/internal-audits', params);
export const useAudit = (id: number) => useOne<AuditDetail>('/internal-audits', id);
export const useCapas = (params: QueryParams) => useList<Capa>('/capas', params);
export const useCapa = (id: number) => useOne<CapaDetail>('/capas', id);
export const useDocuments = (params: QueryParams) => useList<DocumentRow>('/controlled-documents', params);
export const useDocument = (id: number) => useOne<DocumentDetail>('/controlled-documents', id);

/** Any quality command (POST/PUT under /api); every quality query and the to-dos are refreshed. */
export function useQualityCommand<R = { id: number }>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: { path: string; method?: 'POST' | 'PUT'; body: unknown }) =>
      apiFetch<R>(`/api${path}`, { method, body }),
    onSuccess: () => {
      for (const key of [KEY, ['tasks']]) void qc.invalidateQueries({ queryKey: key });
    },
  });
}
