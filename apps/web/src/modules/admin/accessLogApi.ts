import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type Paged, type QueryParams } from '../../app/api';

/** One PIPL access-log row: who saw which records' personal data, which fields, when, for what. */
export interface AccessLogRow {
  id: number;
  at: string;
  userId: number;
  userName: string | null;
  deptName: string | null;
  entityType: string;
  recordCount: number;
  records: { id: number; label: string | null }[];
  fields: string[];
  purpose: string;
}

export type AccessLogFilters = {
  userId?: number;
  entityType?: string;
  entityId?: number;
  record?: string;
  from?: string;
  to?: string;
};

export function useAccessLog(params: AccessLogFilters & { page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: ['access-log', q],
    queryFn: ({ signal }) =>
      apiFetch<Paged<AccessLogRow> & { entityTypes: string[] }>('/api/access-log', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}
