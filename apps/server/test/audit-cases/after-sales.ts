import { insertCustomer, insertRoleUser } from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { insertSignedDelivery } from '../../src/modules/service/service.test-seed.ts';
import { Client } from '../harness.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of complaints, return visits and surveys (a 商务专员 and a 质检员 are created here). */
export function afterSalesCases(ctx: AuditContext): AuditCases {
  const { env, org, rep, ids } = ctx;
  let biz: Client;
  let qa: Client;
  const version = async (id: number) => (await biz.get(`/api/complaints/${id}`)).json().version;
  const file = async (customerId: number, extra: object = {}) =>
    rep.post('/api/complaints', {
      customerId,
      category: 'quality',
      severity: 'general',
      subject: '审计异议',
      description: '审计',
      ...extra,
    });
  const visit = async () => {
    const v = await env.database.pool.query(
      `insert into return_visits (customer_id, owner_id, owner_dept_id, source_type, subject, script, due_date)
       select $1, u.id, u.dept_id, 'manual', '审计回访', '审计', current_date from users u where u.id = $2 returning id`,
      [ids.afterSalesCustomer, org.user.rep1],
    );
    return Number(v.rows[0].id);
  };
  return {
    'POST /api/complaints': {
      entity: 'complaint',
      action: 'create',
      run: async () => {
        await insertRoleUser(env, 'as_audit_biz', '审计商务', 'commerce');
        ids.afterSalesQa = await insertRoleUser(env, 'as_audit_qa', '审计质检', 'qa');
        biz = await Client.login(env.app, 'as_audit_biz');
        qa = await Client.login(env.app, 'as_audit_qa');
        ids.afterSalesCustomer = await insertCustomer(env, '审计异议客户', org.user.rep1);
        const r = await file(ids.afterSalesCustomer);
        ids.complaint = r.json().id;
        return r;
      },
    },
    'POST /api/complaints/:id/investigate': {
      entity: 'complaint',
      action: 'investigate',
      run: async () =>
        biz.post(`/api/complaints/${ids.complaint}/investigate`, {
          version: await version(ids.complaint),
          investigators: [{ userId: ids.afterSalesQa, role: 'qa' }],
        }),
    },
    'POST /api/complaints/:id/findings': {
      entity: 'complaint',
      action: 'finding',
      run: async () =>
        qa.post(`/api/complaints/${ids.complaint}/findings`, {
          version: await version(ids.complaint),
          finding: '审计结论',
        }),
    },
    'POST /api/complaints/:id/decide': {
      entity: 'complaint',
      action: 'decide',
      run: async () =>
        biz.post(`/api/complaints/${ids.complaint}/decide`, {
          version: await version(ids.complaint),
          cause: '审计原因',
          decision: 'explanation',
        }),
    },
    'POST /api/complaints/:id/verify': {
      entity: 'complaint',
      action: 'verify',
      run: async () =>
        biz.post(`/api/complaints/${ids.complaint}/verify`, {
          version: await version(ids.complaint),
          result: 'verified',
          note: '审计验证',
        }),
    },
    'POST /api/complaints/:id/cancel': {
      entity: 'complaint',
      action: 'cancel',
      run: async () => {
        const id = (await file(ids.afterSalesCustomer)).json().id;
        return biz.post(`/api/complaints/${id}/cancel`, { version: await version(id), reason: '误报' });
      },
    },
    'POST /api/complaints/:id/incident': {
      entity: 'complaint',
      action: 'mark_incident',
      run: async () => {
        await insertSignedDelivery(env, {
          customerId: ids.afterSalesCustomer,
          ownerId: org.user.rep1,
          signedDate: '2026-06-01',
          warrantyMonths: 12,
        });
        const d = await env.database.pool.query(
          `select id from deliveries where customer_id = $1 order by id desc limit 1`,
          [ids.afterSalesCustomer],
        );
        const id = (await file(ids.afterSalesCustomer, { deliveryId: Number(d.rows[0].id) })).json().id;
        return biz.post(`/api/complaints/${id}/incident`, { version: await version(id) });
      },
    },
    'POST /api/return-visits/:id/record': {
      entity: 'return_visit',
      action: 'record',
      run: async () =>
        rep.post(`/api/return-visits/${await visit()}/record`, { version: 1, outcome: 'reached', satisfaction: 4 }),
    },
    'POST /api/return-visits/:id/reschedule': {
      entity: 'return_visit',
      action: 'reschedule',
      run: async () =>
        rep.post(`/api/return-visits/${await visit()}/reschedule`, { version: 1, dueDate: '2030-01-02' }),
    },
    'POST /api/satisfaction-surveys': {
      entity: 'satisfaction_survey',
      action: 'create',
      run: async () =>
        biz.post('/api/satisfaction-surveys', {
          title: '审计满意度调查',
          script: '请打分',
          dueDate: '2030-01-03',
          customerIds: [ids.afterSalesCustomer],
        }),
    },
  };
}
