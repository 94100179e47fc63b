import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, getCsrfToken } from '../../app/api';
import { currentLanguage, i18n } from '../../app/i18n';
import type { ImportJob, ImportJobSummary, ImportProblem } from './types';

export const importKeys = {
  all: ['imports'] as const,
  list: (page: number) => ['imports', 'list', page] as const,
  job: (id: number) => ['imports', 'job', id] as const,
  problems: (id: number, page: number, pageSize: number) => ['imports', 'problems', id, page, pageSize] as const,
};

/** States in which the server is still working: the page polls until the job leaves them. */
export const BUSY = new Set(['analysing', 'validating', 'committing']);

export function useImportJob(id: number | null) {
  return useQuery({
    queryKey: importKeys.job(id ?? 0),
    queryFn: ({ signal }) => apiFetch<ImportJob>(`/api/imports/${id}`, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && BUSY.has(q.state.data.status) ? 400 : false),
  });
}

export function useImportList(page: number) {
  return useQuery({
    queryKey: importKeys.list(page),
    queryFn: ({ signal }) =>
      apiFetch<{ items: ImportJobSummary[]; hasMore: boolean }>('/api/imports', {
        query: { page, pageSize: 10 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useImportProblems(id: number, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.problems(id, page, pageSize),
    queryFn: ({ signal }) =>
      apiFetch<{ items: ImportProblem[]; total: number }>(`/api/imports/${id}/problems`, {
        query: { page, pageSize },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Starts a step (dry run with the mapping, or commit); the job query then polls its progress. */
export function useImportStep(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: 'dry-run' | 'commit'; body?: unknown }) =>
      apiFetch<{ id: number }>(`/api/imports/${id}/${step}`, { method: 'POST', body: body ?? {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: importKeys.all }),
  });
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/**
 * Uploads an xlsx as a new import job with upload progress (XMLHttpRequest: fetch reports none);
 * errors come back as ApiError like every other request.
 */
export async function uploadImport(file: File, onProgress: (percent: number) => void): Promise<{ id: number }> {
  const contentBase64 = await toBase64(file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', currentLanguage());
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as { id: number });
      else reject(new ApiError(xhr.status, { message: i18n.t('errors.unknown'), ...body }));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: i18n.t('errors.network') }));
    xhr.send(JSON.stringify({ template: 'customers', fileName: file.name, contentBase64 }));
  });
}
