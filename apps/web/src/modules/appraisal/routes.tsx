import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { APPRAISAL_VIEW } from './constants';

const AppraisalListPage = lazyPage(() => import('./pages/AppraisalListPage').then((m) => m.AppraisalListPage));
const AppraisalRunPage = lazyPage(() => import('./pages/AppraisalRunPage').then((m) => m.AppraisalRunPage));
const AppraisalResultPage = lazyPage(() => import('./pages/AppraisalResultPage').then((m) => m.AppraisalResultPage));

/** Appraisal (绩效考核, SPEC 5.2): everyone sees their own results; managers run and review their people's. */
export const appraisalMenuItems: MenuItemDef[] = [
  { key: 'appraisal', path: '/appraisal', labelKey: 'menu.appraisal', permission: APPRAISAL_VIEW },
];

export const appraisalRoutes: AppRoute[] = [
  { path: 'appraisal', permission: APPRAISAL_VIEW, Component: AppraisalListPage },
  { path: 'appraisal/runs/:id', permission: APPRAISAL_VIEW, Component: AppraisalRunPage },
  { path: 'appraisal/results/:id', permission: APPRAISAL_VIEW, Component: AppraisalResultPage },
];
