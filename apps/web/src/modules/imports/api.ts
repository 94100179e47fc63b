import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, getCsrfToken } from '../../app/api';
import { currentLanguage, i18n } from '../../app/i18n';
import { readBase64 } from '../../components/files';
import { IMPORT_PATHS } from './kinds';
import type { ImportJob, ImportJobSummary, ImportProblem, ImportTemplate } from './types';

export const importKeys = {
  all: ['imports'] as const,
  list: (kind: ImportTemplate, page: number) => ['imports', 'list', kind, page] as const,
  job: (kind: ImportTemplate, id: number) => ['imports', 'job', kind, id] as const,
  problems: (kind: ImportTemplate, id: number, page: number, pageSize: number) =>
    ['imports', 'problems', kind, id, page, pageSize] as const,
};

/** States in which the server is still working: the page polls until the job leaves them. */
export const BUSY = new Set(['analysing', 'validating', 'committing']);

export function useImportJob(kind: ImportTemplate, id: number | null) {
  return useQuery({
    queryKey: importKeys.job(kind, id ?? 0),
    queryFn: ({ signal }) => apiFetch<ImportJob>(`${IMPORT_PATHS[kind]}/${id}`, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && BUSY.has(q.state.data.status) ? 400 : false),
  });
}

export function useImportList(kind: ImportTemplate, page: number) {
  return useQuery({
    queryKey: importKeys.list(kind, page),
    queryFn: ({ signal }) =>
      apiFetch<{ items: ImportJobSummary[]; hasMore: boolean }>(IMPORT_PATHS[kind], {
        query: { page, pageSize: 10 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useImportProblems(kind: ImportTemplate, id: number, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.problems(kind, id, page, pageSize),
    queryFn: ({ signal }) =>
      apiFetch<{ items: ImportProblem[]; total: number }>(`${IMPORT_PATHS[kind]}/${id}/problems`, {
        query: { page, pageSize },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Starts a step (dry run with the mapping, or commit); the job query then polls its progress. */
export function useImportStep(kind: ImportTemplate, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: 'dry-run' | 'commit'; body?: unknown }) =>
      apiFetch<{ id: number }>(`${IMPORT_PATHS[kind]}/${id}/${step}`, { method: 'POST', body: body ?? {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: importKeys.all }),
  });
}

/**
 * Uploads an xlsx as a new import job with upload progress (XMLHttpRequest: fetch reports none);
 * errors come back as ApiError like every other request.
 */
export async function uploadImport(
  kind: ImportTemplate,
  file: File,
  onProgress: (percent: number) => void,
): Promise<{ id: number }> {
  const contentBase64 = await readBase64(file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', IMPORT_PATHS[kind]);
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
    xhr.send(JSON.stringify({ template: kind, fileName: file.name, contentBase64 }));
  });
}
