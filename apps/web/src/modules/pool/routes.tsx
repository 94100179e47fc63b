import { CloudServerOutlined, GlobalOutlined, SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const PoolCustomersPage = lazy(() =>
  import('./pages/PoolCustomersPage').then((m) => ({ default: m.PoolCustomersPage })),
);
const PoolCustomerDetailPage = lazy(() =>
  import('./pages/PoolCustomerDetailPage').then((m) => ({ default: m.PoolCustomerDetailPage })),
);
const PoolManagePage = lazy(() => import('./pages/PoolManagePage').then((m) => ({ default: m.PoolManagePage })));

/** Side-menu group "客户公海". */
export const poolMenu: MenuGroupDef = {
  key: 'pool',
  labelKey: 'menu.poolGroup',
  icon: <CloudServerOutlined />,
  items: [
    { key: 'pool', path: '/pool', labelKey: 'menu.poolCustomers', permission: 'pool.view', icon: <GlobalOutlined /> },
    {
      key: 'pool-manage',
      path: '/pool/manage',
      labelKey: 'menu.poolManage',
      permission: 'pool.manage',
      icon: <SettingOutlined />,
    },
  ],
};

export const poolRoutes: AppRoute[] = [
  { path: 'pool', permission: 'pool.view', Component: PoolCustomersPage },
  { path: 'pool/manage', permission: 'pool.manage', Component: PoolManagePage },
  { path: 'pool/customers/:id', permission: 'pool.view', Component: PoolCustomerDetailPage },
];
