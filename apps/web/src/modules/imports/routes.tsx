import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const ImportPage = lazyPage(() => import('./pages/ImportPage').then((m) => m.ImportPage));

export const CUSTOMER_IMPORT = 'customer.import';

/** 数据导入 (SPEC 1.9): xlsx import of customers with contacts, under 客户管理. */
export const importMenuItems: MenuItemDef[] = [
  { key: 'imports', path: '/imports', labelKey: 'menu.dataImport', permission: CUSTOMER_IMPORT },
];

export const importRoutes: AppRoute[] = [{ path: 'imports', permission: CUSTOMER_IMPORT, Component: ImportPage }];
