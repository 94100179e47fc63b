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
      // Expenses (SPEC 5.3): budgets near their limit, a claim beyond budget waiting for its over-budget approval.
      const exp = await env.database.db.execute<{ pending: number; near: number; rejected: number }>(sql`
        select (select count(*)::int from approval_instances i join expense_claims c on c.id = i.doc_id
            where i.doc_type = 'expense_claim' and i.status = 'pending' and c.over_budget) pending,
          (select count(*)::int from expense_budgets where event_id is null
            and reserved + used between amount * 0.9 and amount) near,
          (select count(*)::int from expense_claims where status = 'rejected' and reject_reason is not null) rejected`);
      expect(exp.rows[0]).toEqual({ pending: 1, near: 2, rejected: 1 });
    },
    240_000,
  );
});
