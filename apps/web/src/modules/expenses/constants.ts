/** Permissions and colours of expenses and budgets (server: permissions/registry.ts, SPEC 5.3). */
export const EXPENSE_VIEW = 'expense.view';
export const EXPENSE_CLAIM = 'expense.claim';
export const EXPENSE_ANALYZE = 'expense.analyze';
export const BUDGET_VIEW = 'budget.view';
export const BUDGET_MANAGE = 'budget.manage';

export const CLAIM_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  paid: 'green',
  rejected: 'error',
};
