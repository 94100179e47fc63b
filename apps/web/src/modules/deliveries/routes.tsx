import { CarOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { DELIVERY_CREATE, DELIVERY_VIEW, TRACE_VIEW } from './constants';

const DeliveryListPage = lazy(() => import('./pages/DeliveryListPage').then((m) => ({ default: m.DeliveryListPage })));
const DeliveryDetailPage = lazy(() =>
  import('./pages/DeliveryDetailPage').then((m) => ({ default: m.DeliveryDetailPage })),
);
const DeliveryCreatePage = lazy(() =>
  import('./pages/DeliveryCreatePage').then((m) => ({ default: m.DeliveryCreatePage })),
);
const TracePage = lazy(() => import('./pages/TracePage').then((m) => ({ default: m.TracePage })));

/** 仓储发货 group: 发货单 and 批次追溯 (SPEC 3.5). */
export const deliveryMenuItems: MenuItemDef[] = [
  {
    key: 'deliveries',
    path: '/deliveries',
    labelKey: 'menu.deliveries',
    permission: DELIVERY_VIEW,
    icon: <CarOutlined />,
  },
  { key: 'trace', path: '/trace', labelKey: 'menu.trace', permission: TRACE_VIEW, icon: <NodeIndexOutlined /> },
];

export const deliveryRoutes: AppRoute[] = [
  { path: 'deliveries', permission: DELIVERY_VIEW, Component: DeliveryListPage },
  { path: 'deliveries/new', permission: DELIVERY_CREATE, Component: DeliveryCreatePage },
  { path: 'deliveries/:id', permission: DELIVERY_VIEW, Component: DeliveryDetailPage },
  { path: 'trace', permission: TRACE_VIEW, Component: TracePage },
];
