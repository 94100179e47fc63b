import type { Db } from '../../db/client.ts';

/**
 * A periodic sweep that turns due dates into tasks and notifications (SPEC 1.6). Sweeps must be
 * idempotent: running one twice for the same `now` changes nothing the second time.
 */
export interface Sweep {
  name: string;
  /** Cron expression in the company's time zone, e.g. '*\/15 * * * *'. */
  cron: string;
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
