import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { MILESTONE_MANAGE, MILESTONE_VIEW } from './constants';

const LateStepsPage = lazyPage(() => import('./pages/LateStepsPage').then((m) => m.LateStepsPage));
const MilestoneProcessPage = lazyPage(() => import('./pages/MilestoneProcessPage').then((m) => m.MilestoneProcessPage));
const MilestoneTemplatesPage = lazyPage(() =>
  import('./pages/MilestoneTemplatesPage').then((m) => m.MilestoneTemplatesPage),
);

/** 交付后流程 (SPEC 4.5): the late steps list; the templates are administration. */
export const milestoneMenuItems: MenuItemDef[] = [
  {
    key: 'milestones-late',
    path: '/milestones/late',
    labelKey: 'menu.milestonesLate',
    permission: MILESTONE_VIEW,
  },
];
export const milestoneAdminMenuItems: MenuItemDef[] = [
  {
    key: 'milestone-templates',
    path: '/admin/milestone-templates',
    labelKey: 'menu.milestoneTemplates',
    permission: MILESTONE_MANAGE,
  },
];

export const milestoneRoutes: AppRoute[] = [
  { path: 'milestones/late', permission: MILESTONE_VIEW, Component: LateStepsPage },
  { path: 'milestones/:id', permission: MILESTONE_VIEW, Component: MilestoneProcessPage },
  { path: 'admin/milestone-templates', permission: MILESTONE_MANAGE, Component: MilestoneTemplatesPage },
];
