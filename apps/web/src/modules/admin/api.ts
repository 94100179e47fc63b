import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { DataScope } from '../../app/dictionaries';

export interface Department {
  id: number;
  parentId: number | null;
  name: string;
  headUserId: number | null;
  headUserName: string | null;
  sort: number;
  /** Not listed in the contract's GET shape, but PUT requires it; sent when present. */
  version?: number;
}

export interface DepartmentInput {
  parentId: number | null;
  name: string;
  headUserId: number | null;
  sort: number;
}

export interface AdminUser {
  id: number;
  username: string;
  name: string;
  mobile: string | null;
  deptId: number | null;
  deptName: string | null;
  managerId: number | null;
  managerName: string | null;
  roles: string[];
  active: boolean;
  /** Locked by failed sign-ins (SPEC 1.1 lockout). */
  locked: boolean;
  version: number;
}

export interface UserInput {
  username: string;
  name: string;
  mobile?: string | null;
  deptId: number;
  managerId?: number | null;
  roles: string[];
  password?: string;
  active?: boolean;
}

export interface Grant {
  permission: string;
  scope: DataScope;
  customDeptIds: number[];
}

export interface Role {
  id: number;
  code: string;
  name: string;
  grants: Grant[];
  version: number;
}

export interface PermissionDef {
  permission: string;
  resource: string;
  scoped: boolean;
}

export type PolicyType = 'integer' | 'decimal' | 'boolean' | 'string' | 'enum';
export type PolicyValue = string | number | boolean | null;

export interface Policy {
  key: string;
  value: PolicyValue;
  defaultValue: PolicyValue;
  type: PolicyType;
  options?: string[];
  /** Bounds of integer (number) and decimal ("0.00" string) policies. */
  min?: number | string | null;
  max?: number | string | null;
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface PolicyHistoryEntry {
  at: string;
  actorName: string | null;
  old: PolicyValue;
  new: PolicyValue;
}

// ---------- departments ----------
export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<Department>>('/api/departments', { signal }),
    staleTime: 60_000,
  });
}

export function useSaveDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DepartmentInput & { id?: number; version?: number }) =>
      id
        ? apiFetch<Department>(`/api/departments/${id}`, { method: 'PUT', body })
        : apiFetch<Department>('/api/departments', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['departments'] });
      void qc.invalidateQueries({ queryKey: ['admin-users'] });
    },
  });
}

// ---------- users ----------
export function useAdminUsers(params: { page: number; pageSize: number; keyword?: string; deptId?: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: ['admin-users', q],
    queryFn: ({ signal }) => apiFetch<Paged<AdminUser>>('/api/users', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UserInput & { id?: number; version?: number }) =>
      id
        ? apiFetch<AdminUser>(`/api/users/${id}`, { method: 'PUT', body })
        : apiFetch<AdminUser>('/api/users', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['admin-users'] });
      void qc.invalidateQueries({ queryKey: ['users', 'options'] });
    },
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      apiFetch<void>(`/api/users/${id}/reset-password`, { method: 'POST', body: { password } }),
  });
}

export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/users/${id}/unlock`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-users'] }),
  });
}

// ---------- roles & permissions ----------
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<Role>>('/api/roles', { signal }),
    enabled,
  });
}

export function usePermissions() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<PermissionDef>>('/api/permissions', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useSaveRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id?: number; code?: string; name: string; grants: Grant[]; version?: number }) =>
      id
        ? apiFetch<Role>(`/api/roles/${id}`, { method: 'PUT', body })
        : apiFetch<Role>('/api/roles', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['roles'] }),
  });
}

// ---------- policies ----------
export function usePolicies() {
  return useQuery({
    queryKey: ['policies'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<Policy>>('/api/policies', { signal }),
  });
}

export function usePolicyHistory(key: string | null) {
  return useQuery({
    queryKey: ['policies', key, 'history'],
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<PolicyHistoryEntry>>(`/api/policies/${encodeURIComponent(key ?? '')}/history`, { signal }),
    enabled: !!key,
  });
}

export function useSavePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value, version }: { key: string; value: PolicyValue; version: number }) =>
      apiFetch<Policy>(`/api/policies/${encodeURIComponent(key)}`, { method: 'PUT', body: { value, version } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['policies'] }),
  });
}
