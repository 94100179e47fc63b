import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { INVOICE_VIEW, PAYMENT_VIEW, RECEIVABLE_VIEW } from './constants';

const PaymentsPage = lazyPage(() => import('./pages/PaymentsPage').then((m) => m.PaymentsPage));
const InvoicesPage = lazyPage(() => import('./pages/InvoicesPage').then((m) => m.InvoicesPage));
const ReceivablesPage = lazyPage(() => import('./pages/ReceivablesPage').then((m) => m.ReceivablesPage));
const StatementPage = lazyPage(() => import('./pages/StatementPage').then((m) => m.StatementPage));
const WriteOffsPage = lazyPage(() => import('./pages/WriteOffsPage').then((m) => m.WriteOffsPage));

/** Side-menu group "财务收款" (SPEC 3.6). */
export const financeMenuItems: MenuItemDef[] = [
  {
    key: 'finance-payments',
    path: '/finance/payments',
    labelKey: 'menu.financePayments',
    permission: PAYMENT_VIEW,
  },
  {
    key: 'finance-invoices',
    path: '/finance/invoices',
    labelKey: 'menu.financeInvoices',
    permission: INVOICE_VIEW,
  },
  {
    key: 'finance-receivables',
    path: '/finance/receivables',
    labelKey: 'menu.financeReceivables',
    permission: RECEIVABLE_VIEW,
  },
  {
    key: 'finance-statement',
    path: '/finance/statement',
    labelKey: 'menu.financeStatement',
    permission: RECEIVABLE_VIEW,
  },
  {
    key: 'finance-write-offs',
    path: '/finance/write-offs',
    labelKey: 'menu.financeWriteOffs',
    permission: RECEIVABLE_VIEW,
  },
];

export const financeRoutes: AppRoute[] = [
  { path: 'finance/payments', permission: PAYMENT_VIEW, Component: PaymentsPage },
  { path: 'finance/payments/:id', permission: PAYMENT_VIEW, Component: PaymentsPage },
  { path: 'finance/invoices', permission: INVOICE_VIEW, Component: InvoicesPage },
  { path: 'finance/invoices/:id', permission: INVOICE_VIEW, Component: InvoicesPage },
  { path: 'finance/receivables', permission: RECEIVABLE_VIEW, Component: ReceivablesPage },
  { path: 'finance/statement', permission: RECEIVABLE_VIEW, Component: StatementPage },
  { path: 'finance/write-offs', permission: RECEIVABLE_VIEW, Component: WriteOffsPage },
  { path: 'finance/write-offs/:id', permission: RECEIVABLE_VIEW, Component: WriteOffsPage },
];
