import { normalizeMoney } from '../../components/MoneyInput';
import type { ConditionOp, ConditionValue, FactType, RuleCondition, RuleStep, StepKind } from './approvalRulesApi';

export const STEP_KINDS: StepKind[] = ['dept_head', 'manager', 'role', 'users'];
export const STEP_MODES = ['any', 'all'] as const;

/** Operators that make sense for each fact type. */
export const OPS_BY_TYPE: Record<FactType, ConditionOp[]> = {
  money: ['gt', 'gte', 'lt', 'lte', 'eq', 'ne'],
  number: ['gt', 'gte', 'lt', 'lte', 'eq', 'ne'],
  percent: ['gt', 'gte', 'lt', 'lte', 'eq', 'ne'],
  enum: ['eq', 'ne', 'in'],
  boolean: ['true', 'false'],
};

export const opNeedsValue = (op: ConditionOp | undefined) => op !== 'true' && op !== 'false';

/** One condition row as the editor holds it (possibly incomplete). */
export interface ConditionRow {
  field?: string;
  op?: ConditionOp;
  value?: ConditionValue;
}

/** One step row as the editor holds it; fields of other kinds are ignored on save. */
export interface StepRow {
  name?: string;
  kind?: StepKind;
  role?: string;
  level?: number;
  userIds?: number[];
  mode?: 'any' | 'all';
}

/** Condition value as the API expects it: money as a 2-decimal string, numbers as numbers. */
export function toConditionValue(type: FactType | undefined, op: ConditionOp, value: ConditionValue | undefined) {
  if (!opNeedsValue(op)) return undefined;
  if (op === 'in') return Array.isArray(value) ? value : value === undefined ? [] : [value as string];
  if (type === 'money') return normalizeMoney(value as string) ?? String(value ?? '');
  if (type === 'number' || type === 'percent') return Number(value);
  return value;
}

export function toRuleCondition(row: ConditionRow, type: FactType | undefined): RuleCondition {
  const op = row.op as ConditionOp;
  const value = toConditionValue(type, op, row.value);
  return value === undefined ? { field: row.field as string, op } : { field: row.field as string, op, value };
}

export function toRuleStep(row: StepRow): RuleStep {
  const base = { name: (row.name ?? '').trim(), kind: row.kind as StepKind, mode: row.mode ?? 'any' };
  switch (row.kind) {
    case 'role':
      return { ...base, role: row.role };
    case 'manager':
      return { ...base, level: row.level ?? 1 };
    case 'users':
      return { ...base, userIds: row.userIds ?? [] };
    default:
      return base;
  }
}

/** 'conditions.0.field' → ['conditions', 0, 'field'] (a Form.List path). */
export function listPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
