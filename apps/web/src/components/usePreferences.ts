import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../app/api';

/** Column settings of one table (列设置), as stored under `table.<name>`. */
export interface TableColumnsPreference {
  order: string[];
  hidden: string[];
}

const PREFERENCES_KEY = ['me', 'preferences'] as const;

/**
 * The signed-in user's preferences, loaded once per session and kept in the query cache (they
 * change only through this app, which writes the cache itself): they follow the user across
 * browsers because they live on the server (GET /api/me/preferences).
 */
export function usePreferences(enabled = true) {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: async () => (await apiFetch<{ items: Record<string, unknown> }>('/api/me/preferences')).items,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    enabled,
  });
}

/** Saves one preference (PUT /api/me/preferences/:key); the cache is updated at once, the server confirms. */
export function useSavePreference(key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (value: unknown) =>
      apiFetch<{ key: string; value: unknown }>(`/api/me/preferences/${encodeURIComponent(key)}`, {
        method: 'PUT',
        body: { value },
      }),
    onMutate: (value) => {
      const prev = qc.getQueryData<Record<string, unknown>>(PREFERENCES_KEY);
      qc.setQueryData(PREFERENCES_KEY, { ...prev, [key]: value });
      return { prev };
    },
    onError: (_e, _v, context) => qc.setQueryData(PREFERENCES_KEY, context?.prev),
  });
}

/** Forgets one preference (DELETE /api/me/preferences/:key): 列设置 → 重置 back to the table's defaults. */
export function useDeletePreference(key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch(`/api/me/preferences/${encodeURIComponent(key)}`, { method: 'DELETE' }),
    onMutate: () => {
      const prev = qc.getQueryData<Record<string, unknown>>(PREFERENCES_KEY);
      const { [key]: _gone, ...rest } = prev ?? {};
      qc.setQueryData(PREFERENCES_KEY, rest);
      return { prev };
    },
    onError: (_e, _v, context) => qc.setQueryData(PREFERENCES_KEY, context?.prev),
  });
}
