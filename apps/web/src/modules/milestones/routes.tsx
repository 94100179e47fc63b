import { FieldTimeOutlined, PartitionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { MILESTONE_MANAGE, MILESTONE_VIEW } from './constants';

const LateStepsPage = lazy(() => import('./pages/LateStepsPage').then((m) => ({ default: m.LateStepsPage })));
const MilestoneProcessPage = lazy(() =>
  import('./pages/MilestoneProcessPage').then((m) => ({ default: m.MilestoneProcessPage })),
);
const MilestoneTemplatesPage = lazy(() =>
  import('./pages/MilestoneTemplatesPage').then((m) => ({ default: m.MilestoneTemplatesPage })),
);

/** 交付后流程 (SPEC 4.5): the late steps list; the templates are administration. */
export const milestoneMenuItems: MenuItemDef[] = [
  {
    key: 'milestones-late',
    path: '/milestones/late',
    labelKey: 'menu.milestonesLate',
    permission: MILESTONE_VIEW,
    icon: <FieldTimeOutlined />,
  },
];
export const milestoneAdminMenuItems: MenuItemDef[] = [
  {
    key: 'milestone-templates',
    path: '/admin/milestone-templates',
    labelKey: 'menu.milestoneTemplates',
    permission: MILESTONE_MANAGE,
    icon: <PartitionOutlined />,
  },
];

export const milestoneRoutes: AppRoute[] = [
  { path: 'milestones/late', permission: MILESTONE_VIEW, Component: LateStepsPage },
  { path: 'milestones/:id', permission: MILESTONE_VIEW, Component: MilestoneProcessPage },
  { path: 'admin/milestone-templates', permission: MILESTONE_MANAGE, Component: MilestoneTemplatesPage },
];
