import type { WorkCalendar } from '../../platform/calendar/work-calendar.ts';

/**
 * The reply clock of an online inquiry (seed 003 售前服务 3: 在线客服平台应在[X]分钟内回复), counted
 * in working time of the company calendar, as service tickets' SLA clocks are: an inquiry received
 * on Friday at 17:50 with 30 minutes has until Monday 09:20. Pure.
 */
export function replyDueAt(cal: WorkCalendar, receivedAt: Date, minutes: number): Date {
  return cal.addWorkingTime(receivedAt, minutes * 60_000);
}

/** Whether a reply at `at` (or no reply yet at `at`) is past the due time; met exactly on time is met. */
export function isLate(due: Date | null, at: Date): boolean {
  return due !== null && at.getTime() > due.getTime();
}
