import { MonitorOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const ProcessHealthPage = lazy(() =>
  import('./pages/ProcessHealthPage').then((m) => ({ default: m.ProcessHealthPage })),
);

/** 流程监控 (SPEC 5.1), for those who lead reps. */
export const monitoringMenuItems: MenuItemDef[] = [
  {
    key: 'process-health',
    path: '/process-health',
    labelKey: 'menu.processHealth',
    permission: 'monitor.view',
    icon: <MonitorOutlined />,
  },
];

export const monitoringRoutes: AppRoute[] = [
  { path: 'process-health', permission: 'monitor.view', Component: ProcessHealthPage },
];
