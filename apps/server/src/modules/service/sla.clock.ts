import type { WorkCalendar } from '../../platform/calendar/work-calendar.ts';

/**
 * One SLA metric of a service ticket (first response or resolution) as a clock that counts working
 * time of the company calendar (SPEC 4.1, issue 12 item 3). Pure: each event returns the next clock.
 *
 * Rules (each has a test in sla.clock.test.ts and the random-sequence model test):
 * - elapsed = working time since the start, minus working time spent paused (waiting for the
 *   customer or for parts); a pause stops the clock in working time, not wall time;
 * - the metric is breached the moment elapsed exceeds the target (met exactly on time is met);
 * - a breached metric stays breached, whatever happens later (priority lowered, met late, reopened);
 * - a priority change re-targets from the original start, keeping the time already paused; a new
 *   target that is already used up breaches the metric as of the change;
 * - reopening a resolved ticket runs the resolution clock again; the time it spent resolved counts
 *   as paused (the customer was not waiting on us).
 */
export interface SlaClock {
  targetMs: number;
  startedAt: Date;
  /** Working time paused in closed pauses. */
  pausedMs: number;
  /** Start of the current pause, if paused. */
  pausedSince: Date | null;
  /** When the clock last started running again (resume, reopen); a breach is never dated before it. */
  resumedAt: Date | null;
  metAt: Date | null;
  breachedAt: Date | null;
}

export type SlaState = 'running' | 'paused' | 'met' | 'breached';

export function startClock(at: Date, targetMs: number): SlaClock {
  return { targetMs, startedAt: at, pausedMs: 0, pausedSince: null, resumedAt: null, metAt: null, breachedAt: null };
}

export function slaState(c: SlaClock): SlaState {
  if (c.breachedAt) return 'breached';
  if (c.metAt) return 'met';
  return c.pausedSince ? 'paused' : 'running';
}

/** When the target is reached if the clock keeps running; null when it is paused or done. */
export function dueAt(c: SlaClock, cal: WorkCalendar): Date | null {
  if (c.metAt || c.breachedAt || c.pausedSince) return null;
  return cal.addWorkingTime(c.startedAt, c.targetMs + c.pausedMs);
}

/** When `percent` of the target will have passed (the warning), on the same terms as dueAt. */
export function warnAt(c: SlaClock, cal: WorkCalendar, percent: number): Date | null {
  if (c.metAt || c.breachedAt || c.pausedSince) return null;
  return cal.addWorkingTime(c.startedAt, Math.floor((c.targetMs * percent) / 100) + c.pausedMs);
}

/** Working time counted against the target up to `at` (or until it was met). */
export function elapsedMs(c: SlaClock, cal: WorkCalendar, at: Date): number {
  const end = c.metAt && c.metAt < at ? c.metAt : at;
  const open = c.pausedSince && c.pausedSince < end ? cal.workingMsBetween(c.pausedSince, end) : 0;
  return Math.max(0, cal.workingMsBetween(c.startedAt, end) - c.pausedMs - open);
}

/**
 * Records a breach that happened by `at`: the due time passed while the clock ran. A clock resumed
 * with its target used up (resumed outside working hours, say) breaches once time moves on.
 */
export function settle(c: SlaClock, cal: WorkCalendar, at: Date): SlaClock {
  const due = dueAt(c, cal);
  if (!due) return c;
  const from = c.resumedAt ?? c.startedAt;
  const breach = due > from ? due : from;
  return breach < at ? { ...c, breachedAt: breach } : c;
}

export function pause(c: SlaClock, cal: WorkCalendar, at: Date): SlaClock {
  const s = settle(c, cal, at);
  return s.metAt || s.pausedSince ? s : { ...s, pausedSince: at };
}

export function resume(c: SlaClock, cal: WorkCalendar, at: Date): SlaClock {
  if (!c.pausedSince) return settle(c, cal, at);
  return {
    ...c,
    pausedMs: c.pausedMs + cal.workingMsBetween(c.pausedSince, at),
    pausedSince: null,
    resumedAt: c.metAt || c.breachedAt ? c.resumedAt : at,
  };
}

/** The response was given / the ticket resolved at `at` (a pause running then ends first). */
export function meet(c: SlaClock, cal: WorkCalendar, at: Date): SlaClock {
  if (c.metAt) return c;
  const s = settle(resume(c, cal, at), cal, at);
  return { ...s, metAt: at };
}

/** A new target (priority changed), from the original start, keeping the paused time. */
export function retarget(c: SlaClock, cal: WorkCalendar, at: Date, targetMs: number): SlaClock {
  const s = settle(c, cal, at);
  if (s.metAt || s.breachedAt) return { ...s, targetMs };
  // Nothing of the new target left: breached as of the change.
  return elapsedMs(s, cal, at) >= targetMs ? { ...s, targetMs, breachedAt: at } : { ...s, targetMs };
}

/** The ticket is reopened: the resolution clock runs again; the resolved interval counts as paused. */
export function reopen(c: SlaClock, cal: WorkCalendar, at: Date): SlaClock {
  if (!c.metAt) return c;
  return { ...c, pausedMs: c.pausedMs + cal.workingMsBetween(c.metAt, at), metAt: null, resumedAt: at };
}
