import { LineChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';
import { ANALYTICS_VIEW } from './constants';

// Lazy chunks: ECharts loads only with these pages (first-load budget).
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const RecordsPage = lazy(() => import('./pages/RecordsPage').then((m) => ({ default: m.RecordsPage })));

/** 报表分析 (SPEC 5.1): dashboards; their drill-down list is reached from a chart, not the menu. */
export const statisticsMenu: MenuGroupDef = {
  key: 'statistics',
  labelKey: 'menu.statistics',
  icon: <LineChartOutlined />,
  items: [
    {
      key: 'dashboard',
      path: '/analytics',
      labelKey: 'menu.dashboard',
      permission: ANALYTICS_VIEW,
    },
  ],
};

export const analyticsRoutes: AppRoute[] = [
  { path: 'analytics', permission: ANALYTICS_VIEW, Component: DashboardPage },
  { path: 'analytics/records', permission: ANALYTICS_VIEW, Component: RecordsPage },
];
