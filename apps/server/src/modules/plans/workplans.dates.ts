/** 'YYYY-MM' of a company date 'YYYY-MM-DD'. */
export const monthOf = (date: string) => date.slice(0, 7);

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before 'YYYY-MM'. */
export function prevMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The day a month's work plan is due: day `dueDay` of the month before (policy
 * plans.monthlyPlanDueDay), or that month's last day when it is shorter.
 */
export function workPlanDueDate(month: string, dueDay: number): string {
  const prev = prevMonth(month);
  const [y, m] = prev.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${prev}-${String(Math.min(dueDay, last)).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' minus n calendar days. */
export function minusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}
