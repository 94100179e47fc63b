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
      // Pre-sale inquiries (SPEC 2.9): one online inquiry inside its reply time, alerted breaches, an overdue sample.
      const inq = await env.database.db.execute<{ waiting: number; alerted: number; overdue: number }>(sql`
        select (select count(*)::int from inquiries where answered_at is null and reply_due_at > ${new Date(clock)}) waiting,
          (select count(*)::int from inquiries where breach_alerted_at is not null) alerted,
          (select count(*)::int from presale_requests where kind = 'sample' and returned_at is null
             and status = 'fulfilled' and expected_return_date < ${clock.slice(0, 10)}::date) overdue`);
      expect(inq.rows[0]).toMatchObject({ waiting: 1, overdue: 1 });
      expect(inq.rows[0].alerted).toBeGreaterThanOrEqual(2);
      // Training (SPEC 5.4): an expired certificate, a rep in onboarding, a completed session with scores.
      const tr = await env.database.db.execute<{ expired: number; onboarding: string[]; scored: number }>(sql`
        select (select count(*)::int from staff_certificates where expires_on < ${clock.slice(0, 10)}::date) expired,
          (select array_agg(u.username) from staff_records r join users u on u.id = r.user_id
             where r.onboarding_status = 'in_training') onboarding,
          (select count(*)::int from training_attendance a join training_sessions s on s.id = a.session_id
             where s.status = 'completed' and a.score is not null) scored`);
      expect(tr.rows[0]).toMatchObject({ expired: 1, onboarding: ['rep5'] });
      expect(tr.rows[0].scored).toBeGreaterThanOrEqual(3);
    },
    240_000,
  );
});
