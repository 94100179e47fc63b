import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { PLAN_VIEW, WORKPLAN_VIEW, WORKPLAN_WRITE } from './constants';

const PlanListPage = lazyPage(() => import('./pages/PlanListPage').then((m) => m.PlanListPage));
const PlanDetailPage = lazyPage(() => import('./pages/PlanDetailPage').then((m) => m.PlanDetailPage));
const PlanVsActualPage = lazyPage(() => import('./pages/PlanVsActualPage').then((m) => m.PlanVsActualPage));
const LeadTargetPage = lazyPage(() => import('./pages/LeadTargetPage').then((m) => m.LeadTargetPage));
const MyWorkPlansPage = lazyPage(() => import('./pages/MyWorkPlansPage').then((m) => m.MyWorkPlansPage));
const TeamWorkPlansPage = lazyPage(() => import('./pages/TeamWorkPlansPage').then((m) => m.TeamWorkPlansPage));

/** Targets and plans (SPEC 2.1), under 报表分析: annual plans, plan vs actual, the 4S lead target, monthly work plans. */
export const planMenuItems: MenuItemDef[] = [
  { key: 'plans', path: '/plans', labelKey: 'menu.plans', permission: PLAN_VIEW },
  { key: 'plans-vs-actual', path: '/plans-vs-actual', labelKey: 'menu.plansVsActual', permission: PLAN_VIEW },
  { key: 'plans-lead-target', path: '/plans-lead-target', labelKey: 'menu.plansLeadTarget', permission: PLAN_VIEW },
  { key: 'work-plans-mine', path: '/work-plans/mine', labelKey: 'menu.workPlansMine', permission: WORKPLAN_WRITE },
  { key: 'work-plans-team', path: '/work-plans/team', labelKey: 'menu.workPlansTeam', permission: WORKPLAN_VIEW },
];

export const planRoutes: AppRoute[] = [
  { path: 'plans', permission: PLAN_VIEW, Component: PlanListPage },
  { path: 'plans/:id', permission: PLAN_VIEW, Component: PlanDetailPage },
  { path: 'plans-vs-actual', permission: PLAN_VIEW, Component: PlanVsActualPage },
  { path: 'plans-lead-target', permission: PLAN_VIEW, Component: LeadTargetPage },
  { path: 'work-plans/mine', permission: WORKPLAN_WRITE, Component: MyWorkPlansPage },
  { path: 'work-plans/team', permission: WORKPLAN_VIEW, Component: TeamWorkPlansPage },
];
