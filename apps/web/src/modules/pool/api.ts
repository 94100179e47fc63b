import type { PoolLeaveHow, PoolReclaimReason } from '@sales/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import { customerKeys } from '../customers/api';

/**
 * Kept here rather than imported from @sales/core's pool.ts, which sits beside zod schemas; the
 * `satisfies` checks keep the copies in line with the core types.
 */
export const POOL_LEAVE_HOWS = ['release', 'reclaim', 'transfer'] as const satisfies readonly PoolLeaveHow[];
export const POOL_RECLAIM_REASONS = ['no_follow_up', 'no_deal'] as const satisfies readonly PoolReclaimReason[];
export const POOL_SORTS = ['poolEnteredAt', 'createdAt', 'name'] as const;

export const HOW_COLORS: Record<string, string> = { release: 'blue', reclaim: 'orange', transfer: 'purple' };

export interface Pool {
  id: number;
  name: string;
  description: string | null;
  isDefault: boolean;
  memberDepts: { id: number; name: string }[];
  customerCount: number;
  canManage: boolean;
  version: number;
}

export interface PoolInput {
  name: string;
  description: string | null;
  memberDeptIds: number[];
}

export interface PoolCustomer {
  id: number;
  no: string;
  kind: string;
  name: string;
  mobile: string | null;
  phone: string | null;
  class: string | null;
  region: string | null;
  industry: string | null;
  source: string | null;
  tags: string[];
  poolId: number;
  poolName: string;
  poolEnteredAt: string | null;
  lastFollowUpAt: string | null;
  createdAt: string;
  version: number;
  lastReason: string | null;
  lastHow: PoolLeaveHow | null;
  lastOwnerName: string | null;
  /** Set while the current user may not claim the customer back. */
  blockedUntil: string | null;
}

export interface PoolHistoryEntry {
  at: string;
  how: PoolLeaveHow;
  reason: string;
  userName: string;
  poolName: string;
}

export interface PoolContact {
  id: number;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  isPrimary: boolean;
}

export interface PoolCustomerDetail extends Omit<PoolCustomer, 'lastReason' | 'lastHow' | 'lastOwnerName'> {
  creditCode: string | null;
  idNumber: string | null;
  email: string | null;
  address: string | null;
  remark: string | null;
  lastDealAt: string | null;
  masked: boolean;
  contacts: PoolContact[];
  history: PoolHistoryEntry[];
}

export interface PoolStatus {
  id: number;
  inPool: boolean;
  poolId: number | null;
  homePoolId: number | null;
  homePoolName: string | null;
  lockedAt: string | null;
  lockedByName: string | null;
  reclaimDueAt: string | null;
  reclaimReason: PoolReclaimReason | null;
  warnedAt: string | null;
  lastDealAt: string | null;
  ownerLocked: number;
  ownerLockMax: number;
  version: number;
}

// a type alias (not interface) so it is assignable to QueryParams
export type PoolFilters = {
  poolId?: number;
  keyword?: string;
  kind?: string;
  class?: string;
  region?: string;
  industry?: string;
  source?: string;
  sort?: string;
  order?: 'asc' | 'desc';
};

export const poolKeys = {
  pools: ['pools'] as const,
  list: (params: QueryParams) => ['pool', 'customers', 'list', params] as const,
  detail: (id: number) => ['pool', 'customers', 'detail', id] as const,
  /** Under the customer's detail key: refreshed whenever the customer page refreshes the customer. */
  status: (customerId: number) => [...customerKeys.detail(customerId), 'pool-status'] as const,
};

export function usePools(enabled = true) {
  return useQuery({
    queryKey: poolKeys.pools,
    queryFn: ({ signal }) => apiFetch<ItemsResponse<Pool>>('/api/pools', { signal }),
    staleTime: 30_000,
    enabled,
  });
}

export function usePoolCustomers(params: PoolFilters & { page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: poolKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<PoolCustomer>>('/api/pool/customers', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePoolCustomer(id: number) {
  return useQuery({
    queryKey: poolKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<PoolCustomerDetail>(`/api/pool/customers/${id}`, { signal }),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function usePoolStatus(customerId: number, enabled = true) {
  return useQuery({
    queryKey: poolKeys.status(customerId),
    queryFn: ({ signal }) => apiFetch<PoolStatus>(`/api/customers/${customerId}/pool-status`, { signal }),
    enabled,
  });
}

/** Pool lists and counts, customer lists, and one customer's detail (both views). */
function useInvalidatePool() {
  const qc = useQueryClient();
  return (id?: number) => {
    void qc.invalidateQueries({ queryKey: ['pool'] });
    void qc.invalidateQueries({ queryKey: poolKeys.pools });
    void qc.invalidateQueries({ queryKey: ['customers', 'list'] });
    if (id) void qc.invalidateQueries({ queryKey: customerKeys.detail(id) });
  };
}

export function useSavePool(id?: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PoolInput & { version?: number }) =>
      id
        ? apiFetch<Pool>(`/api/pools/${id}`, { method: 'PUT', body })
        : apiFetch<Pool>('/api/pools', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: poolKeys.pools }),
  });
}

export function useClaimCustomer() {
  const invalidate = useInvalidatePool();
  return useMutation({
    mutationFn: (id: number) =>
      apiFetch<{ id: number; ownerId: number; poolId: number; version: number }>(`/api/pool/customers/${id}/claim`, {
        method: 'POST',
      }),
    onSuccess: (res) => invalidate(res.id),
  });
}

export function useMovePoolCustomer(id: number) {
  const invalidate = useInvalidatePool();
  return useMutation({
    mutationFn: (body: { toPoolId: number; reason: string; version: number }) =>
      apiFetch<{ id: number; poolId: number; version: number }>(`/api/pool/customers/${id}/move`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => invalidate(id),
  });
}

export function useAssignPoolCustomer(id: number) {
  const invalidate = useInvalidatePool();
  return useMutation({
    mutationFn: (body: { toUserId: number; reason: string; version: number }) =>
      apiFetch<{ id: number; ownerId: number }>(`/api/pool/customers/${id}/assign`, { method: 'POST', body }),
    onSuccess: () => invalidate(id),
  });
}

export function useReleaseCustomer(customerId: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidatePool();
  return useMutation({
    mutationFn: (body: { reason: string; poolId: number | null; version: number }) =>
      apiFetch<{ id: number; poolId: number; version: number }>(`/api/customers/${customerId}/release`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => {
      // Once released the owner usually cannot read the customer any more: mark it stale, do not refetch.
      void qc.invalidateQueries({ queryKey: customerKeys.detail(customerId), refetchType: 'none' });
      invalidate();
    },
  });
}

export function useLockCustomer(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lock, version }: { lock: boolean; version: number }) =>
      apiFetch<{ id: number; lockedAt: string | null; version: number }>(
        `/api/customers/${customerId}/${lock ? 'lock' : 'unlock'}`,
        { method: 'POST', body: { version } },
      ),
    // The customer's version moved: refresh the customer and (under its key) the pool status.
    onSuccess: () => void qc.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}
