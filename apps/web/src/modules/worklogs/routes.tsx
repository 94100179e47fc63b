import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const MyWorkLogPage = lazyPage(() => import('./pages/MyWorkLogPage').then((m) => m.MyWorkLogPage));
const WorkLogsPage = lazyPage(() => import('./pages/WorkLogsPage').then((m) => m.WorkLogsPage));
const WorkLogDetailPage = lazyPage(() => import('./pages/WorkLogDetailPage').then((m) => m.WorkLogDetailPage));
const MonthlyReportsPage = lazyPage(() => import('./pages/MonthlyReportsPage').then((m) => m.MonthlyReportsPage));

/** 工作日志 and 月度工作报告 (SPEC 5.1), in the 工作台 group. */
export const worklogMenuItems: MenuItemDef[] = [
  { key: 'my-work-log', path: '/work-logs/mine', labelKey: 'menu.myWorkLog', permission: 'worklog.write' },
  { key: 'work-logs', path: '/work-logs', labelKey: 'menu.workLogs', permission: 'worklog.view' },
  { key: 'monthly-reports', path: '/monthly-reports', labelKey: 'menu.monthlyReports', permission: 'worklog.view' },
];

export const worklogRoutes: AppRoute[] = [
  { path: 'work-logs/mine', permission: 'worklog.write', Component: MyWorkLogPage },
  { path: 'work-logs', permission: 'worklog.view', Component: WorkLogsPage },
  { path: 'work-logs/:id', permission: 'worklog.view', Component: WorkLogDetailPage },
  { path: 'monthly-reports', permission: 'worklog.view', Component: MonthlyReportsPage },
];
