import { AlertOutlined, ContactsOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const CustomerListPage = lazy(() => import('./pages/CustomerListPage').then((m) => ({ default: m.CustomerListPage })));
const CustomerFormPage = lazy(() => import('./pages/CustomerFormPage').then((m) => ({ default: m.CustomerFormPage })));
const CustomerDetailPage = lazy(() =>
  import('./pages/CustomerDetailPage').then((m) => ({ default: m.CustomerDetailPage })),
);
const FollowUpBoardPage = lazy(() =>
  import('./pages/FollowUpBoardPage').then((m) => ({ default: m.FollowUpBoardPage })),
);
const MyFollowUpsPage = lazy(() => import('./pages/MyFollowUpsPage').then((m) => ({ default: m.MyFollowUpsPage })));

export const CUSTOMER_VIEW = 'customer.view';

/** Side-menu group "客户管理". */
export const customerMenu: MenuGroupDef = {
  key: 'customers',
  labelKey: 'menu.customers',
  icon: <TeamOutlined />,
  items: [
    {
      key: 'customers',
      path: '/customers',
      labelKey: 'menu.customerList',
      permission: CUSTOMER_VIEW,
      icon: <ContactsOutlined />,
    },
    {
      key: 'follow-ups',
      path: '/follow-ups',
      labelKey: 'menu.myFollowUps',
      permission: CUSTOMER_VIEW,
      icon: <ScheduleOutlined />,
    },
    {
      key: 'follow-up-board',
      path: '/follow-ups/board',
      labelKey: 'menu.followUpBoard',
      permission: CUSTOMER_VIEW,
      icon: <AlertOutlined />,
    },
  ],
};

export const customerRoutes: AppRoute[] = [
  { path: 'customers', permission: CUSTOMER_VIEW, Component: CustomerListPage },
  { path: 'customers/new', permission: 'customer.create', Component: CustomerFormPage },
  { path: 'customers/:id', permission: CUSTOMER_VIEW, Component: CustomerDetailPage },
  { path: 'customers/:id/edit', permission: 'customer.edit', Component: CustomerFormPage },
  { path: 'follow-ups', permission: CUSTOMER_VIEW, Component: MyFollowUpsPage },
  { path: 'follow-ups/board', permission: CUSTOMER_VIEW, Component: FollowUpBoardPage },
];
