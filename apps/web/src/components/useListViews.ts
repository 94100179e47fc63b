import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from '../app/api';

export type ListView = 'mine' | 'subordinates' | 'all';
export const LIST_VIEWS: readonly ListView[] = ['mine', 'subordinates', 'all'];

export interface ListViewCounts {
  total: number;
  capped: boolean;
  views: { view: ListView; total: number; capped: boolean }[];
}

/** The list-view counts query key prefix: invalidate it after anything that moves records between owners. */
export const LIST_VIEWS_KEY = ['list-views'] as const;

/**
 * The views the user has on a list and the count of each (GET /api/<list>/views) under the
 * list's other filters (the view itself excluded).
 */
export function useListViewCounts(path: string, filters: QueryParams) {
  return useQuery({
    queryKey: [...LIST_VIEWS_KEY, path, filters],
    queryFn: () => apiFetch<ListViewCounts>(path, { query: filters }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The view in the URL (absent: 全部). */
export function readListView(sp: URLSearchParams): ListView | undefined {
  const v = sp.get('view');
  return v && (LIST_VIEWS as readonly string[]).includes(v) ? (v as ListView) : undefined;
}
