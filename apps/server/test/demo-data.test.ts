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
      // Discipline (SPEC 5.6): an acknowledged warning, a decided record awaiting acknowledgement, a draft.
      const disc = await env.database.db.execute<{ status: string; outcome: string | null; n: number }>(sql`
        select status, outcome, count(*)::int as n from discipline_records group by 1, 2 order by 1, 2`);
      expect(disc.rows).toEqual(
        expect.arrayContaining([
          { status: 'acknowledged', outcome: 'warning', n: 1 },
          { status: 'decided', outcome: 'compensation', n: 1 },
          { status: 'draft', outcome: null, n: 1 },
        ]),
      );
      // Quality (SPEC 5.7): a reported audit with a closed, an overdue and an open action; revised documents.
      const qual = await env.database.db.execute<{ closed: number; overdue: number; docs: number; outdated: number }>(sql`
        select (select count(*)::int from capas where status = 'closed') closed,
          (select count(*)::int from capas where status <> 'closed' and due_date < ${clock.slice(0, 10)}::date) overdue,
          (select count(*)::int from controlled_documents) docs,
          (select count(*)::int from document_distributions d join document_versions v on v.id = d.version_id
             where v.status = 'superseded' and d.withdrawn_at is null) outdated`);
      expect(qual.rows[0]).toEqual({ closed: 1, overdue: 1, docs: 5, outdated: 2 });
    },
    240_000,
  );
});
