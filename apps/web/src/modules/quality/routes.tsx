import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { CAPA_VIEW, DOCUMENT_VIEW, QUALITY_VIEW } from './constants';

const AuditListPage = lazyPage(() => import('./pages/AuditListPage').then((m) => m.AuditListPage));
const AuditDetailPage = lazyPage(() => import('./pages/AuditDetailPage').then((m) => m.AuditDetailPage));
const CapaListPage = lazyPage(() => import('./pages/CapaListPage').then((m) => m.CapaListPage));
const CapaDetailPage = lazyPage(() => import('./pages/CapaDetailPage').then((m) => m.CapaDetailPage));
const DocumentListPage = lazyPage(() => import('./pages/DocumentListPage').then((m) => m.DocumentListPage));
const DocumentDetailPage = lazyPage(() => import('./pages/DocumentDetailPage').then((m) => m.DocumentDetailPage));

/** Quality records (SPEC 5.7): internal audits, corrective/preventive actions, controlled documents. */
export const qualityMenuItems: MenuItemDef[] = [
  { key: 'quality-audits', path: '/quality/audits', labelKey: 'menu.qualityAudits', permission: QUALITY_VIEW },
  { key: 'quality-capas', path: '/quality/capas', labelKey: 'menu.qualityCapas', permission: CAPA_VIEW },
  {
    key: 'quality-documents',
    path: '/quality/documents',
    labelKey: 'menu.qualityDocuments',
    permission: DOCUMENT_VIEW,
  },
];

export const qualityRoutes: AppRoute[] = [
  { path: 'quality/audits', permission: QUALITY_VIEW, Component: AuditListPage },
  { path: 'quality/audits/:id', permission: QUALITY_VIEW, Component: AuditDetailPage },
  { path: 'quality/capas', permission: CAPA_VIEW, Component: CapaListPage },
  { path: 'quality/capas/:id', permission: CAPA_VIEW, Component: CapaDetailPage },
  { path: 'quality/documents', permission: DOCUMENT_VIEW, Component: DocumentListPage },
  { path: 'quality/documents/:id', permission: DOCUMENT_VIEW, Component: DocumentDetailPage },
];
