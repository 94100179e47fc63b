import { BarChartOutlined, CalendarOutlined, FileTextOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { REPORT_VIEW } from './constants';

const DailyReportPage = lazy(() => import('./pages/DailyReportPage').then((m) => ({ default: m.DailyReportPage })));
const WeeklyReportPage = lazy(() => import('./pages/WeeklyReportPage').then((m) => ({ default: m.WeeklyReportPage })));
const HalfYearReportPage = lazy(() =>
  import('./pages/HalfYearReportPage').then((m) => ({ default: m.HalfYearReportPage })),
);
const DealRegisterPage = lazy(() => import('./pages/DealRegisterPage').then((m) => ({ default: m.DealRegisterPage })));

/** 报表分析 entries (SPEC 5.1): the generated reports, beside the dashboards. */
export const reportMenuItems: MenuItemDef[] = [
  {
    key: 'report-daily',
    path: '/reports/daily',
    labelKey: 'menu.reportDaily',
    permission: REPORT_VIEW,
    icon: <FileTextOutlined />,
  },
  {
    key: 'report-weekly',
    path: '/reports/weekly',
    labelKey: 'menu.reportWeekly',
    permission: REPORT_VIEW,
    icon: <CalendarOutlined />,
  },
  {
    key: 'report-half',
    path: '/reports/half-year',
    labelKey: 'menu.reportHalfYear',
    permission: REPORT_VIEW,
    icon: <BarChartOutlined />,
  },
  {
    key: 'report-deals',
    path: '/reports/deals',
    labelKey: 'menu.reportDeals',
    permission: REPORT_VIEW,
    icon: <SolutionOutlined />,
  },
];

export const reportRoutes: AppRoute[] = [
  { path: 'reports/daily', permission: REPORT_VIEW, Component: DailyReportPage },
  { path: 'reports/weekly', permission: REPORT_VIEW, Component: WeeklyReportPage },
  { path: 'reports/half-year', permission: REPORT_VIEW, Component: HalfYearReportPage },
  { path: 'reports/deals', permission: REPORT_VIEW, Component: DealRegisterPage },
];
