import { RollbackOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { RETURN_CREATE, RETURN_VIEW } from './constants';

const ReturnListPage = lazy(() => import('./pages/ReturnListPage').then((m) => ({ default: m.ReturnListPage })));
const ReturnDetailPage = lazy(() => import('./pages/ReturnDetailPage').then((m) => ({ default: m.ReturnDetailPage })));
const ReturnCreatePage = lazy(() => import('./pages/ReturnCreatePage').then((m) => ({ default: m.ReturnCreatePage })));

/** 销后退回 (SPEC 4.3). */
export const returnMenuItems: MenuItemDef[] = [
  { key: 'returns', path: '/returns', labelKey: 'menu.returns', permission: RETURN_VIEW, icon: <RollbackOutlined /> },
];

export const returnRoutes: AppRoute[] = [
  { path: 'returns', permission: RETURN_VIEW, Component: ReturnListPage },
  { path: 'returns/new', permission: RETURN_CREATE, Component: ReturnCreatePage },
  { path: 'returns/:id', permission: RETURN_VIEW, Component: ReturnDetailPage },
];
