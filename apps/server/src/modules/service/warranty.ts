/**
 * Warranty of a delivered product (SPEC 4.1: in / out of warranty from the delivery date + the
 * product's warranty months; out of warranty is paid service). Counted from the day the customer
 * signed the delivery off: N months later, the day before the same calendar day (signed 15 March,
 * 12 months → last day 14 March next year). When the target month has no such day its last day is
 * the anniversary: signed 31 January, 1 month → anniversary 28 February, last day covered 27 February.
 */
export interface Warranty {
  /** The last calendar day covered (YYYY-MM-DD), or null when the product has no warranty. */
  until: string | null;
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12; // 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The warranty period of a line signed off on `signedOn` (company date) for `months` months. */
export function warrantyOf(signedOn: string, months: number): Warranty {
  if (months <= 0) return { until: null };
  return { until: previousDay(addMonths(signedOn, months)) };
}

/** Whether a service on `day` (company date) is covered. */
export function inWarranty(w: Warranty, day: string): boolean {
  return w.until !== null && day <= w.until;
}
