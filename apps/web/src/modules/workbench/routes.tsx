import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const WorkbenchPage = lazy(() => import('./pages/WorkbenchPage').then((m) => ({ default: m.WorkbenchPage })));

/** 工作台 (issue 13 item 6): every signed-in user's home page. */
export const workbenchHomeItems: MenuItemDef[] = [
  { key: 'workbench-home', path: '/workbench', labelKey: 'menu.workbenchHome', icon: <HomeOutlined /> },
];

export const workbenchRoutes: AppRoute[] = [{ path: 'workbench', Component: WorkbenchPage }];
