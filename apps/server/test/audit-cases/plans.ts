import { Client } from '../harness.ts';
import type { AuditCases, AuditContext } from './types.ts';

const months = <T>(each: T): T[] => Array(12).fill(each);

/** Audit cases of sales plans (create, split, submit, revise) and monthly work plans. */
export function planCases(ctx: AuditContext): AuditCases {
  const { env, org, rep, ids } = ctx;
  const director = () => Client.login(env.app, 'director');
  const row = (deptId: number, userId: number | null = null) => ({
    deptId,
    userId,
    amounts: months('100.00'),
    customers: months(1),
  });
  const plan = async (id: number) => (await (await director()).get(`/api/sales-plans/${id}`)).json();
  return {
    'POST /api/sales-plans': {
      entity: 'sales_plan',
      action: 'create',
      run: async () => {
        const r = await (await director()).post('/api/sales-plans', {
          year: 2041,
          title: '审计销售计划',
          targetAmount: '1200.00',
          targetCustomers: 12,
          rows: [row(org.dept.root), row(org.dept.sales1)],
        });
        ids.salesPlan = r.json().id;
        return r;
      },
    },
    'PUT /api/sales-plans/:id': {
      entity: 'sales_plan',
      action: 'update',
      run: async () => {
        const p = await plan(ids.salesPlan);
        return (await director()).put(`/api/sales-plans/${ids.salesPlan}`, {
          title: '审计销售计划（分解）',
          targetAmount: '1200.00',
          targetCustomers: 12,
          rows: [row(org.dept.root), row(org.dept.sales1), row(org.dept.sales1, org.user.rep1)],
          version: p.version,
        });
      },
    },
    'POST /api/sales-plans/:id/submit': {
      entity: 'sales_plan',
      action: 'submit',
      run: async () => {
        const p = await plan(ids.salesPlan);
        return (await director()).post(`/api/sales-plans/${ids.salesPlan}/submit`, { version: p.version });
      },
    },
    'POST /api/sales-plans/:id/revise': {
      entity: 'sales_plan',
      action: 'revise',
      run: async () => {
        const gm = await Client.login(env.app, 'gm');
        const inbox = (await gm.get('/api/approvals/inbox')).json();
        const task = inbox.items.find(
          (i: { docType: string; docId: number }) => i.docType === 'sales_plan' && i.docId === ids.salesPlan,
        );
        await gm.post(`/api/approvals/${task.instanceId ?? task.id}/approve`, {});
        const p = await plan(ids.salesPlan);
        return (await director()).post(`/api/sales-plans/${ids.salesPlan}/revise`, { version: p.version });
      },
    },
    'POST /api/work-plans': {
      entity: 'work_plan',
      action: 'create',
      run: async () => {
        const r = await rep.post('/api/work-plans', { month: '2041-01', goals: '审计月度计划' });
        ids.workPlan = r.json().id;
        return r;
      },
    },
    'PUT /api/work-plans/:id': {
      entity: 'work_plan',
      action: 'update',
      run: async () => rep.put(`/api/work-plans/${ids.workPlan}`, { goals: '审计月度计划（改）', version: 1 }),
    },
    'POST /api/work-plans/:id/submit': {
      entity: 'work_plan',
      action: 'submit',
      run: async () => rep.post(`/api/work-plans/${ids.workPlan}/submit`, { version: 2 }),
    },
  };
}
