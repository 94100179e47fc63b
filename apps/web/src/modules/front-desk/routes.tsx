import { ShopOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const FrontDeskPage = lazyPage(() => import('./pages/FrontDeskPage').then((m) => m.FrontDeskPage));
const RegistrationsPage = lazyPage(() => import('./pages/RegistrationsPage').then((m) => m.RegistrationsPage));
const RegistrationDetailPage = lazyPage(() =>
  import('./pages/RegistrationDetailPage').then((m) => m.RegistrationDetailPage),
);
const StatsPage = lazyPage(() => import('./pages/StatsPage').then((m) => m.StatsPage));
const DutyPage = lazyPage(() => import('./pages/DutyPage').then((m) => m.DutyPage));

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
    },
    {
      key: 'registrations',
      path: '/front-desk/registrations',
      labelKey: 'menu.registrations',
      permission: 'frontdesk.view',
    },
    {
      key: 'front-desk-stats',
      path: '/front-desk/stats',
      labelKey: 'menu.frontDeskStats',
      permission: 'frontdesk.view',
    },
    { key: 'duty', path: '/duty', labelKey: 'menu.duty', permission: 'duty.manage' },
  ],
};

export const frontDeskRoutes: AppRoute[] = [
  { path: 'front-desk', permission: 'frontdesk.register', Component: FrontDeskPage },
  { path: 'front-desk/registrations', permission: 'frontdesk.view', Component: RegistrationsPage },
  { path: 'front-desk/registrations/:id', permission: 'frontdesk.view', Component: RegistrationDetailPage },
  { path: 'front-desk/stats', permission: 'frontdesk.view', Component: StatsPage },
  { path: 'duty', permission: 'duty.manage', Component: DutyPage },
];
