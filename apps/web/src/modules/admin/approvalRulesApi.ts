import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse } from '../../app/api';

export type FactType = 'money' | 'number' | 'percent' | 'boolean' | 'enum';
export type ConditionOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'true' | 'false';
export type ConditionValue = string | number | boolean | (string | number)[];
export type StepKind = 'role' | 'manager' | 'dept_head' | 'users';

export interface FactField {
  key: string;
  type: FactType;
  options?: string[];
}

export interface ApprovalDocTypeDef {
  type: string;
  fields: FactField[];
}

export interface RuleCondition {
  field: string;
  op: ConditionOp;
  value?: ConditionValue;
}

export interface RuleStep {
  name: string;
  kind: StepKind;
  role?: string;
  level?: number;
  userIds?: number[];
  mode: 'any' | 'all';
}

export interface ApprovalRuleInput {
  docType: string;
  name: string;
  priority: number;
  conditions: RuleCondition[];
  steps: RuleStep[];
  active: boolean;
}

export interface ApprovalRule extends ApprovalRuleInput {
  id: number;
  version: number;
  updatedAt?: string;
}

const RULES_KEY = ['approval-rules'] as const;

export function useApprovalRules() {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApprovalRule>>('/api/approval-rules', { signal }),
  });
}

export function useApprovalDocTypes() {
  return useQuery({
    queryKey: ['approval-doc-types'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApprovalDocTypeDef>>('/api/approval-doc-types', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useSaveApprovalRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ApprovalRuleInput & { id?: number; version?: number }) =>
      id
        ? apiFetch<{ id: number; version: number }>(`/api/approval-rules/${id}`, { method: 'PUT', body })
        : apiFetch<{ id: number }>('/api/approval-rules', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: RULES_KEY }),
  });
}
