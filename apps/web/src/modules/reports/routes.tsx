import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { REPORT_VIEW } from './constants';

const DailyReportPage = lazyPage(() => import('./pages/DailyReportPage').then((m) => m.DailyReportPage));
const WeeklyReportPage = lazyPage(() => import('./pages/WeeklyReportPage').then((m) => m.WeeklyReportPage));
const HalfYearReportPage = lazyPage(() => import('./pages/HalfYearReportPage').then((m) => m.HalfYearReportPage));
const DealRegisterPage = lazyPage(() => import('./pages/DealRegisterPage').then((m) => m.DealRegisterPage));

/** 报表分析 entries (SPEC 5.1): the generated reports, beside the dashboards. */
export const reportMenuItems: MenuItemDef[] = [
  {
    key: 'report-daily',
    path: '/reports/daily',
    labelKey: 'menu.reportDaily',
    permission: REPORT_VIEW,
  },
  {
    key: 'report-weekly',
    path: '/reports/weekly',
    labelKey: 'menu.reportWeekly',
    permission: REPORT_VIEW,
  },
  {
    key: 'report-half',
    path: '/reports/half-year',
    labelKey: 'menu.reportHalfYear',
    permission: REPORT_VIEW,
  },
  {
    key: 'report-deals',
    path: '/reports/deals',
    labelKey: 'menu.reportDeals',
    permission: REPORT_VIEW,
  },
];

export const reportRoutes: AppRoute[] = [
  { path: 'reports/daily', permission: REPORT_VIEW, Component: DailyReportPage },
  { path: 'reports/weekly', permission: REPORT_VIEW, Component: WeeklyReportPage },
  { path: 'reports/half-year', permission: REPORT_VIEW, Component: HalfYearReportPage },
  { path: 'reports/deals', permission: REPORT_VIEW, Component: DealRegisterPage },
];
