import { insertCustomer, insertRoleUser } from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { Client } from '../harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../q2c-seed.ts';

// A 1×1 PNG: the customer's signature image in tests.
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

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
    'POST /api/service-tickets/:id/visits': action(
      'visits',
      (v) => ({ arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), workDone: '检测电源', version: v }),
      'visit',
    ),
    'POST /api/service-tickets/:id/parts': {
      entity: 'service_ticket',
      action: 'part',
      run: async () => {
        const productId = await insertProduct(env, { code: 'AUDIT-PART' });
        const warehouseId = await insertWarehouse(env, 'WH-AUDIT-SVC', '审计备件库');
        await stockIn(env, warehouseId, productId, '5');
        return eng.post(`/api/service-tickets/${ids.serviceTicket}/parts`, {
          warehouseId,
          productId,
          qty: '1',
          version: await version(),
        });
      },
    },
    'POST /api/service-tickets/:id/charges': action(
      'charges',
      (v) => ({ description: '上门服务费', amount: '200.00', version: v }),
      'charge',
    ),
    'POST /api/service-tickets/:id/checks': {
      entity: 'service_ticket',
      action: 'check',
      run: async () => {
        const customerId = await insertCustomer(env, '审计安装客户', org.user.rep1);
        const t = (
          await boss.post('/api/service-tickets', {
            type: 'installation',
            source: 'visit',
            customerId,
            subject: '审计安装',
          })
        ).json();
        await boss.post(`/api/service-tickets/${t.id}/assign`, { engineerId: ids.serviceEngineer, version: 1 });
        return boss.post(`/api/service-tickets/${t.id}/checks`, { item: 'training', version: 2 });
      },
    },
    'POST /api/service-tickets/:id/report/sign': action(
      'report/sign',
      (v) => ({
        signerName: '王科长',
        file: { fileName: '签字.png', mimeType: 'image/png', contentBase64: PNG_BASE64 },
        version: v,
      }),
      'sign',
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
