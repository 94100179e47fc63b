import { Client } from '../harness.ts';
import type { ScopeFixtureFile } from './types.ts';

const PLAN = '扫描销售计划';
const WORK_PLAN = '扫描月度工作计划';
const months = <T>(each: T): T[] => Array(12).fill(each);

/**
 * A sales plan holding only 销售一部 and rep1 (besides the company row), and rep1's monthly work plan:
 * neither exists for manager2 (销售二部); rep1 sees their own row and plan.
 */
export const planFixtures: ScopeFixtureFile = {
  async setup({ env, org, owner, fixture }) {
    const director = await Client.login(env.app, 'director');
    const row = (deptId: number, userId: number | null = null) => ({
      deptId,
      userId,
      amounts: months('100.00'),
      customers: months(1),
    });
    const res = await director.post('/api/sales-plans', {
      year: 2040,
      title: PLAN,
      targetAmount: '1200.00',
      targetCustomers: 12,
      rows: [row(org.dept.root), row(org.dept.sales1), row(org.dept.sales1, org.user.rep1)],
    });
    if (res.statusCode !== 201) throw new Error(`plan fixture: ${res.statusCode} ${res.body}`);
    fixture.sales_plan = res.json().id;
    const wp = await owner.post('/api/work-plans', { month: '2040-01', goals: WORK_PLAN });
    if (wp.statusCode !== 201) throw new Error(`work plan fixture: ${wp.statusCode} ${wp.body}`);
    fixture.work_plan = wp.json().id;
  },
  bodies: {
    'PUT /api/sales-plans/:id': (version) => ({
      title: '越权',
      targetAmount: '1.00',
      targetCustomers: 0,
      rows: [],
      version,
    }),
    'POST /api/sales-plans/:id/submit': (version) => ({ version }),
    'POST /api/sales-plans/:id/revise': (version) => ({ version }),
    'PUT /api/work-plans/:id': (version) => ({ goals: '越权', version }),
    'POST /api/work-plans/:id/submit': (version) => ({ version }),
  },
  markers: { sales_plan: PLAN, work_plan: WORK_PLAN },
};
