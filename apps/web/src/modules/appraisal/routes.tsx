import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { APPRAISAL_SCHEME, APPRAISAL_VIEW } from './constants';

const AppraisalListPage = lazyPage(() => import('./pages/AppraisalListPage').then((m) => m.AppraisalListPage));
const AppraisalRunPage = lazyPage(() => import('./pages/AppraisalRunPage').then((m) => m.AppraisalRunPage));
const AppraisalSchemesPage = lazyPage(() => import('./pages/AppraisalSchemesPage').then((m) => m.AppraisalSchemesPage));
const AppraisalResultPage = lazyPage(() => import('./pages/AppraisalResultPage').then((m) => m.AppraisalResultPage));

/** Appraisal (绩效考核, SPEC 5.2): everyone sees their own results; managers run and review their people's. */
export const appraisalMenuItems: MenuItemDef[] = [
  { key: 'appraisal', path: '/appraisal', labelKey: 'menu.appraisal', permission: APPRAISAL_VIEW },
  // 考核方案 next to 绩效考核: the company's schemes, for those who set them (appraisal.scheme).
  {
    key: 'appraisal-schemes',
    path: '/appraisal/schemes',
    labelKey: 'menu.appraisalSchemes',
    permission: APPRAISAL_SCHEME,
  },
];

export const appraisalRoutes: AppRoute[] = [
  { path: 'appraisal', permission: APPRAISAL_VIEW, Component: AppraisalListPage },
  { path: 'appraisal/schemes', permission: APPRAISAL_SCHEME, Component: AppraisalSchemesPage },
  { path: 'appraisal/runs/:id', permission: APPRAISAL_VIEW, Component: AppraisalRunPage },
  { path: 'appraisal/results/:id', permission: APPRAISAL_VIEW, Component: AppraisalResultPage },
];
