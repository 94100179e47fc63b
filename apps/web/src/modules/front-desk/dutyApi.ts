import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse } from '../../app/api';
import { frontDeskKeys } from './api';

export interface DutyGroupMember {
  userId: number;
  name: string;
  position: number;
  active: boolean;
}

export interface DutyGroup {
  id: number;
  name: string;
  deptId: number;
  deptName: string;
  active: boolean;
  version: number;
  /** In rotation order. */
  members: DutyGroupMember[];
}

export interface DutyGroupInput {
  name: string;
  deptId: number;
  memberIds: number[];
  active: boolean;
}

export interface RosterMember {
  userId: number;
  name: string;
  position: number;
  absent: boolean;
  active: boolean;
}

export interface RosterDay {
  date: string;
  /** In rotation order; empty: nobody of the group is on duty that day. */
  members: RosterMember[];
  lastUserId: number | null;
  assignedCount: number;
}

export interface Roster {
  groupId: number;
  groupName: string;
  from: string;
  to: string;
  days: RosterDay[];
}

export interface RosterInput {
  dates: string[];
  members: { userId: number; absent: boolean }[];
}

export const dutyKeys = {
  groups: ['duty-groups'] as const,
  roster: (groupId: number, from: string, to: string) => ['duty-groups', groupId, 'roster', from, to] as const,
};

export function useDutyGroups(enabled = true) {
  return useQuery({
    queryKey: dutyKeys.groups,
    queryFn: ({ signal }) => apiFetch<ItemsResponse<DutyGroup>>('/api/duty-groups', { signal }),
    enabled,
  });
}

export function useRoster(groupId: number | undefined, from: string, to: string) {
  return useQuery({
    queryKey: dutyKeys.roster(groupId ?? 0, from, to),
    queryFn: ({ signal }) => apiFetch<Roster>(`/api/duty-groups/${groupId}/roster`, { query: { from, to }, signal }),
    enabled: !!groupId,
    placeholderData: keepPreviousData,
  });
}

export function useSaveDutyGroup(id?: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DutyGroupInput & { version?: number }) =>
      id
        ? apiFetch<DutyGroup>(`/api/duty-groups/${id}`, { method: 'PUT', body })
        : apiFetch<DutyGroup>('/api/duty-groups', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dutyKeys.groups });
      void qc.invalidateQueries({ queryKey: frontDeskKeys.onDutyAll });
    },
  });
}

/** Saves several roster changes (one PUT per set of dates sharing the same people). */
export function useSaveRoster(groupId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (changes: RosterInput[]) => {
      for (const body of changes) {
        await apiFetch<Roster>(`/api/duty-groups/${groupId}/roster`, { method: 'PUT', body });
      }
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['duty-groups', groupId, 'roster'] });
      void qc.invalidateQueries({ queryKey: frontDeskKeys.onDutyAll });
    },
  });
}
