import { Client } from '../harness.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Duty groups and rosters (轮值), front-desk registrations (集客) and 补客户 grants. */
export function frontDeskCases(ctx: AuditContext): AuditCases {
  const { env, org, manager, ids } = ctx;
  return {
    'POST /api/duty-groups': {
      entity: 'duty_group',
      action: 'create',
      run: async () => {
        const res = await manager.post('/api/duty-groups', {
          name: '审计接待组',
          deptId: org.dept.sales1,
          memberIds: [org.user.rep1b],
        });
        ids.dutyGroup = res.json().id;
        return res;
      },
    },
    'PUT /api/duty-groups/:id': {
      entity: 'duty_group',
      action: 'update',
      run: () =>
        manager.put(`/api/duty-groups/${ids.dutyGroup}`, {
          name: '审计接待一组',
          deptId: org.dept.sales1,
          memberIds: [org.user.rep1b],
          version: 1,
        }),
    },
    'PUT /api/duty-groups/:id/roster': {
      entity: 'duty_group',
      action: 'roster',
      run: () =>
        manager.put(`/api/duty-groups/${ids.dutyGroup}/roster`, {
          dates: [new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())],
          members: [{ userId: org.user.rep1b }],
        }),
    },
    'POST /api/front-desk/registrations': {
      entity: 'frontdesk_registration',
      action: 'route',
      run: async () => {
        const res = await (await Client.login(env.app, 'front')).post('/api/front-desk/registrations', {
          kind: 'visit',
          visitorName: '审计访客',
          phone: '13600004444',
          channel: 'walk_in',
        });
        ids.registration = res.json().id;
        return res;
      },
    },
    'POST /api/front-desk/registrations/:id/market-survey': {
      entity: 'frontdesk_registration',
      action: 'market_survey',
      run: async () =>
        (await Client.login(env.app, 'front')).post(`/api/front-desk/registrations/${ids.registration}/market-survey`, {
          repUserId: org.user.rep1b,
          repConfirmed: true,
          visitorConfirmed: true,
          version: 1,
        }),
    },
    'POST /api/front-desk/registrations/:id/replacement': {
      entity: 'frontdesk_registration',
      action: 'replacement_grant',
      run: async () =>
        (await Client.login(env.app, 'director')).post(
          `/api/front-desk/registrations/${ids.registration}/replacement`,
          { note: '补客户' },
        ),
    },
    'POST /api/front-desk/registrations/:id/conflict': {
      entity: 'frontdesk_registration',
      action: 'conflict_resolve',
      run: async () => {
        // The same visitor again, naming rep2 while the customer belongs to 销售一部: a conflict.
        const again = await (await Client.login(env.app, 'front')).post('/api/front-desk/registrations', {
          kind: 'visit',
          visitorName: '审计访客',
          phone: '13600004444',
          channel: 'walk_in',
          repUserId: org.user.rep2,
        });
        const reg = again.json();
        return manager.post(`/api/front-desk/registrations/${reg.id}/conflict`, {
          decision: 'keep',
          note: '客户一直由原业务员跟进',
          version: reg.version,
        });
      },
    },
  };
}
