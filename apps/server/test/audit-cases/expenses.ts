import {
  approveClaim,
  claimBody,
  fileClaim,
  invoice,
  submitClaimAs,
} from '../../src/modules/expenses/expenses.testkit.ts';
import { Client } from '../harness.ts';
import type { AuditCases, AuditContext } from './types.ts';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Audit cases of expenses and budgets: budgets set and changed; a claim filed, changed, submitted, paid, deleted. */
export function expenseCases(ctx: AuditContext): AuditCases {
  const { env, org, rep, ids } = ctx;
  const finance = () => Client.login(env.app, 'finance');
  return {
    'POST /api/expense-budgets': {
      entity: 'expense_budget',
      action: 'create',
      run: async () => {
        const year = today().slice(0, 4);
        const r = await (await finance()).post('/api/expense-budgets', {
          deptId: org.dept.sales1,
          category: 'entertainment',
          periodStart: `${year}-01-01`,
          periodEnd: `${year}-12-31`,
          amount: '5000',
        });
        ids.expensesBudget = r.json().id;
        return r;
      },
    },
    'PUT /api/expense-budgets/:id': {
      entity: 'expense_budget',
      action: 'update',
      run: async () =>
        (await finance()).put(`/api/expense-budgets/${ids.expensesBudget}`, { amount: '6000', version: 1 }),
    },
    'POST /api/expense-claims': {
      entity: 'expense_claim',
      action: 'create',
      run: async () => {
        const r = await rep.post('/api/expense-claims', claimBody('审计招待费', [['entertainment', '100']], today()));
        ids.expensesClaim = r.json().id;
        return r;
      },
    },
    'PUT /api/expense-claims/:id': {
      entity: 'expense_claim',
      action: 'update',
      run: async () =>
        rep.put(`/api/expense-claims/${ids.expensesClaim}`, {
          title: '审计招待费（改）',
          lines: [{ category: 'entertainment', amount: '120', spentOn: today(), description: '客户午餐' }],
          version: 1,
        }),
    },
    'POST /api/expense-claims/:id/attachments': {
      entity: 'expense_claim',
      action: 'attach',
      run: async () =>
        rep.post(`/api/expense-claims/${ids.expensesClaim}/attachments`, { file: invoice('补充发票.png') }),
    },
    'POST /api/expense-claims/:id/submit': {
      entity: 'expense_claim',
      action: 'submit',
      run: async () => submitClaimAs(rep, ids.expensesClaim, 2),
    },
    'POST /api/expense-claims/:id/pay': {
      entity: 'expense_claim',
      action: 'pay',
      run: async () => {
        const f = await finance();
        await approveClaim(await Client.login(env.app, 'supervisor1'), ids.expensesClaim);
        await approveClaim(f, ids.expensesClaim);
        return f.post(`/api/expense-claims/${ids.expensesClaim}/pay`, { version: 4 });
      },
    },
    'DELETE /api/expense-claims/:id': {
      entity: 'expense_claim',
      action: 'delete',
      run: async () => {
        const c = await fileClaim(rep, claimBody('审计草稿', [['travel', '1']], today()));
        return rep.delete(`/api/expense-claims/${c.id}?version=${c.version}`);
      },
    },
  };
}
