import type { ScopeFixtureFile } from './types.ts';

/**
 * A complaint of the fixture customer filed by rep1 (owner rep1, 销售一部) and a planned return visit
 * of it called by rep1 — manager2 (销售二部) must get 404 on every route of both and never see them listed.
 */
export const afterSalesFixtures: ScopeFixtureFile = {
  async setup({ env, org, owner, fixture, today }) {
    const res = await owner.post('/api/complaints', {
      customerId: fixture.customer,
      category: 'quality',
      severity: 'general',
      subject: '扫描专用异议',
      description: '扫描专用',
    });
    if (res.statusCode !== 201) throw new Error(`complaint fixture: ${res.statusCode} ${res.body}`);
    fixture.complaint = res.json().id;
    const v = await env.database.pool.query(
      `insert into return_visits (customer_id, owner_id, owner_dept_id, source_type, subject, script, due_date)
       select $1, u.id, u.dept_id, 'manual', '扫描专用回访', '扫描', $2 from users u where u.id = $3 returning id`,
      [fixture.customer, today(), org.user.rep1],
    );
    fixture.return_visit = Number(v.rows[0].id);
  },
  bodies: {
    'POST /api/complaints/:id/investigate': (version) => ({ version, investigators: [{ userId: 1, role: 'qa' }] }),
    'POST /api/complaints/:id/findings': (version) => ({ version, finding: '越权' }),
    'POST /api/complaints/:id/decide': (version) => ({ version, cause: '越权', decision: 'explanation' }),
    'POST /api/complaints/:id/verify': (version) => ({ version, result: 'verified', note: '越权' }),
    'POST /api/complaints/:id/cancel': (version) => ({ version, reason: '越权' }),
    'POST /api/complaints/:id/incident': (version) => ({ version }),
    'POST /api/return-visits/:id/record': (version) => ({ version, outcome: 'reached', satisfaction: 5 }),
    'POST /api/return-visits/:id/reschedule': (version) => ({ version, dueDate: '2030-01-01' }),
  },
};
