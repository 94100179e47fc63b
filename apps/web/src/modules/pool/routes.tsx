import { CloudServerOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const PoolCustomersPage = lazyPage(() => import('./pages/PoolCustomersPage').then((m) => m.PoolCustomersPage));
const PoolCustomerDetailPage = lazyPage(() =>
  import('./pages/PoolCustomerDetailPage').then((m) => m.PoolCustomerDetailPage),
);
const PoolManagePage = lazyPage(() => import('./pages/PoolManagePage').then((m) => m.PoolManagePage));

/** Side-menu group "客户公海". */
export const poolMenu: MenuGroupDef = {
  key: 'pool',
  labelKey: 'menu.poolGroup',
  icon: <CloudServerOutlined />,
  items: [
    { key: 'pool', path: '/pool', labelKey: 'menu.poolCustomers', permission: 'pool.view' },
    {
      key: 'pool-manage',
      path: '/pool/manage',
      labelKey: 'menu.poolManage',
      permission: 'pool.manage',
    },
  ],
};

export const poolRoutes: AppRoute[] = [
  { path: 'pool', permission: 'pool.view', Component: PoolCustomersPage },
  { path: 'pool/manage', permission: 'pool.manage', Component: PoolManagePage },
  { path: 'pool/customers/:id', permission: 'pool.view', Component: PoolCustomerDetailPage },
];
