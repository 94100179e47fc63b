import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { PLAN_VIEW, WORKPLAN_VIEW, WORKPLAN_WRITE } from './constants';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const PlanListPage = named(() => import('./pages/PlanListPage'), 'PlanListPage');
const PlanDetailPage = named(() => import('./pages/PlanDetailPage'), 'PlanDetailPage');
const PlanVsActualPage = named(() => import('./pages/PlanVsActualPage'), 'PlanVsActualPage');
const LeadTargetPage = named(() => import('./pages/LeadTargetPage'), 'LeadTargetPage');
const MyWorkPlansPage = named(() => import('./pages/MyWorkPlansPage'), 'MyWorkPlansPage');
const TeamWorkPlansPage = named(() => import('./pages/TeamWorkPlansPage'), 'TeamWorkPlansPage');

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
