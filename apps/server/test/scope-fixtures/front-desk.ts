import { Client } from '../harness.ts';
import { NAME, PHONE, type ScopeFixtureFile } from './types.ts';

/**
 * A duty group of 销售一部 on duty today, and a front-desk visit of the fixture customer (routed to
 * its owner, SPEC 2.3 / 2.4), which is also the target of the scoped 补客户 grant.
 */
export const frontDeskFixtures: ScopeFixtureFile = {
  async setup({ env, org, approver, frontDesk, fixture, today }) {
    // approver is manager1, head of 销售一部.
    fixture.duty_group = (
      await approver.post('/api/duty-groups', {
        name: `${NAME}接待组`,
        deptId: org.dept.sales1,
        memberIds: [org.user.rep1],
      })
    ).json().id;
    await approver.put(`/api/duty-groups/${fixture.duty_group}/roster`, {
      dates: [today()],
      members: [{ userId: org.user.rep1 }],
    });
    const visit = { kind: 'visit', visitorName: '扫描访客', phone: PHONE, companyName: NAME, channel: 'walk_in' };
    fixture.frontdesk_registration = (await frontDesk.post('/api/front-desk/registrations', visit)).json().id;
    // frontdesk.grant is scoped, but no seeded role holds it below ALL: give manager2 a 销售二部 grant,
    // so only the data scope can refuse the grant on a 销售一部 registration.
    const admin = await Client.login(env.app, 'admin');
    const role = (
      await admin.post('/api/roles', {
        code: 'sweep_grant',
        name: '扫描补客户',
        grants: [{ permission: 'frontdesk.grant', scope: 'DEPT' }],
      })
    ).json();
    await env.database.pool.query('insert into user_roles (user_id, role_id) values ($1, $2)', [
      org.user.manager2,
      role.id,
    ]);
    fixture.frontdesk_grant = fixture.frontdesk_registration;
    // 归属冲突 resolution is scoped like the registration (manager2's 销售二部 cannot reach it).
    fixture.frontdesk_resolve = fixture.frontdesk_registration;
  },
  bodies: {
    'PUT /api/duty-groups/:id': (version) => ({ name: '越权', deptId: 1, memberIds: [], version }),
    'PUT /api/duty-groups/:id/roster': () => ({ dates: ['2030-01-01'], members: [] }),
    'POST /api/front-desk/registrations/:id/replacement': () => ({ note: '越权' }),
    'POST /api/front-desk/registrations/:id/conflict': () => ({ decision: 'reassign', note: '越权', version: 1 }),
  },
  // Duty groups are seen by their department's manager, registrations by the front desk.
  insiders: { duty_group: 'approver', frontdesk_registration: 'frontDesk' },
};
