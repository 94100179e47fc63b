import PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { registeredSweeps, type Sweep } from './sweeps.ts';

export interface SchedulerOptions {
  /** Cron time zone (SPEC: the company's, Asia/Shanghai by default). */
  timezone?: string;
  /** How often an idle worker polls its queue. */
  pollingIntervalSeconds?: number;
  /** Queue one run of every sweep at start, so a restarted server catches up at once (default true). */
  runOnStart?: boolean;
  log?: (msg: string, err?: unknown) => void;
}

export interface Scheduler {
  boss: PgBoss;
  /** Queue name of each registered sweep, by sweep name. */
  queues: Map<string, string>;
  /** Queues one run of a sweep now (it runs on whichever instance's worker fetches it). */
  runNow(sweepName: string): Promise<string | null>;
  /** Stops fetching, lets running sweeps finish (up to a timeout), then closes pg-boss's pool. */
  stop(): Promise<void>;
}

export const SCHEDULER_SCHEMA = 'pgboss';
const queueName = (s: Sweep) => `sweep-${s.name.replace(/[^\w-]/g, '-')}`;

/**
 * Starts pg-boss in its own schema of the application database and runs every registered sweep
 * on its cron (SPEC 1.6). Multi-instance safe: pg-boss elects one instance per cron tick and
 * sends at most one job per minute per schedule; 'stately' queues never run one sweep twice at
 * once; and sweeps are idempotent anyway.
 */
export async function startScheduler(
  db: Db,
  connectionString: string,
  opts: SchedulerOptions = {},
): Promise<Scheduler> {
  const log =
    opts.log ?? ((msg: string, err?: unknown) => console.error(msg, err instanceof Error ? err.message : (err ?? '')));
  const timezone = opts.timezone ?? 'Asia/Shanghai';
  const boss = new PgBoss({
    connectionString,
    schema: SCHEDULER_SCHEMA,
    application_name: 'sales-service-scheduler',
    max: 4,
  });
  let stopping = false;
  // Once stopping, closed sockets still report the database's shutdown notice: nothing to log.
  boss.on('error', (err) => stopping || log('scheduler error:', err));
  await boss.start();

  const sweeps = registeredSweeps();
  const queues = new Map<string, string>();
  for (const sweep of sweeps) {
    const queue = queueName(sweep);
    queues.set(sweep.name, queue);
    // No retries: the next tick runs the sweep again; a run that hangs expires after 15 minutes.
    await boss.createQueue(queue, { name: queue, policy: 'stately', retryLimit: 0, expireInSeconds: 15 * 60 });
    await boss.schedule(queue, sweep.cron, {}, { tz: timezone });
    await boss.work(queue, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10 }, async () => {
      try {
        await sweep.run(db, new Date());
      } catch (err) {
        log(`sweep ${sweep.name} failed:`, err);
        throw err;
      }
    });
  }
  // Two instances starting together queue one run: a stately queue holds one waiting job.
  if (opts.runOnStart ?? true) {
    for (const sweep of sweeps) if (sweep.runOnStart ?? true) await boss.send(queues.get(sweep.name) as string, {});
  }
  // A sweep that was renamed or removed must not leave its old schedule firing.
  for (const s of await boss.getSchedules()) {
    if (s.name.startsWith('sweep-') && ![...queues.values()].includes(s.name)) await boss.unschedule(s.name);
  }

  return {
    boss,
    queues,
    async runNow(sweepName: string) {
      const queue = queues.get(sweepName);
      if (!queue) throw new Error(`unknown sweep ${sweepName}`);
      return boss.send(queue, {});
    },
    async stop() {
      stopping = true;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
