import { BarChartOutlined, CalendarOutlined, FormOutlined, ProfileOutlined, ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const FrontDeskPage = lazy(() => import('./pages/FrontDeskPage').then((m) => ({ default: m.FrontDeskPage })));
const RegistrationsPage = lazy(() =>
  import('./pages/RegistrationsPage').then((m) => ({ default: m.RegistrationsPage })),
);
const RegistrationDetailPage = lazy(() =>
  import('./pages/RegistrationDetailPage').then((m) => ({ default: m.RegistrationDetailPage })),
);
const StatsPage = lazy(() => import('./pages/StatsPage').then((m) => ({ default: m.StatsPage })));
const DutyPage = lazy(() => import('./pages/DutyPage').then((m) => ({ default: m.DutyPage })));

/** Side-menu group "前台集客": registration at the desk, its records and counts, the duty roster. */
export const frontDeskMenu: MenuGroupDef = {
  key: 'front-desk',
  labelKey: 'menu.frontDeskGroup',
  icon: <ShopOutlined />,
  items: [
    {
      key: 'front-desk',
      path: '/front-desk',
      labelKey: 'menu.frontDesk',
      permission: 'frontdesk.register',
      icon: <FormOutlined />,
    },
    {
      key: 'registrations',
      path: '/front-desk/registrations',
      labelKey: 'menu.registrations',
      permission: 'frontdesk.view',
      icon: <ProfileOutlined />,
    },
    {
      key: 'front-desk-stats',
      path: '/front-desk/stats',
      labelKey: 'menu.frontDeskStats',
      permission: 'frontdesk.view',
      icon: <BarChartOutlined />,
    },
    { key: 'duty', path: '/duty', labelKey: 'menu.duty', permission: 'duty.manage', icon: <CalendarOutlined /> },
  ],
};

export const frontDeskRoutes: AppRoute[] = [
  { path: 'front-desk', permission: 'frontdesk.register', Component: FrontDeskPage },
  { path: 'front-desk/registrations', permission: 'frontdesk.view', Component: RegistrationsPage },
  { path: 'front-desk/registrations/:id', permission: 'frontdesk.view', Component: RegistrationDetailPage },
  { path: 'front-desk/stats', permission: 'frontdesk.view', Component: StatsPage },
  { path: 'duty', permission: 'duty.manage', Component: DutyPage },
];
