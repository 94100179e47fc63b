import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../scripts/src/demo-data.ts';
import { createTestEnv, type TestEnv } from './harness.ts';

/**
 * `npm start` loads the demo company with dates relative to the clock, so which customers each story
 * finds free changes with the hour: on 7 Dec 2026 from about 11:00 Shanghai time the order over its
 * credit limit found no customer of rep1 and the first start failed. Loaded here at clock times
 * around the day and year; each must load whole, with that story in place.
 */
const CLOCKS = ['2026-12-07T03:06:00Z', '2026-12-07T03:25:00Z', '2027-03-15T16:45:00Z'];

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('demo data', () => {
  it.each(CLOCKS)(
    'loads whole at %s',
    async (clock) => {
      env = await createTestEnv();
      await loadDemoData(env.database.db, new Date(clock));
      const { rows } = await env.database.db.execute<{ pending: number }>(
        sql`select count(*)::int as pending from approval_instances
          where doc_type = 'order_credit_override' and status = 'pending'`,
      );
      expect(rows[0].pending).toBeGreaterThanOrEqual(1);
    },
    240_000,
  );
});
