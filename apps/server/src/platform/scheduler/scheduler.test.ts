import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { type Scheduler, startScheduler } from './scheduler.ts';
import { registerSweep } from './sweeps.ts';

/** SPEC 1.6 / ARCHITECTURE: sweeps run on pg-boss in the application database, safely on N instances. */
let env: TestEnv;
const runs: Date[] = [];
const started: Scheduler[] = [];

registerSweep({
  name: 'test-probe',
  cron: '0 3 * * *',
  async run(_db, now) {
    runs.push(now);
    await new Promise((r) => setTimeout(r, 300));
    return { changed: 0 };
  },
});

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  for (const s of started) await s.stop();
  await env.close();
});

describe('scheduler', () => {
  it('schedules every registered sweep in the company time zone, in its own schema', async () => {
    const a = await startScheduler(env.database.db, env.url, {
      pollingIntervalSeconds: 1,
      runOnStart: false,
      log: () => {},
    });
    started.push(a);
    const schedules = await a.boss.getSchedules();
    const byName = new Map(schedules.map((s) => [s.name, s]));
    expect(byName.get('sweep-test-probe')).toMatchObject({ cron: '0 3 * * *', timezone: 'Asia/Shanghai' });
    expect(byName.get('sweep-follow-ups')).toMatchObject({ cron: '*/10 * * * *', timezone: 'Asia/Shanghai' });
    expect(byName.get('sweep-mail-outbox')).toMatchObject({ cron: '* * * * *' });
    const schema = await env.database.pool.query(
      `select 1 from information_schema.schemata where schema_name = 'pgboss'`,
    );
    expect(schema.rowCount).toBe(1);
  });

  it('runs a sweep once per job even with two instances working the same queue', async () => {
    const b = await startScheduler(env.database.db, env.url, {
      pollingIntervalSeconds: 1,
      runOnStart: false,
      log: () => {},
    });
    started.push(b);
    const [a] = started;
    await a.runNow('test-probe');
    await waitFor(() => runs.length >= 1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toBeInstanceOf(Date);
    // A stately queue holds at most one waiting job: a burst of triggers does not pile up runs.
    await Promise.all([a.runNow('test-probe'), b.runNow('test-probe'), a.runNow('test-probe')]);
    await waitFor(() => runs.length >= 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs.length).toBeLessThanOrEqual(3);
  });

  it('queues one run of every sweep at start, so a restarted server catches up at once', async () => {
    const before = runs.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs.length).toBe(before);
    started.push(await startScheduler(env.database.db, env.url, { pollingIntervalSeconds: 1, log: () => {} }));
    await waitFor(() => runs.length > before);
  });

  it('stops cleanly, leaving the application pool usable', async () => {
    for (const s of started.splice(0)) await s.stop();
    const r = await env.database.pool.query('select 1 as ok');
    expect(r.rows[0].ok).toBe(1);
  });
});
