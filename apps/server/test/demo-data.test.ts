import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IMPORT_FILE, DEMO_IMPORT_ROWS } from '../../../scripts/src/demo/imports.ts';
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
      await expectCompletedImport(env);
      // Training (SPEC 5.4): an expired certificate, a rep in onboarding, a completed session with scores.
      const tr = await env.database.db.execute<{ expired: number; onboarding: string[]; scored: number }>(sql`
        select (select count(*)::int from staff_certificates where expires_on < ${clock.slice(0, 10)}::date) expired,
          (select array_agg(u.username) from staff_records r join users u on u.id = r.user_id
             where r.onboarding_status = 'in_training') onboarding,
          (select count(*)::int from training_attendance a join training_sessions s on s.id = a.session_id
             where s.status = 'completed' and a.score is not null) scored`);
      expect(tr.rows[0]).toMatchObject({ expired: 1, onboarding: ['rep5'] });
      expect(tr.rows[0].scored).toBeGreaterThanOrEqual(3);
      // Expenses (SPEC 5.3): budgets near their limit, a claim beyond budget waiting for its over-budget approval.
      const exp = await env.database.db.execute<{ pending: number; near: number; rejected: number }>(sql`
        select (select count(*)::int from approval_instances i join expense_claims c on c.id = i.doc_id
            where i.doc_type = 'expense_claim' and i.status = 'pending' and c.over_budget) pending,
          (select count(*)::int from expense_budgets where event_id is null
            and reserved + used between amount * 0.9 and amount) near,
          (select count(*)::int from expense_claims where status = 'rejected' and reject_reason is not null) rejected`);
      expect(exp.rows[0]).toEqual({ pending: 1, near: 2, rejected: 1 });
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
      // Distributors (SPEC 5.5): two dealers with a contact, last month's reviews (one reward), a visit.
      const dl = await env.database.db.execute<{
        dealers: number;
        reviews: number;
        rewarded: number;
        visits: number;
      }>(sql`
        select (select count(*)::int from dealers where jsonb_array_length(contacts) > 0) dealers,
          (select count(*)::int from dealer_reviews) reviews,
          (select count(*)::int from dealer_reviews where reward_amount > 0) rewarded,
          (select count(*)::int from dealer_visits) visits`);
      expect(dl.rows[0]).toEqual({ dealers: 2, reviews: 2, rewarded: 1, visits: 1 });
      // Appraisal (SPEC 5.2): last month closed over 销售一部, ranked, one objection approved through the
      // approval engine (department head, then the sales director: two approvals) → version 2.
      const ap = await env.database.db.execute<{
        closed: number;
        ranked: number;
        adjusted: number;
        revised: number;
        objections: number;
        approvals: number;
      }>(sql`
        select (select count(*)::int from appraisal_runs where status = 'closed') closed,
          (select count(*)::int from appraisal_results where rank is not null) ranked,
          (select count(*)::int from appraisal_results where status = 'acknowledged' and objection_decision = 'accept') adjusted,
          (select count(*)::int from appraisal_results where revision = 2) revised,
          (select count(*)::int from approval_instances where doc_type = 'appraisal_objection' and status = 'approved') objections,
          (select count(*)::int from approval_actions a join approval_instances i on i.id = a.instance_id
            where i.doc_type = 'appraisal_objection' and a.action = 'approve') approvals`);
      expect(ap.rows[0]).toMatchObject({ closed: 1, adjusted: 1, revised: 1, objections: 1, approvals: 2 });
      expect(ap.rows[0].ranked).toBeGreaterThanOrEqual(4);
      // Quality (SPEC 5.7): a reported audit with a closed, an overdue and an open action; revised documents.
      const qual = await env.database.db.execute<{
        closed: number;
        overdue: number;
        docs: number;
        outdated: number;
      }>(sql`
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

/**
 * The import history's completed customer import (issue 14 item 7), as the real path leaves it: the
 * sales manager's job committed with its file, a clean dry run over every row, and a result row per
 * customer created — each of which exists with its contact, owned by a rep of his department.
 */
async function expectCompletedImport(env: TestEnv) {
  const db = env.database.db;
  const jobs = await db.execute<{
    id: number;
    username: string;
    status: string;
    step: string;
    file_size: number;
    total_rows: number;
    processed_rows: number;
    error_count: number;
    created_count: number;
    problems: unknown[];
    result: string[][];
  }>(sql`select j.id, u.username, j.status, j.step, j.file_size, j.total_rows, j.processed_rows, j.error_count,
      j.created_count, j.problems, j.result
    from import_jobs j join users u on u.id = j.created_by
    where j.template = 'customers' and j.file_name = ${DEMO_IMPORT_FILE}`);
  expect(jobs.rows.length).toBe(1);
  const job = jobs.rows[0];
  expect(job).toMatchObject({
    username: 'manager1',
    status: 'committed',
    step: 'commit',
    total_rows: DEMO_IMPORT_ROWS,
    processed_rows: DEMO_IMPORT_ROWS,
    error_count: 0,
    created_count: DEMO_IMPORT_ROWS,
    problems: [],
  });
  expect(job.file_size).toBeGreaterThan(0);
  expect(job.result.length).toBe(DEMO_IMPORT_ROWS);
  const nos = job.result.map((r) => r[0]);
  const created = await db.execute<{ no: string; name: string; owner: string; contacts: number }>(sql`
    select c.no, c.name, u.username as owner,
      (select count(*)::int from customer_contacts cc where cc.customer_id = c.id) as contacts
    from customers c join users u on u.id = c.owner_id
    where c.no = any(${sql.param(nos)}::text[]) and c.archived_at is null`);
  expect(created.rows.length).toBe(DEMO_IMPORT_ROWS);
  for (const c of created.rows) {
    expect(['rep1', 'rep2']).toContain(c.owner);
    expect(c.contacts).toBe(1);
    expect(job.result.find((r) => r[0] === c.no)?.[1]).toBe(c.name);
  }
}
