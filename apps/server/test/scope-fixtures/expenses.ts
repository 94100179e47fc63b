import {
  approveClaim,
  claimBody,
  fileClaim,
  invoice,
  setBudget,
  submitClaimAs,
} from '../../src/modules/expenses/expenses.testkit.ts';
import { Client } from '../harness.ts';
import { approvedEvent } from './events.ts';
import { NAME, type ScopeFixtureFile } from './types.ts';

const EVENT = '扫描费用会销';

/**
 * rep1's draft claim (销售一部) and the department's budget of the year: manager2 (销售二部) sees
 * neither. Cost analysis: rep1's approved claims (one charged to an event) show rep1 and the event to
 * manager1 (rep1's department), nothing of them to manager2.
 */
export const expenseFixtures: ScopeFixtureFile = {
  async setup({ env, org, owner, fixture, today }) {
    const finance = await Client.login(env.app, 'finance');
    const supervisor = await Client.login(env.app, 'supervisor1');
    const year = today().slice(0, 4);
    const budget = await setBudget(finance, {
      deptId: org.dept.sales1,
      category: 'travel',
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      amount: '100000',
      note: NAME,
    });
    const eventId = await approvedEvent(env, await Client.login(env.app, 'director'), EVENT);
    await setBudget(finance, { eventId, category: 'travel', amount: '1000' });
    for (const [title, extra] of [
      ['扫描费用差旅', {}],
      ['扫描会销费用', { eventId }],
    ] as const) {
      const c = await fileClaim(owner, claimBody(title, [['travel', '10']], today(), extra));
      await submitClaimAs(owner, c.id, c.version);
      await approveClaim(supervisor, c.id);
      await approveClaim(finance, c.id);
    }
    const claim = await fileClaim(owner, claimBody(NAME, [['travel', '10']], today()));
    fixture.expense_claim = claim.id;
    fixture.expense_budget = budget.id;
  },
  bodies: {
    'PUT /api/expense-claims/:id': (version) => ({ ...claimBody('越权', [['travel', '1']], '2020-01-01'), version }),
    'DELETE /api/expense-claims/:id': () => undefined,
    'POST /api/expense-claims/:id/submit': (version) => ({ version }),
    'POST /api/expense-claims/:id/pay': (version) => ({ version }),
    'POST /api/expense-claims/:id/attachments': () => ({ file: invoice() }),
    'PUT /api/expense-budgets/:id': (version) => ({ amount: '1', version }),
  },
  insiders: { expense_cost_rep: 'approver', expense_cost_event: 'approver' },
  markers: { expense_cost_rep: '张三', expense_cost_event: EVENT },
};
