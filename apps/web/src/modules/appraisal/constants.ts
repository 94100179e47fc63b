import dayjs, { type Dayjs } from 'dayjs';
import i18n from 'i18next';

/** Permissions and colours of appraisal (server: permissions/registry.ts, SPEC 5.2). */
export const APPRAISAL_VIEW = 'appraisal.view';
export const APPRAISAL_MANAGE = 'appraisal.manage';
export const APPRAISAL_SCHEME = 'appraisal.scheme';

export const RUN_STATUS_COLORS: Record<string, string> = { open: 'blue', closed: 'default' };

export const RESULT_STATUS_COLORS: Record<string, string> = {
  pending: 'gold',
  acknowledged: 'green',
  objected: 'red',
  adjusted: 'cyan',
  rejected: 'orange',
};

/**
 * A period ('YYYY-MM', 'YYYY-Qn', 'YYYY' or a date) → its parts and its words (`period`: 2026年5月,
 * 2026年第2季度, 2026年度) for the labels, never shown raw.
 */
export function periodParts(period: string) {
  const year = Number(period.slice(0, 4));
  if (/^\d{4}-Q[1-4]$/.test(period)) {
    const quarter = Number(period.slice(6));
    return { year, month: (quarter - 1) * 3 + 1, period: i18n.t('appraisal.periodQuarter', { year, quarter }) };
  }
  if (/^\d{4}$/.test(period)) return { year, month: 1, period: i18n.t('appraisal.periodYear', { year }) };
  const month = Number(period.slice(5, 7));
  return { year, month, period: i18n.t('appraisal.periodMonth', { year, month }) };
}

/** The text a run's period input takes for the picked day of a scheme's kind. */
export function periodValue(kind: 'month' | 'quarter' | 'year', d: Dayjs): string {
  if (kind === 'year') return d.format('YYYY');
  if (kind === 'quarter') return `${d.format('YYYY')}-Q${Math.floor(d.month() / 3) + 1}`;
  return d.format('YYYY-MM');
}

/** The last ended period of the kind (the run dialog's default). */
export function lastEnded(kind: 'month' | 'quarter' | 'year', today: Dayjs = dayjs()): Dayjs {
  if (kind === 'year') return today.subtract(1, 'year').startOf('year');
  if (kind === 'quarter') return today.startOf('month').subtract((today.month() % 3) + 3, 'month');
  return today.startOf('month').subtract(1, 'month');
}

/** Whether the period of the kind containing `d` has not ended yet (cannot be appraised). */
export function notEnded(kind: 'month' | 'quarter' | 'year', d: Dayjs, today: Dayjs = dayjs()): boolean {
  const end =
    kind === 'year'
      ? d.endOf('year')
      : kind === 'quarter'
        ? d
            .startOf('month')
            .subtract(d.month() % 3, 'month')
            .add(2, 'month')
            .endOf('month')
        : d.endOf('month');
  return !end.isBefore(today, 'day');
}

/** The page of the record an evidence line links to. */
export const EVIDENCE_LINKS: Record<string, string> = {
  order: '/orders',
  sales_return: '/returns',
  complaint: '/complaints',
  discipline_record: '/discipline',
  plan: '/plans',
};
