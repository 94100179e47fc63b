import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { RETURN_CREATE, RETURN_VIEW } from './constants';

const ReturnListPage = lazyPage(() => import('./pages/ReturnListPage').then((m) => m.ReturnListPage));
const ReturnDetailPage = lazyPage(() => import('./pages/ReturnDetailPage').then((m) => m.ReturnDetailPage));
const ReturnCreatePage = lazyPage(() => import('./pages/ReturnCreatePage').then((m) => m.ReturnCreatePage));

/** 销后退回 (SPEC 4.3). */
export const returnMenuItems: MenuItemDef[] = [
  { key: 'returns', path: '/returns', labelKey: 'menu.returns', permission: RETURN_VIEW },
];

export const returnRoutes: AppRoute[] = [
  { path: 'returns', permission: RETURN_VIEW, Component: ReturnListPage },
  { path: 'returns/new', permission: RETURN_CREATE, Component: ReturnCreatePage },
  { path: 'returns/:id', permission: RETURN_VIEW, Component: ReturnDetailPage },
];
