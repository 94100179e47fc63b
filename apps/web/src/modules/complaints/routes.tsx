import { BarChartOutlined, PhoneOutlined, WarningOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { COMPLAINT_VIEW } from './constants';

const ComplaintListPage = lazy(() =>
  import('./pages/ComplaintListPage').then((m) => ({ default: m.ComplaintListPage })),
);
const ComplaintDetailPage = lazy(() =>
  import('./pages/ComplaintDetailPage').then((m) => ({ default: m.ComplaintDetailPage })),
);
const SatisfactionPage = lazy(() => import('./pages/SatisfactionPage').then((m) => ({ default: m.SatisfactionPage })));
const VisitListPage = lazy(() =>
  import('../return-visits/pages/VisitListPage').then((m) => ({ default: m.VisitListPage })),
);
const VisitPage = lazy(() => import('../return-visits/pages/VisitPage').then((m) => ({ default: m.VisitPage })));

/** 售后服务 items of complaints (顾客异议), return visits (回访) and satisfaction results. */
export const afterSalesMenuItems: MenuItemDef[] = [
  {
    key: 'return-visits',
    path: '/return-visits',
    labelKey: 'menu.returnVisits',
    permission: 'visit.view',
    icon: <PhoneOutlined />,
  },
  {
    key: 'complaints',
    path: '/complaints',
    labelKey: 'menu.complaints',
    permission: COMPLAINT_VIEW,
    icon: <WarningOutlined />,
  },
  {
    key: 'satisfaction',
    path: '/satisfaction',
    labelKey: 'menu.satisfaction',
    permission: 'survey.manage',
    icon: <BarChartOutlined />,
  },
];

export const afterSalesRoutes: AppRoute[] = [
  { path: 'complaints', permission: COMPLAINT_VIEW, Component: ComplaintListPage },
  { path: 'complaints/:id', permission: COMPLAINT_VIEW, Component: ComplaintDetailPage },
  { path: 'return-visits', permission: 'visit.view', Component: VisitListPage },
  { path: 'return-visits/:id', permission: 'visit.view', Component: VisitPage },
  { path: 'satisfaction', permission: 'survey.manage', Component: SatisfactionPage },
];
