import { insertCustomer } from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { insertSignedSale } from '../../src/modules/returns/returns.test-seed.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of post-sale milestone templates and processes. */
export function milestoneCases(ctx: AuditContext): AuditCases {
  const { env, org, rep, admin, ids } = ctx;
  const template = {
    name: '审计流程模板',
    steps: [{ name: '合同备案', offsetDays: 2, requiredDocuments: [] }],
  };
  return {
    'POST /api/milestone-templates': {
      entity: 'milestone_template',
      action: 'create',
      run: async () => {
        const r = await admin.post('/api/milestone-templates', template);
        ids.milestoneTemplate = r.json().id;
        return r;
      },
    },
    'PUT /api/milestone-templates/:id': {
      entity: 'milestone_template',
      action: 'update',
      run: async () =>
        admin.put(`/api/milestone-templates/${ids.milestoneTemplate}`, {
          ...template,
          name: '审计流程模板二',
          version: 1,
        }),
    },
    'POST /api/milestone-processes': {
      entity: 'milestone_process',
      action: 'create',
      run: async () => {
        const customerId = await insertCustomer(env, '审计流程客户', org.user.rep1);
        const sale = await insertSignedSale(env, {
          customerId,
          ownerId: org.user.rep1,
          qty: '1',
          unitPrice: '10.00',
          signedDate: '2026-01-05',
        });
        const r = await rep.post('/api/milestone-processes', {
          templateId: ids.milestoneTemplate,
          orderId: sale.orderId,
          startDate: '2026-01-05',
        });
        ids.milestoneProcess = r.json().id;
        return r;
      },
    },
    'POST /api/milestone-processes/:id/complete-step': {
      entity: 'milestone_process',
      action: 'complete_step',
      run: async () => {
        const p = (await rep.get(`/api/milestone-processes/${ids.milestoneProcess}`)).json();
        return rep.post(`/api/milestone-processes/${ids.milestoneProcess}/complete-step`, {
          stepId: p.steps[0].id,
          version: p.version,
        });
      },
    },
  };
}
