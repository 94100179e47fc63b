import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const ProcessHealthPage = lazyPage(() => import('./pages/ProcessHealthPage').then((m) => m.ProcessHealthPage));

/** 流程监控 (SPEC 5.1), for those who lead reps. */
export const monitoringMenuItems: MenuItemDef[] = [
  { key: 'process-health', path: '/process-health', labelKey: 'menu.processHealth', permission: 'monitor.view' },
];

export const monitoringRoutes: AppRoute[] = [
  { path: 'process-health', permission: 'monitor.view', Component: ProcessHealthPage },
];
