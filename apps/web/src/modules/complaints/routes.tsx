import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { COMPLAINT_VIEW } from './constants';

const ComplaintListPage = lazyPage(() => import('./pages/ComplaintListPage').then((m) => m.ComplaintListPage));
const ComplaintDetailPage = lazyPage(() => import('./pages/ComplaintDetailPage').then((m) => m.ComplaintDetailPage));
const SatisfactionPage = lazyPage(() => import('./pages/SatisfactionPage').then((m) => m.SatisfactionPage));
const VisitListPage = lazyPage(() => import('../return-visits/pages/VisitListPage').then((m) => m.VisitListPage));
const VisitPage = lazyPage(() => import('../return-visits/pages/VisitPage').then((m) => m.VisitPage));

/** 售后服务 items of complaints (顾客异议), return visits (回访) and satisfaction results. */
export const afterSalesMenuItems: MenuItemDef[] = [
  {
    key: 'return-visits',
    path: '/return-visits',
    labelKey: 'menu.returnVisits',
    permission: 'visit.view',
  },
  {
    key: 'complaints',
    path: '/complaints',
    labelKey: 'menu.complaints',
    permission: COMPLAINT_VIEW,
  },
  {
    key: 'satisfaction',
    path: '/satisfaction',
    labelKey: 'menu.satisfaction',
    permission: 'survey.manage',
  },
];

export const afterSalesRoutes: AppRoute[] = [
  { path: 'complaints', permission: COMPLAINT_VIEW, Component: ComplaintListPage },
  { path: 'complaints/:id', permission: COMPLAINT_VIEW, Component: ComplaintDetailPage },
  { path: 'return-visits', permission: 'visit.view', Component: VisitListPage },
  { path: 'return-visits/:id', permission: 'visit.view', Component: VisitPage },
  { path: 'satisfaction', permission: 'survey.manage', Component: SatisfactionPage },
];
