import { AuditOutlined, BarChartOutlined, DollarOutlined, FileTextOutlined, ProfileOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { INVOICE_VIEW, PAYMENT_VIEW, RECEIVABLE_VIEW } from './constants';

const PaymentsPage = lazy(() => import('./pages/PaymentsPage').then((m) => ({ default: m.PaymentsPage })));
const InvoicesPage = lazy(() => import('./pages/InvoicesPage').then((m) => ({ default: m.InvoicesPage })));
const ReceivablesPage = lazy(() => import('./pages/ReceivablesPage').then((m) => ({ default: m.ReceivablesPage })));
const StatementPage = lazy(() => import('./pages/StatementPage').then((m) => ({ default: m.StatementPage })));
const WriteOffsPage = lazy(() => import('./pages/WriteOffsPage').then((m) => ({ default: m.WriteOffsPage })));

/** Side-menu group "财务收款" (SPEC 3.6). */
export const financeMenuItems: MenuItemDef[] = [
  {
    key: 'finance-payments',
    path: '/finance/payments',
    labelKey: 'menu.financePayments',
    permission: PAYMENT_VIEW,
    icon: <DollarOutlined />,
  },
  {
    key: 'finance-invoices',
    path: '/finance/invoices',
    labelKey: 'menu.financeInvoices',
    permission: INVOICE_VIEW,
    icon: <FileTextOutlined />,
  },
  {
    key: 'finance-receivables',
    path: '/finance/receivables',
    labelKey: 'menu.financeReceivables',
    permission: RECEIVABLE_VIEW,
    icon: <BarChartOutlined />,
  },
  {
    key: 'finance-statement',
    path: '/finance/statement',
    labelKey: 'menu.financeStatement',
    permission: RECEIVABLE_VIEW,
    icon: <ProfileOutlined />,
  },
  {
    key: 'finance-write-offs',
    path: '/finance/write-offs',
    labelKey: 'menu.financeWriteOffs',
    permission: RECEIVABLE_VIEW,
    icon: <AuditOutlined />,
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
