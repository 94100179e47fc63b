import { insertCustomer, insertRoleUser } from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { Client } from '../harness.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of service tickets and SLA policies (a 售后主管 and a 售后工程师 are created here). */
export function serviceCases(ctx: AuditContext): AuditCases {
  const { env, org, rep, admin, ids } = ctx;
  let boss: Client;
  let eng: Client;
  const version = async () => (await eng.get(`/api/service-tickets/${ids.serviceTicket}`)).json().version;
  const action = (path: string, body: (v: number) => object, actionName: string) => ({
    entity: 'service_ticket',
    action: actionName,
    run: async () => eng.post(`/api/service-tickets/${ids.serviceTicket}/${path}`, body(await version())),
  });
  return {
    'POST /api/service-tickets': {
      entity: 'service_ticket',
      action: 'create',
      run: async () => {
        ids.serviceEngineer = await insertRoleUser(env, 'audit_eng', '审计工程师', 'service_engineer');
        await insertRoleUser(env, 'audit_svcboss', '审计售后主管', 'service_supervisor');
        boss = await Client.login(env.app, 'audit_svcboss');
        eng = await Client.login(env.app, 'audit_eng');
        const customerId = await insertCustomer(env, '审计售后客户', org.user.rep1);
        const r = await rep.post('/api/service-tickets', {
          type: 'repair',
          source: 'hotline',
          customerId,
          subject: '审计报修',
        });
        ids.serviceTicket = r.json().id;
        return r;
      },
    },
    'POST /api/service-tickets/:id/assign': {
      entity: 'service_ticket',
      action: 'assign',
      run: async () =>
        boss.post(`/api/service-tickets/${ids.serviceTicket}/assign`, { engineerId: ids.serviceEngineer, version: 1 }),
    },
    'POST /api/service-tickets/:id/replies': action(
      'replies',
      (v) => ({ kind: 'visit', body: '上门检查', version: v }),
      'reply',
    ),
    'POST /api/service-tickets/:id/wait': action('wait', (v) => ({ reason: 'parts', version: v }), 'wait'),
    'POST /api/service-tickets/:id/resume': action('resume', (v) => ({ version: v }), 'resume'),
    'POST /api/service-tickets/:id/priority': action('priority', (v) => ({ priority: 'high', version: v }), 'priority'),
    'POST /api/service-tickets/:id/resolve': action(
      'resolve',
      (v) => ({ resolution: '更换配件', version: v }),
      'resolve',
    ),
    'POST /api/service-tickets/:id/confirm': action('confirm', (v) => ({ version: v }), 'confirm'),
    'POST /api/service-tickets/:id/reopen': action('reopen', (v) => ({ reason: '复发', version: v }), 'reopen'),
    'PUT /api/sla-policies/:id': {
      entity: 'sla_policy',
      action: 'update',
      run: async () => {
        const p = (await admin.get('/api/sla-policies')).json().items[0];
        return admin.put(`/api/sla-policies/${p.id}`, {
          responseMinutes: p.responseMinutes,
          resolutionMinutes: p.resolutionMinutes + 60,
          warnPercent: p.warnPercent,
          version: p.version,
        });
      },
    },
  };
}
