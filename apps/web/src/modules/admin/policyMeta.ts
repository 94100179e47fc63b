import type { TFunction } from 'i18next';
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
  | 'weekday'
  | 'percent';

const UNITS: Record<string, PolicyUnit> = {
  'auth.maxFailedLogins': 'times',
  'auth.lockMinutes': 'minutes',
  'auth.sessionHours': 'hours',
  'pool.noFollowUpReclaimDays': 'days',
  'pool.noDealReclaimDays': 'days',
  'pool.reclaimWarningDays': 'days',
  'pool.maxOwnedCustomers': 'customers',
  'pool.maxLockedCustomers': 'customers',
  'pool.reclaimBlockDays': 'days',
  'pool.noFollowUpReclaimDays.A': 'days',
  'pool.noFollowUpReclaimDays.B': 'days',
  'pool.noFollowUpReclaimDays.C': 'days',
  'pool.noFollowUpReclaimDays.KEY': 'days',
  'pool.noDealReclaimDays.A': 'days',
  'pool.noDealReclaimDays.B': 'days',
  'pool.noDealReclaimDays.C': 'days',
  'pool.noDealReclaimDays.KEY': 'days',
  'quotes.defaultValidityDays': 'days',
  'contracts.expiryWarningDays': 'days',
  'contracts.instalmentReminderDays': 'days',
  'receivables.overdueReminderDays': 'days',
  'quotes.repDiscountLimitPercent': 'percent',
  'prices.majorCutPercent': 'percent',
  'followup.dueSoonDays': 'days',
  'records.retentionYears': 'years',
  'service.reopenWorkingDays': 'workingDays',
  'plans.monthlyPlanDueDay': 'dayOfMonth',
  'plans.monthlyPlanReminderDays': 'days',
  'returnVisit.daysAfterDelivery': 'days',
  'complaints.investigationWorkingDays': 'workingDays',
  'returns.processingDays': 'workingDays',
  'returns.storageFeePerDay': 'yuanPerDay',
  'returns.storageFeeClerksPercent': 'percent',
  'returns.internalErrorChargePerPiece': 'yuan',
  'reports.monthlyDueDay': 'dayOfMonth',
  'reports.monthlyReminderDays': 'days',
  'monitor.quoteApprovalDays': 'days',
  'monitor.contractReviewDays': 'days',
  'monitor.orderReviewDays': 'days',
  'monitor.deliveryShipDays': 'days',
  'monitor.returnOpenDays': 'days',
  'monitor.ticketIdleDays': 'days',
  'training.onboardingDays': 'days',
  'training.certificateReminderDays': 'days',
  'expenses.budgetWarnPercent': 'percent',
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

/** A per-customer-class variant of a policy: 'pool.noDealReclaimDays.A' → the policy and the class. */
const PER_CLASS = /^(.+)\.(A|B|C|KEY)$/;

/**
 * A policy's label. Per-class variants are named from their general policy and the class label
 * ("公海回收：未成交天数（A 类）") rather than one string each: i18next cannot hold both
 * `policies.pool.noDealReclaimDays` and `….A` (a string cannot have children).
 */
export function policyLabel(t: TFunction, key: string): string {
  const m = PER_CLASS.exec(key);
  if (m) return t('policyPerClass.label', { policy: t(policyLabelKey(m[1])), class: t(`dict.customerClass.${m[2]}`) });
  return t(policyLabelKey(key));
}

/** A policy's one-line explanation. */
export function policyHint(t: TFunction, key: string): string {
  return PER_CLASS.test(key) ? t('policyPerClass.hint') : t(policyHintKey(key), { defaultValue: '' });
}

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
