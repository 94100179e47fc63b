import './expenses.approval.ts';
import './expenses.messages.ts';

export { expenseRoutes } from './expenses.routes.ts';
export { expenseBudgets, expenseClaimLines, expenseClaims } from './expenses.schema.ts';
