import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { IMPORT_PERMISSIONS } from './kinds';

const ImportPage = lazyPage(() => import('./pages/ImportPage').then((m) => m.ImportPage));

// Any import kind's permission opens the page; it offers the kinds the user may run.
const ANY_IMPORT = Object.values(IMPORT_PERMISSIONS);

/** 数据导入 (SPEC 1.9): xlsx import of customers with contacts, products, price lists and opening stock. */
export const importMenuItems: MenuItemDef[] = [
  { key: 'imports', path: '/imports', labelKey: 'menu.dataImport', permission: ANY_IMPORT },
];

export const importRoutes: AppRoute[] = [{ path: 'imports', permission: ANY_IMPORT, Component: ImportPage }];
