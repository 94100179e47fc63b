import type { Policy, PolicyValue } from './api';

/** Unit of a policy value; labels live in `policyUnit.*` (input suffix) and `policyValue.*` (display). */
export type PolicyUnit =
  | 'times'
  | 'minutes'
  | 'hours'
  | 'days'
  | 'workingDays'
  | 'yuan'
  | 'yuanPerDay'
  | 'customers'
  | 'periods'
  | 'years'
  | 'timesPerQuarter'
  | 'dayOfMonth'
  | 'weekday';

const UNITS: Record<string, PolicyUnit> = {
  'auth.maxFailedLogins': 'times',
  'auth.lockMinutes': 'minutes',
  'auth.sessionHours': 'hours',
  'pool.noFollowUpReclaimDays': 'days',
  'pool.noDealReclaimDays': 'days',
  'pool.reclaimWarningDays': 'days',
  'pool.maxOwnedCustomers': 'customers',
  'followup.dueSoonDays': 'days',
  'records.retentionYears': 'years',
};

export function policyUnit(key: string): PolicyUnit | undefined {
  return UNITS[key];
}

/** 'pool.noDealReclaimDays' → 'pool' (the policy's category). */
export function policyGroup(key: string): string {
  const dot = key.indexOf('.');
  return dot > 0 ? key.slice(0, dot) : key;
}

/**
 * Locale keys of a policy. Policy keys contain dots, which i18next reads as nesting, so the
 * locale files hold them as nested objects: policies.pool.noDealReclaimDays.
 */
export const policyLabelKey = (key: string) => `policies.${key}`;
export const policyHintKey = (key: string) => `policyHints.${key}`;
export const policyOptionKey = (key: string, option: string) => `policyOptions.${key}.${option}`;

/** "60" / "60.5" / 60 → "60.00" (the API's decimal format); null when not a plain decimal. */
export function toDecimalString(value: PolicyValue): string | null {
  if (value === null || typeof value === 'boolean') return null;
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(String(value).trim());
  if (!m) return null;
  return `${m[1].replace(/^0+(?=\d)/, '')}.${(m[2] ?? '').padEnd(2, '0')}`;
}

/** Value in the type the API expects (integer → number, decimal → "0.00" string), or null if invalid. */
export function normalizePolicyValue(policy: Policy, value: PolicyValue): PolicyValue {
  switch (policy.type) {
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(value);
      return value === null || value === '' || !Number.isInteger(n) ? null : n;
    }
    case 'decimal':
      return toDecimalString(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    default:
      return value === null || value === '' ? null : String(value);
  }
}

/** True when a normalized value is within the policy's min/max (decimals compared as numbers; max is 1e7). */
export function inRange(policy: Policy, value: PolicyValue): boolean {
  if (value === null) return false;
  if (policy.type !== 'integer' && policy.type !== 'decimal') return true;
  const n = Number(value);
  if (!Number.isFinite(n)) return false;
  if (policy.min !== undefined && policy.min !== null && n < Number(policy.min)) return false;
  if (policy.max !== undefined && policy.max !== null && n > Number(policy.max)) return false;
  return true;
}
