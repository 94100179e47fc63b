import { NAME, type ScopeFixtureFile } from './types.ts';

const REP1 = '张三';

/**
 * rep1 (销售一部) has an overdue follow-up on the fixture customer (workbench, process health), a
 * handed-in work log planning that customer, and last month's report naming it; this month's
 * report is missing, so the missing list shows rep1 to rep1.
 */
export const worklogFixtures: ScopeFixtureFile = {
  async setup({ env, org, owner, fixture, today }) {
    const d = new Date(`${today()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    await env.database.pool.query(
      `insert into follow_ups (customer_id, type, content, outcome, next_action, next_action_date, created_by)
       values ($1, 'call', '扫描跟进', 'continue', '回访', $2, $3)`,
      [fixture.customer, d.toISOString().slice(0, 10), org.user.rep1],
    );
    const log = await owner.put('/api/work-logs/mine', {
      date: today(),
      planCustomers: [fixture.customer],
      done: '扫描日志',
      submit: true,
      version: 0,
    });
    if (log.statusCode !== 200) throw new Error(`work log fixture: ${log.statusCode} ${log.body}`);
    fixture.work_log = log.json().id;
    const m = new Date(`${today().slice(0, 7)}-01T00:00:00Z`);
    m.setUTCMonth(m.getUTCMonth() - 1);
    const r = await env.database.pool.query(
      `insert into monthly_reports (user_id, dept_id, month, summary, next_month_plan, submitted_at)
       select id, dept_id, $2, $3, '下月计划', now() from users where id = $1 returning id`,
      [org.user.rep1, m.toISOString().slice(0, 7), `${NAME} 回款总结`],
    );
    fixture.monthly_report = Number(r.rows[0].id);
  },
  bodies: {
    'POST /api/work-logs/:id/comments': () => ({ body: '越权点评' }),
  },
  insiders: { process_health: 'approver' },
  markers: { work_log_team: REP1, monthly_report_missing: REP1 },
};
