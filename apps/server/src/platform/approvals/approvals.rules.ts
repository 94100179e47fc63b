import Decimal from 'decimal.js';

/** A condition on a document fact, e.g. { field: 'creditLimit', op: 'gt', value: '500000' }. */
export interface Condition {
  field: string;
  op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'true' | 'false';
  value?: string | number | boolean | (string | number)[];
}

/**
 * One step of a chain. `role`: every active user holding the role; `manager`: the applicant's
 * manager `level` steps up (上级); `dept_head`: head of the applicant's department (of its parent
 * when the applicant heads it); `users`: named users. `mode`: any one may approve (或签) or all
 * must (会签).
 */
export interface StepDef {
  name: string;
  kind: 'role' | 'manager' | 'dept_head' | 'users';
  role?: string;
  level?: number;
  userIds?: number[];
  mode: 'any' | 'all';
}

export const CONDITION_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'true', 'false'] as const;

function cmp(a: unknown, b: unknown): number | null {
  try {
    return new Decimal(a as Decimal.Value).cmp(new Decimal(b as Decimal.Value));
  } catch {
    return null;
  }
}

/** Whether a fact satisfies a condition; numbers and money strings compare exactly (decimal). */
export function holds(c: Condition, facts: Record<string, unknown>): boolean {
  const v = facts[c.field];
  switch (c.op) {
    case 'true':
      return v === true;
    case 'false':
      return v === false;
    case 'eq':
      return cmp(v, c.value) === 0 || v === c.value;
    case 'ne':
      return !(cmp(v, c.value) === 0 || v === c.value);
    case 'in':
      return Array.isArray(c.value) && c.value.some((x) => x === v || cmp(x, v) === 0);
    default: {
      const r = cmp(v, c.value);
      if (r === null) return false;
      return c.op === 'gt' ? r > 0 : c.op === 'gte' ? r >= 0 : c.op === 'lt' ? r < 0 : r <= 0;
    }
  }
}

/** The first rule (by priority) whose conditions all hold. */
export function pickRule<R extends { priority: number; id: number; conditions: Condition[] }>(
  rules: R[],
  facts: Record<string, unknown>,
): R | undefined {
  return [...rules]
    .sort((a, b) => a.priority - b.priority || a.id - b.id)
    .find((r) => r.conditions.every((c) => holds(c, facts)));
}
