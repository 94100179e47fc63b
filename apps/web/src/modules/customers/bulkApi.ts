import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api';
import { LIST_VIEWS_KEY } from '../../components/useListViews';
import { customerKeys } from './api';

/** A selected row of the customer list: its id and the version it was seen at. */
export interface BulkRow {
  id: number;
  version: number;
}

/** Most rows one bulk action takes (the server's BULK_MAX). */
export const BULK_MAX = 200;

function useInvalidateLists() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: customerKeys.all });
    void qc.invalidateQueries({ queryKey: LIST_VIEWS_KEY });
    void qc.invalidateQueries({ queryKey: ['pool'] });
  };
}

/** 批量转移: every selected customer to one new owner, all or nothing. */
export function useBulkTransfer() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: (body: { items: BulkRow[]; toUserId: number; reason: string }) =>
      apiFetch<{ ok: boolean; count: number }>('/api/customers/bulk-transfer', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** 批量放入公海: every selected customer released to a pool (each its home pool unless one is chosen), all or nothing. */
export function useBulkRelease() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: (body: { items: BulkRow[]; reason: string; poolId: number | null }) =>
      apiFetch<{ ok: boolean; count: number }>('/api/customers/bulk-release', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}
