import type { RegistrationKind, RouteReason } from '@sales/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Paged, type QueryParams } from '../../app/api';

/**
 * Kept here rather than imported from @sales/core's front-desk.ts, which sits beside zod schemas;
 * the `satisfies` checks keep the copies in line with the core types.
 */
export const REGISTRATION_KINDS = ['visit', 'call'] as const satisfies readonly RegistrationKind[];
export const ROUTE_REASONS = [
  'existing_owner',
  'rotation',
  'claimed_rep',
  'replacement',
] as const satisfies readonly RouteReason[];
export const SURVEY_FILTERS = ['flagged', 'pending'] as const;
/** 归属冲突 filter: open ones (awaiting the manager) or every conflict. */
export const CONFLICT_FILTERS = ['open', 'any'] as const;
export type ConflictStatus = 'open' | 'kept' | 'reassigned';

export const ROUTE_COLORS: Record<string, string> = {
  existing_owner: 'blue',
  rotation: 'green',
  claimed_rep: 'purple',
  replacement: 'gold',
};

export interface Registration {
  id: number;
  kind: RegistrationKind;
  visitorName: string;
  phone: string | null;
  companyName: string | null;
  channel: string;
  intent: string | null;
  /** Decimal string. */
  budget: string | null;
  notes: string | null;
  repClaimedUserId: number | null;
  repClaimedName: string | null;
  repClaimedText: string | null;
  dutyGroupId: number | null;
  dutyGroupName: string | null;
  regDate: string;
  registeredAt: string;
  registeredByName: string | null;
  routedToId: number;
  routedToName: string;
  routedDeptName: string | null;
  routeReason: RouteReason;
  matchedCustomerId: number | null;
  matchedInPool: boolean;
  isNewCustomer: boolean;
  customerId: number;
  customerNo: string | null;
  customerName: string | null;
  survey: {
    flaggedAt: string;
    flaggedByName: string | null;
    repId: number | null;
    repName: string | null;
    visitorConfirmed: boolean;
    note: string | null;
  } | null;
  replacement: {
    id: number;
    userId: number;
    userName: string | null;
    grantedByName: string | null;
    grantedAt: string;
    note: string | null;
    consumedAt: string | null;
    consumedRegistrationId: number | null;
  } | null;
  /** 归属冲突: the visitor named another rep than the customer's owner. */
  conflict: {
    status: ConflictStatus;
    repId: number | null;
    repName: string | null;
    resolvedByName: string | null;
    resolvedAt: string | null;
    note: string | null;
  } | null;
  masked: boolean;
  version: number;
}

export interface RegistrationInput {
  kind: RegistrationKind;
  visitorName: string;
  phone: string | null;
  companyName: string | null;
  channel: string;
  intent: string | null;
  budget: string | null;
  notes: string | null;
  repUserId: number | null;
  repName: string | null;
  dutyGroupId: number | null;
}

// a type alias (not interface) so it is assignable to QueryParams
export type RegistrationFilters = {
  from?: string;
  to?: string;
  kind?: string;
  channel?: string;
  routeReason?: string;
  routedToId?: number;
  survey?: string;
  conflict?: string;
  keyword?: string;
};

export interface Counts {
  visits: number;
  calls: number;
  newCustomers: number;
}

export interface RegistrationStats {
  from: string;
  to: string;
  total: number;
  totals: Counts & { byChannel: Record<string, Counts> };
  days: (Counts & { date: string; byChannel: Record<string, Counts> })[];
}

export interface OnDutyMember {
  userId: number;
  name: string;
  position: number;
  absent: boolean;
  active: boolean;
  pendingReplacements: number;
}

export interface OnDutyGroup {
  groupId: number;
  name: string;
  deptName: string | null;
  members: OnDutyMember[];
  assignedCount: number;
  nextUserId: number | null;
}

export const frontDeskKeys = {
  all: ['front-desk'] as const,
  list: (params: QueryParams) => ['front-desk', 'registrations', params] as const,
  detail: (id: number) => ['front-desk', 'registration', id] as const,
  stats: (from?: string, to?: string) => ['front-desk', 'stats', from ?? '', to ?? ''] as const,
  onDutyAll: ['front-desk', 'on-duty'] as const,
  onDuty: (date?: string) => ['front-desk', 'on-duty', date ?? ''] as const,
};

export function useRegistrations(params: RegistrationFilters & { page: number; pageSize: number }, enabled = true) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: frontDeskKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<Registration>>('/api/front-desk/registrations', { query: q, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegistration(id: number) {
  return useQuery({
    queryKey: frontDeskKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Registration>(`/api/front-desk/registrations/${id}`, { signal }),
    enabled: Number.isFinite(id) && id > 0,
  });
}

/** Counts per day and channel; without dates the server answers for today. */
export function useRegistrationStats(from?: string, to?: string, enabled = true) {
  return useQuery({
    queryKey: frontDeskKeys.stats(from, to),
    queryFn: ({ signal }) => apiFetch<RegistrationStats>('/api/front-desk/stats', { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Who is on duty (today by default) per group, and who receives the next new visitor. */
export function useOnDuty(date?: string, enabled = true) {
  return useQuery({
    queryKey: frontDeskKeys.onDuty(date),
    queryFn: ({ signal }) =>
      apiFetch<{ date: string; groups: OnDutyGroup[] }>('/api/front-desk/on-duty', { query: { date }, signal }),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationInput) =>
      apiFetch<Registration>('/api/front-desk/registrations', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: frontDeskKeys.all });
      void qc.invalidateQueries({ queryKey: ['customers', 'list'] });
      void qc.invalidateQueries({ queryKey: ['pool'] });
    },
  });
}

function useSetRegistration() {
  const qc = useQueryClient();
  return (reg: Registration) => {
    qc.setQueryData(frontDeskKeys.detail(reg.id), reg);
    void qc.invalidateQueries({ queryKey: ['front-desk', 'registrations'] });
    void qc.invalidateQueries({ queryKey: frontDeskKeys.onDutyAll });
  };
}

export function useFlagMarketSurvey(id: number) {
  const set = useSetRegistration();
  return useMutation({
    mutationFn: (body: { repUserId: number; note: string | null; version: number }) =>
      apiFetch<Registration>(`/api/front-desk/registrations/${id}/market-survey`, {
        method: 'POST',
        body: { ...body, repConfirmed: true, visitorConfirmed: true },
      }),
    onSuccess: set,
  });
}

export function useGrantReplacement(id: number) {
  const set = useSetRegistration();
  return useMutation({
    mutationFn: (body: { note: string | null }) =>
      apiFetch<Registration>(`/api/front-desk/registrations/${id}/replacement`, { method: 'POST', body }),
    onSuccess: set,
  });
}

/** The manager settles an ownership conflict: keep the owner or reassign to the rep the visitor named. */
export function useResolveConflict(id: number) {
  const set = useSetRegistration();
  return useMutation({
    mutationFn: (body: { decision: 'keep' | 'reassign'; note: string; version: number }) =>
      apiFetch<Registration>(`/api/front-desk/registrations/${id}/conflict`, { method: 'POST', body }),
    onSuccess: set,
  });
}
