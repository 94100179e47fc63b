import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { ORDER_CREATE, ORDER_EDIT, ORDER_PLAN, ORDER_VIEW } from './constants';

const OrderListPage = lazyPage(() => import('./pages/OrderListPage').then((m) => m.OrderListPage));
const OrderDetailPage = lazyPage(() => import('./pages/OrderDetailPage').then((m) => m.OrderDetailPage));
const OrderFormPage = lazyPage(() => import('./pages/OrderFormPage').then((m) => m.OrderFormPage));
const PlannerPage = lazyPage(() => import('./pages/PlannerPage').then((m) => m.PlannerPage));

/** 销售业务 group: 订单管理 and 计划排产 (SPEC 3.4). */
export const orderMenuItems: MenuItemDef[] = [
  { key: 'orders', path: '/orders', labelKey: 'menu.orders', permission: ORDER_VIEW },
  { key: 'planner', path: '/planner', labelKey: 'menu.planner', permission: ORDER_PLAN },
];

export const orderRoutes: AppRoute[] = [
  { path: 'orders', permission: ORDER_VIEW, Component: OrderListPage },
  { path: 'orders/new', permission: ORDER_CREATE, Component: OrderFormPage },
  { path: 'orders/:id', permission: ORDER_VIEW, Component: OrderDetailPage },
  { path: 'orders/:id/edit', permission: ORDER_EDIT, Component: OrderFormPage },
  { path: 'planner', permission: ORDER_PLAN, Component: PlannerPage },
];
