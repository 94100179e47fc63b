import { TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const CustomerListPage = lazyPage(() => import('./pages/CustomerListPage').then((m) => m.CustomerListPage));
const CustomerFormPage = lazyPage(() => import('./pages/CustomerFormPage').then((m) => m.CustomerFormPage));
const CustomerDetailPage = lazyPage(() => import('./pages/CustomerDetailPage').then((m) => m.CustomerDetailPage));
const FollowUpBoardPage = lazyPage(() => import('./pages/FollowUpBoardPage').then((m) => m.FollowUpBoardPage));
const MyFollowUpsPage = lazyPage(() => import('./pages/MyFollowUpsPage').then((m) => m.MyFollowUpsPage));

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
    },
    {
      key: 'follow-ups',
      path: '/follow-ups',
      labelKey: 'menu.myFollowUps',
      permission: CUSTOMER_VIEW,
    },
    {
      key: 'follow-up-board',
      path: '/follow-ups/board',
      labelKey: 'menu.followUpBoard',
      permission: CUSTOMER_VIEW,
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
