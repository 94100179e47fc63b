/** Permissions and colours of appraisal (server: permissions/registry.ts, SPEC 5.2). */
export const APPRAISAL_VIEW = 'appraisal.view';
export const APPRAISAL_MANAGE = 'appraisal.manage';

export const RUN_STATUS_COLORS: Record<string, string> = { open: 'blue', closed: 'default' };

export const RESULT_STATUS_COLORS: Record<string, string> = {
  pending: 'gold',
  acknowledged: 'green',
  objected: 'red',
  adjusted: 'cyan',
  rejected: 'orange',
};

/** 'YYYY-MM' or 'YYYY-MM-DD' → { year, month } for the period label (never shown raw). */
export function periodParts(period: string) {
  const [year, month] = period.split('-').map(Number);
  return { year, month };
}

/** The last `n` months that have ended, newest first, as 'YYYY-MM'. */
export function endedMonths(n: number, today = new Date()): string[] {
  const out: string[] = [];
  let y = today.getFullYear();
  let m = today.getMonth(); // 0-based: the current month's index is the previous month's number
  for (let i = 0; i < n; i++) {
    if (m === 0) {
      y -= 1;
      m = 12;
    }
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
  }
  return out;
}

/** The page of the record an evidence line links to. */
export const EVIDENCE_LINKS: Record<string, string> = {
  order: '/orders',
  sales_return: '/returns',
  complaint: '/complaints',
  discipline_record: '/discipline',
  plan: '/plans',
};
