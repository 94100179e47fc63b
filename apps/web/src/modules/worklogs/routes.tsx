import { CalendarOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const MyWorkLogPage = lazy(() => import('./pages/MyWorkLogPage').then((m) => ({ default: m.MyWorkLogPage })));
const WorkLogsPage = lazy(() => import('./pages/WorkLogsPage').then((m) => ({ default: m.WorkLogsPage })));
const WorkLogDetailPage = lazy(() =>
  import('./pages/WorkLogDetailPage').then((m) => ({ default: m.WorkLogDetailPage })),
);
const MonthlyReportsPage = lazy(() =>
  import('./pages/MonthlyReportsPage').then((m) => ({ default: m.MonthlyReportsPage })),
);

/** 工作日志 and 月度工作报告 (SPEC 5.1), in the 工作台 group. */
export const worklogMenuItems: MenuItemDef[] = [
  {
    key: 'my-work-log',
    path: '/work-logs/mine',
    labelKey: 'menu.myWorkLog',
    permission: 'worklog.write',
    icon: <EditOutlined />,
  },
  {
    key: 'work-logs',
    path: '/work-logs',
    labelKey: 'menu.workLogs',
    permission: 'worklog.view',
    icon: <CalendarOutlined />,
  },
  {
    key: 'monthly-reports',
    path: '/monthly-reports',
    labelKey: 'menu.monthlyReports',
    permission: 'worklog.view',
    icon: <FileTextOutlined />,
  },
];

export const worklogRoutes: AppRoute[] = [
  { path: 'work-logs/mine', permission: 'worklog.write', Component: MyWorkLogPage },
  { path: 'work-logs', permission: 'worklog.view', Component: WorkLogsPage },
  { path: 'work-logs/:id', permission: 'worklog.view', Component: WorkLogDetailPage },
  { path: 'monthly-reports', permission: 'worklog.view', Component: MonthlyReportsPage },
];
