import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const InquiriesPage = lazyPage(() => import('./pages/InquiriesPage').then((m) => m.InquiriesPage));
const InquiryDetailPage = lazyPage(() => import('./pages/InquiryDetailPage').then((m) => m.InquiryDetailPage));
const PresaleRequestsPage = lazyPage(() => import('./pages/PresaleRequestsPage').then((m) => m.PresaleRequestsPage));
const PresaleRequestDetailPage = lazyPage(() =>
  import('./pages/PresaleRequestDetailPage').then((m) => m.PresaleRequestDetailPage),
);
const InquiryAnalysisPage = lazyPage(() => import('./pages/InquiryAnalysisPage').then((m) => m.InquiryAnalysisPage));

/** 售前咨询 (SPEC 2.9): inquiries, pre-sale requests, analysis. */
export const inquiryMenuItems: MenuItemDef[] = [
  { key: 'inquiries', path: '/inquiries', labelKey: 'menu.inquiries', permission: 'inquiry.view' },
  { key: 'presale-requests', path: '/presale-requests', labelKey: 'menu.presaleRequests', permission: 'inquiry.view' },
  {
    key: 'inquiry-analysis',
    path: '/inquiries/analysis',
    labelKey: 'menu.inquiryAnalysis',
    permission: 'inquiry.view',
  },
];

export const inquiryRoutes: AppRoute[] = [
  { path: 'inquiries', permission: 'inquiry.view', Component: InquiriesPage },
  { path: 'inquiries/analysis', permission: 'inquiry.view', Component: InquiryAnalysisPage },
  { path: 'inquiries/:id', permission: 'inquiry.view', Component: InquiryDetailPage },
  { path: 'presale-requests', permission: 'inquiry.view', Component: PresaleRequestsPage },
  { path: 'presale-requests/:id', permission: 'inquiry.view', Component: PresaleRequestDetailPage },
];
