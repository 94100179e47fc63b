import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { DELIVERY_CREATE, DELIVERY_VIEW, TRACE_VIEW } from './constants';

const DeliveryListPage = lazyPage(() => import('./pages/DeliveryListPage').then((m) => m.DeliveryListPage));
const DeliveryDetailPage = lazyPage(() => import('./pages/DeliveryDetailPage').then((m) => m.DeliveryDetailPage));
const DeliveryCreatePage = lazyPage(() => import('./pages/DeliveryCreatePage').then((m) => m.DeliveryCreatePage));
const TracePage = lazyPage(() => import('./pages/TracePage').then((m) => m.TracePage));

/** 仓储发货 group: 发货单 and 批次追溯 (SPEC 3.5). */
export const deliveryMenuItems: MenuItemDef[] = [
  {
    key: 'deliveries',
    path: '/deliveries',
    labelKey: 'menu.deliveries',
    permission: DELIVERY_VIEW,
  },
  { key: 'trace', path: '/trace', labelKey: 'menu.trace', permission: TRACE_VIEW },
];

export const deliveryRoutes: AppRoute[] = [
  { path: 'deliveries', permission: DELIVERY_VIEW, Component: DeliveryListPage },
  { path: 'deliveries/new', permission: DELIVERY_CREATE, Component: DeliveryCreatePage },
  { path: 'deliveries/:id', permission: DELIVERY_VIEW, Component: DeliveryDetailPage },
  { path: 'trace', permission: TRACE_VIEW, Component: TracePage },
];
