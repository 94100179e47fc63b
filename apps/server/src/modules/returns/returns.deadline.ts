import Decimal from 'decimal.js';
import type { WorkCalendar } from '../../platform/calendar/work-calendar.ts';

/**
 * Deadline and storage fee of a sales return (销后退回, seed 000 医药公司销后退回管理规定 / SPEC 4.3):
 * "退货三个工作日内完成，以退货送到仓库为起始" — the return must be finished by the close of the
 * N-th working day after the day the goods reached the warehouse; from the next calendar day on, a
 * storage fee accrues per day (¥50 by default), half of it allocated to the warehouse clerks.
 */
export function returnDeadline(cal: WorkCalendar, arrivedAt: Date, workingDays: number): Date {
  return cal.endOfWorkingDay(cal.addWorkingDays(cal.dateOf(arrivedAt), workingDays));
}

export interface StorageFee {
  /** Calendar days past the deadline day, up to `asOf` (or until the return was finished). */
  days: number;
  total: string;
  /** The warehouse clerks' share (seed 000: 一半由仓库保管员承担). */
  clerksShare: string;
}

/** The fee owed at `asOf` for a return due at `deadline`: each calendar day after the deadline's day counts. */
export function storageFee(
  cal: WorkCalendar,
  deadline: Date,
  asOf: Date,
  perDay: string,
  clerksPercent: string,
): StorageFee {
  const last = Date.parse(`${cal.dateOf(deadline)}T00:00:00Z`);
  const today = Date.parse(`${cal.dateOf(asOf)}T00:00:00Z`);
  const days = asOf > deadline ? Math.max(0, Math.round((today - last) / 86_400_000)) : 0;
  const total = new Decimal(perDay).mul(days);
  const clerks = total.mul(clerksPercent).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { days, total: total.toFixed(2), clerksShare: clerks.toFixed(2) };
}
