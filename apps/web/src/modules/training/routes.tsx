import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { TRAINING_VIEW } from './constants';

const TrainingPlanListPage = lazyPage(() => import('./pages/TrainingPlanListPage').then((m) => m.TrainingPlanListPage));
const TrainingPlanDetailPage = lazyPage(() =>
  import('./pages/TrainingPlanDetailPage').then((m) => m.TrainingPlanDetailPage),
);
const TrainingSessionPage = lazyPage(() => import('./pages/TrainingSessionPage').then((m) => m.TrainingSessionPage));
const StaffListPage = lazyPage(() => import('./pages/StaffListPage').then((m) => m.StaffListPage));
const StaffDetailPage = lazyPage(() => import('./pages/StaffDetailPage').then((m) => m.StaffDetailPage));
const CompliancePage = lazyPage(() => import('./pages/CompliancePage').then((m) => m.CompliancePage));

/** Training (培训, SPEC 5.4): plans and sessions, staff records, what is missing or expired. */
export const trainingMenuItems: MenuItemDef[] = [
  { key: 'training-plans', path: '/training', labelKey: 'menu.trainingPlans', permission: TRAINING_VIEW },
  { key: 'training-staff', path: '/training/staff', labelKey: 'menu.trainingStaff', permission: TRAINING_VIEW },
  {
    key: 'training-compliance',
    path: '/training/compliance',
    labelKey: 'menu.trainingCompliance',
    permission: TRAINING_VIEW,
  },
];

export const trainingRoutes: AppRoute[] = [
  { path: 'training', permission: TRAINING_VIEW, Component: TrainingPlanListPage },
  { path: 'training/plans/:id', permission: TRAINING_VIEW, Component: TrainingPlanDetailPage },
  { path: 'training/sessions/:id', permission: TRAINING_VIEW, Component: TrainingSessionPage },
  { path: 'training/staff', permission: TRAINING_VIEW, Component: StaffListPage },
  { path: 'training/staff/:id', permission: TRAINING_VIEW, Component: StaffDetailPage },
  { path: 'training/compliance', permission: TRAINING_VIEW, Component: CompliancePage },
];
