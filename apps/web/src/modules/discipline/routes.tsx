import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { DISCIPLINE_VIEW } from './constants';

const DisciplineListPage = lazyPage(() => import('./pages/DisciplineListPage').then((m) => m.DisciplineListPage));
const DisciplineDetailPage = lazyPage(() => import('./pages/DisciplineDetailPage').then((m) => m.DisciplineDetailPage));

/** Discipline (奖惩, SPEC 5.6): everyone sees their own records; managers those of their people. */
export const disciplineMenuItems: MenuItemDef[] = [
  { key: 'discipline', path: '/discipline', labelKey: 'menu.discipline', permission: DISCIPLINE_VIEW },
];

export const disciplineRoutes: AppRoute[] = [
  { path: 'discipline', permission: DISCIPLINE_VIEW, Component: DisciplineListPage },
  { path: 'discipline/:id', permission: DISCIPLINE_VIEW, Component: DisciplineDetailPage },
];
