import type { Db } from '../../db/client.ts';

/**
 * A periodic sweep that turns due dates into tasks and notifications (SPEC 1.6). Sweeps must be
 * idempotent: running one twice for the same `now` changes nothing the second time.
 */
export interface Sweep {
  name: string;
  /** Cron expression in the company's time zone, e.g. '*\/15 * * * *'. */
  cron: string;
  /**
   * Run once when the scheduler starts, to catch up on ticks missed while stopped (default). A
   * full audit that only needs its nightly slot opts out: it would cost every start its run time.
   */
  runOnStart?: boolean;
  run(db: Db, now: Date): Promise<{ changed: number }>;
}

const sweeps = new Map<string, Sweep>();

/** Modules register their sweeps at import time; the scheduler runs them. */
export function registerSweep(s: Sweep) {
  sweeps.set(s.name, s);
}

export function registeredSweeps(): Sweep[] {
  return [...sweeps.values()];
}
