import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const WorkbenchPage = lazyPage(() => import('./pages/WorkbenchPage').then((m) => m.WorkbenchPage));

/** 工作台 (issue 13 item 6): every signed-in user's home page. */
export const workbenchHomeItems: MenuItemDef[] = [
  { key: 'workbench-home', path: '/workbench', labelKey: 'menu.workbenchHome' },
];

export const workbenchRoutes: AppRoute[] = [{ path: 'workbench', Component: WorkbenchPage }];
