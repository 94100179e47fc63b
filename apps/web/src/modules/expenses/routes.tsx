import { WalletOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';
import { BUDGET_VIEW, EXPENSE_ANALYZE, EXPENSE_CLAIM, EXPENSE_VIEW } from './constants';

const ClaimListPage = lazyPage(() => import('./pages/ClaimListPage').then((m) => m.ClaimListPage));
const ClaimFormPage = lazyPage(() => import('./pages/ClaimFormPage').then((m) => m.ClaimFormPage));
const ClaimDetailPage = lazyPage(() => import('./pages/ClaimDetailPage').then((m) => m.ClaimDetailPage));
const BudgetListPage = lazyPage(() => import('./pages/BudgetListPage').then((m) => m.BudgetListPage));
const CostAnalysisPage = lazyPage(() => import('./pages/CostAnalysisPage').then((m) => m.CostAnalysisPage));

/** 费用管理 (SPEC 5.3): claims, budgets and cost analysis. */
export const expensesMenu: MenuGroupDef = {
  key: 'expenses',
  labelKey: 'menu.expenses',
  icon: <WalletOutlined />,
  items: [
    { key: 'expense-claims', path: '/expenses/claims', labelKey: 'menu.expenseClaims', permission: EXPENSE_VIEW },
    { key: 'expense-budgets', path: '/expenses/budgets', labelKey: 'menu.expenseBudgets', permission: BUDGET_VIEW },
    {
      key: 'expense-analysis',
      path: '/expenses/analysis',
      labelKey: 'menu.expenseAnalysis',
      permission: EXPENSE_ANALYZE,
    },
  ],
};

export const expenseRoutes: AppRoute[] = [
  { path: 'expenses/claims', permission: EXPENSE_VIEW, Component: ClaimListPage },
  { path: 'expenses/claims/new', permission: EXPENSE_CLAIM, Component: ClaimFormPage },
  { path: 'expenses/claims/:id', permission: EXPENSE_VIEW, Component: ClaimDetailPage },
  { path: 'expenses/claims/:id/edit', permission: EXPENSE_CLAIM, Component: ClaimFormPage },
  { path: 'expenses/budgets', permission: BUDGET_VIEW, Component: BudgetListPage },
  { path: 'expenses/analysis', permission: EXPENSE_ANALYZE, Component: CostAnalysisPage },
];
